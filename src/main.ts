import type { Config } from './config';
import { type DatabaseHandle, openDatabase } from './db/client';
import { applyMigrations } from './db/migrate';
import {
  DEMO_DOSSIERS_INLINE,
  DEMO_PASSWORD,
  type DemoLoadOptions,
  type DemoSummary,
  demoAccounts,
  hasDemoMarker,
  isDatabaseEmpty,
  loadDemoData,
} from './demo';
import { type App, buildApp } from './http/app';
import { type RunningJobs, startJobs } from './jobs';
import { refreshSearchPopularity } from './jobs/search-popularity';
import { hasActiveAdministrator } from './modules/auth';
import { hasUnits } from './modules/org';

export type RunningServer = { app: App; database: DatabaseHandle; url: string; close(): Promise<void> };

/** config → database → migrations → (demo data on first start, when asked) → HTTP → background jobs (unless JOBS=off). */
export async function startServer(
  config: Config,
  options: { loadDemo?: boolean; demo?: DemoLoadOptions; print?: (line: string) => void } = {},
): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await applyMigrations(database);
  const shouldLoadDemo = (options.loadDemo ?? config.loadDemo) && (await isDatabaseEmpty(database.db));
  let demo: DemoSummary | undefined;
  if (shouldLoadDemo) {
    print('Đang nạp dữ liệu mẫu (lần khởi động đầu tiên)...');
    demo = await loadDemoData(database.db, {
      dossiers: config.demoDossiers,
      dossiersInline: DEMO_DOSSIERS_INLINE,
      phoneChannels: config.notifyPhoneChannels,
      ...options.demo,
    });
    print(
      `Đã nạp ${demo.units} đơn vị, ${demo.procedures} thủ tục, ${demo.users} tài khoản mẫu, ${demo.dossiers.made} hồ sơ mẫu, ${demo.plans.plans} kế hoạch (${demo.plans.tasks} nhiệm vụ).`,
    );
    if (demo.dossiers.firstError) print(`Không tạo được ${demo.dossiers.failed} hồ sơ mẫu (${demo.dossiers.firstError}).`);
  }
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : config.port}`;
  let jobs: RunningJobs | undefined;
  try {
    if (config.jobsEnabled) jobs = await startJobs(database, config, app.log);
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  // The rest of the demo dossiers are made after the server listens (src/demo/dossiers.ts), one after the other.
  const stopDemo = new AbortController();
  const moreDemo = demo?.moreDossiers?.(stopDemo.signal).then(
    (more) => {
      if (stopDemo.signal.aborted) return;
      print(`Đã tạo thêm ${more.made} hồ sơ mẫu trong nền.${more.failed ? ` Không tạo được ${more.failed} (${more.firstError}).` : ''}`);
      // The daily count ran at start on the first hundred: count again now that all of them exist.
      return refreshSearchPopularity({ db: database.db, now: new Date() }).then(
        () => undefined,
        (error: unknown) => app.log.error({ err: error }, 'search popularity after the demo dossiers failed'),
      );
    },
    (error: unknown) => app.log.error({ err: error }, 'demo dossiers in the background failed'),
  );
  if (moreDemo) print('Đang tạo thêm hồ sơ mẫu trong nền (vài phút)...');
  print(
    `motcua đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng trong ${config.dataDir}` : 'PostgreSQL'})`,
  );
  // The shared demo password is shown once, when the accounts are created; later starts only say what this is.
  if (shouldLoadDemo) {
    print(`Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts) print(`  ${account.username.padEnd(12)} ${account.description}`);
  } else if (await hasDemoMarker(database.db)) {
    print('Đây là bản cài đặt có dữ liệu mẫu (tài khoản mẫu: xem README).');
  } else {
    for (const line of await describeMissingSetup(database)) print(line);
  }
  return {
    app,
    database,
    url,
    async close() {
      stopDemo.abort();
      await moreDemo;
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}

/** What a fresh installation without demo data still needs before anyone can work in it (README, "Production"). */
async function describeMissingSetup(database: DatabaseHandle): Promise<string[]> {
  const lines: string[] = [];
  if (!(await hasActiveAdministrator(database.db))) {
    lines.push('Chưa có tài khoản quản trị. Tạo tài khoản đầu tiên: motcua admin create TEN_DANG_NHAP --full-name "Họ và tên"');
  }
  if (!(await hasUnits(database.db))) {
    lines.push('Chưa có đơn vị nào. Nhập cây đơn vị: motcua import units TEP.json|TEP.xlsx|TEP.csv (docs/formats/units.md)');
  }
  return lines;
}
