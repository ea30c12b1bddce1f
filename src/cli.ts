import { ConfigError, loadConfig } from './config';
import { DatabaseBusyError } from './db/client';

/** Every command and option; `motcua --help` prints it, a wrong command prints it to stderr with exit code 2. */
export const usage = `motcua — hệ thống một cửa số

Cách dùng: motcua <lệnh> [tham số]

Máy chủ
  motcua serve [--no-demo]
      chạy máy chủ web và API (npm start chạy lệnh này). Với cơ sở dữ liệu nhúng, lần chạy đầu tiên nạp dữ liệu mẫu
      (trừ khi có --no-demo hoặc MOTCUA_DEMO=0); với DATABASE_URL thì không bao giờ nạp, trừ khi MOTCUA_DEMO=1.
      Máy chủ cũng chạy các tác vụ nền (gửi thông báo, rà soát hạn), trừ khi JOBS=off.
  motcua worker
      chỉ chạy các tác vụ nền, không có máy chủ web (chỉ với PostgreSQL: DATABASE_URL); chạy được nhiều worker cùng lúc

Tài khoản
  motcua admin create TEN_DANG_NHAP [--full-name "Họ và tên"]
      tạo tài khoản quản trị; mật khẩu được hỏi hai lần (không hiện khi gõ), hoặc đọc từ dòng đầu của đầu vào chuẩn
  motcua admin password TEN_DANG_NHAP
      đặt mật khẩu mới cho một tài khoản (mọi phiên đăng nhập của tài khoản đó kết thúc)
  Mật khẩu: ít nhất 10 ký tự, không chứa tên đăng nhập, không thuộc danh sách mật khẩu phổ biến.

Đơn vị (docs/formats/units.md)
  motcua import units TEP.json|TEP.xlsx|TEP.csv [--dry-run]
      nhập cây đơn vị; tệp có bất kỳ dòng lỗi nào thì không đơn vị nào được ghi
  motcua export units TEP.json|TEP.xlsx|TEP.csv
      xuất mọi đơn vị, cả đơn vị đã hết hiệu lực

Giám sát (docs/formats/dossier-facts.md)
  motcua export dossier-facts --from YYYY-MM-DD --to YYYY-MM-DD TEP.csv
      xuất mỗi hồ sơ tiếp nhận trong kỳ một dòng CSV (UTF-8 có BOM) để kiểm tra lại chỉ số và Biểu 06

Danh mục thủ tục (docs/formats/catalog.md)
  motcua import procedures TEP.json|TEP.xlsx [--dry-run]
      [--decision-number SO --decision-date YYYY-MM-DD --signer NGUOI_KY --effective-date YYYY-MM-DD
       [--decision-type new|amended|replaced|abolished]]
      nhập danh mục thủ tục; tệp có bất kỳ dòng lỗi nào thì không thủ tục nào được ghi
  motcua export procedures TEP.json|TEP.xlsx [--date YYYY-MM-DD] [--template]
      xuất các thủ tục có hiệu lực vào ngày đã cho (mặc định hôm nay), hoặc một mẫu trống

Kế hoạch (docs/plan-import.md)
  motcua plan import TEP.md|TEP.txt|TEP.docx|TEP.pdf [--json] [--stats]
      đọc một kế hoạch (không cần cơ sở dữ liệu): thông tin văn bản, mục tiêu, nhiệm vụ với đơn vị chủ trì, phối hợp
      và thời hạn; --json in đúng cấu trúc dữ liệu, --stats in số nhiệm vụ, mục tiêu và thời hạn tìm thấy

Dữ liệu mẫu
  motcua seed
      nạp tỉnh mẫu vào một cơ sở dữ liệu trống (mật khẩu chung của tài khoản mẫu được in ra một lần)

  motcua help | --help | -h
      in hướng dẫn này

Cấu hình bằng biến môi trường (README, mục Configuration): DATABASE_URL, DATA_DIR, PORT, HOST, MOTCUA_DEMO,
COOKIE_SECURE, TRUST_PROXY, SESSION_TTL_HOURS, LOG_LEVEL, JOBS, SMTP_URL, MAIL_FROM, SMS_WEBHOOK_URL...
Mã thoát: 0 thành công, 1 lỗi dữ liệu hoặc hệ thống, 2 sai cú pháp lệnh.`;

const helpWords = new Set(['help', '--help', '-h']);

async function main(argv: string[]): Promise<number | 'running'> {
  const [command, ...rest] = argv;
  if (command !== undefined && helpWords.has(command)) {
    console.log(usage);
    return 0;
  }
  // No command is a mistake, not a request to start a server: `motcua` alone says how to use it.
  if (command === undefined) {
    console.error(usage);
    return 2;
  }
  switch (command) {
    case 'serve': {
      const unknown = rest.filter((argument) => argument !== '--no-demo');
      if (unknown.length) return wrongUsage(`Tham số không hợp lệ cho serve: ${unknown.join(' ')}.`);
      const { startServer } = await import('./main');
      const server = await startServer(loadConfig(), { loadDemo: rest.includes('--no-demo') ? false : undefined });
      let isStopping = false;
      const stop = async () => {
        // The signal may come twice (a terminal and bin/motcua.mjs, a supervisor and its child): one shutdown.
        if (isStopping) return;
        isStopping = true;
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return 'running';
    }
    case 'worker': {
      if (rest.length) return wrongUsage('Lệnh worker không nhận tham số.');
      const { startWorker, WorkerUnavailableError } = await import('./jobs/worker');
      const config = loadConfig();
      let worker: Awaited<ReturnType<typeof startWorker>>;
      try {
        worker = await startWorker(config);
      } catch (error) {
        if (!(error instanceof WorkerUnavailableError)) throw error;
        console.error(error.message);
        return 1;
      }
      let isStopping = false;
      const stop = async () => {
        if (isStopping) return;
        isStopping = true;
        await worker.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return 'running';
    }
    case 'admin': {
      const { runAdminCommand } = await import('./modules/auth/admin-cli');
      return runAdminCommand(loadConfig(), rest);
    }
    case 'import':
    case 'export': {
      if (command === 'export' && rest[0] === 'dossier-facts') {
        const { runDossierFactsExport } = await import('./modules/metrics/dossier-facts-cli');
        return runDossierFactsExport(loadConfig(), rest);
      }
      if (rest[0] === 'units') {
        const { runUnitTransfer } = await import('./modules/org/transfer/cli');
        // A merge the file records moves the merged units' plan tasks in the same transaction (docs/api/plans.md).
        if (command === 'import') (await import('./modules/plans')).registerPlanHooks();
        return runUnitTransfer(loadConfig(), command, rest);
      }
      const { runCatalogTransfer } = await import('./modules/catalog/transfer-cli');
      return runCatalogTransfer(loadConfig(), command, rest);
    }
    case 'plan': {
      const { runPlanCommand } = await import('./plan-import-cli');
      return runPlanCommand(rest);
    }
    case 'seed': {
      if (rest.length) return wrongUsage('Lệnh seed không nhận tham số.');
      const { runSeed } = await import('./demo/seed-cli');
      return runSeed(loadConfig());
    }
    default:
      return wrongUsage(`Lệnh không hợp lệ: ${command}.`);
  }
}

function wrongUsage(message: string): number {
  console.error(message);
  console.error(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (outcome) => {
    if (outcome !== 'running') process.exitCode = outcome;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
