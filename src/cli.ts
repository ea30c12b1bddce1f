import { ConfigError, loadConfig } from './config';
import { DatabaseBusyError } from './db/client';
import { startServer } from './main';

const usage = `Cách dùng: motcua <lệnh>
  serve [--no-demo]                 chạy máy chủ web và API
  import procedures FILE            nhập danh mục thủ tục (.json hoặc .xlsx)
  export procedures FILE            xuất danh mục thủ tục (.json hoặc .xlsx)
  seed                              nạp dữ liệu mẫu vào cơ sở dữ liệu trống`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command ?? 'serve') {
    case 'serve': {
      const server = await startServer(config, { loadDemo: rest.includes('--no-demo') ? false : undefined });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'import':
    case 'export': {
      const { runCatalogTransfer } = await import('./modules/catalog/transfer-cli');
      process.exitCode = await runCatalogTransfer(config, command, rest);
      return;
    }
    case 'seed': {
      const { runSeed } = await import('./demo/seed-cli');
      process.exitCode = await runSeed(config);
      return;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseBusyError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
