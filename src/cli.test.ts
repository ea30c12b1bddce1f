import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, readTestSettings } from './config';
import { openDatabase } from './db/client';
import { applyMigrations } from './db/migrate';
import { DEMO_PASSWORD, loadDemoData } from './demo';
import { buildApp } from './http/app';
import { startServer } from './main';
import { hasUnits } from './modules/org';
import { TEST_PROCEDURE_CODES, type TestBackend, testBackends, testConfig } from './test/harness';

/*
 * The command line as an operator uses it: `motcua` runs as a child process (the TypeScript sources through tsx)
 * on a temporary DATA_DIR, or on a database of its own on the PostgreSQL test server.
 */

/** PostgreSQL's client tools, for the backup the README prescribes (they come with the server's packages). */
const hasPgTools = ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);

type Installation = { env: Record<string, string>; config: ReturnType<typeof testConfig>; dispose(): Promise<void> };
type CliResult = { code: number | null; stdout: string; stderr: string };

/** Each command starts Node, tsx and a database: seconds each, more on a loaded machine. */
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'motcua-cli-'));
});

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** An empty installation: a DATA_DIR for the embedded database, or a new database on the test server. */
async function createInstallation(backend: TestBackend, name: string): Promise<Installation> {
  if (backend === 'pglite') {
    const dataDir = join(directory, name);
    return { env: { DATA_DIR: dataDir }, config: testConfig({ dataDir, databaseUrl: undefined }), dispose: async () => undefined };
  }
  const serverUrl = readTestSettings().testDatabaseUrl!;
  const database = `motcua_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: join(directory, name) },
    config: testConfig({ databaseUrl: url.toString(), dataDir: join(directory, name) }),
    async dispose() {
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${database} with (force)`);
      await cleaner.end();
    },
  };
}

async function withDatabase<T>(installation: Installation, work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const handle = await openDatabase({ databaseUrl: installation.config.databaseUrl, dataDir: installation.config.dataDir });
  try {
    await applyMigrations(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

describe('motcua --help and wrong usage', () => {
  it('prints every command and option for --help, -h and help, with exit code 0', async () => {
    const results = await Promise.all([['--help'], ['-h'], ['help']].map((args) => runCli(args)));
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(results[0]!.stdout);
    }
    const help = results[0]!.stdout;
    const expected = [
      'motcua serve [--no-demo]',
      'motcua worker',
      'motcua admin create TEN_DANG_NHAP [--full-name "Họ và tên"]',
      'motcua admin password TEN_DANG_NHAP',
      'motcua import units TEP.json|TEP.xlsx|TEP.csv [--dry-run]',
      'motcua export units TEP.json|TEP.xlsx|TEP.csv',
      'motcua import procedures TEP.json|TEP.xlsx [--dry-run]',
      '--decision-number SO --decision-date YYYY-MM-DD --signer NGUOI_KY --effective-date YYYY-MM-DD',
      '--decision-type new|amended|replaced|abolished',
      'motcua export procedures TEP.json|TEP.xlsx [--date YYYY-MM-DD] [--template]',
      'motcua plan import TEP.md|TEP.txt|TEP.docx|TEP.pdf [--json] [--stats]',
      'motcua seed',
      'motcua help | --help | -h',
    ];
    for (const line of expected) expect(help).toContain(line);
  });

  it('prints the usage instead of starting a server when no command is given, and for an unknown command (exit 2)', async () => {
    const [none, unknown, badServe] = await Promise.all([runCli([]), runCli(['start']), runCli(['serve', '--demo'])]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('Cách dùng: motcua <lệnh>');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Lệnh không hợp lệ: start\.\n.*Cách dùng/s) });
    expect(badServe).toMatchObject({ code: 2, stderr: expect.stringContaining('Tham số không hợp lệ cho serve: --demo.') });
  });

  it('refuses `motcua worker` on the embedded database, which runs its jobs inside motcua serve (exit 1)', async () => {
    const [embedded, extra] = await Promise.all([
      runCli(['worker'], { env: { DATA_DIR: join(directory, 'worker') } }),
      runCli(['worker', '--now']),
    ]);
    expect(embedded).toMatchObject({ code: 1, stdout: '' });
    expect(embedded.stderr).toContain('các tác vụ nền chạy ngay trong motcua serve');
    expect(extra).toMatchObject({ code: 2, stderr: expect.stringContaining('Lệnh worker không nhận tham số.') });
  });
});

describe('demo data on first start', () => {
  it('loads the demo by default on the embedded database only; MOTCUA_DEMO decides either way', () => {
    const server = 'postgres://motcua@db.example/motcua';
    expect(loadConfig({}).loadDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: server }).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: server, MOTCUA_DEMO: '1' }).loadDemo).toBe(true);
    expect(loadConfig({ MOTCUA_DEMO: '0' }).loadDemo).toBe(false);
  });
});

describe.each(testBackends())('a fresh installation without demo data (%s)', (backend) => {
  let source: Installation;
  let target: Installation;

  beforeAll(async () => {
    source = await createInstallation(backend, 'demo');
    target = await createInstallation(backend, 'fresh');
    // Procedures with a 2024 baseline are at version 2 in the demo, as most of a real catalog would be.
    await withDatabase(source, (handle) => loadDemoData(handle.db, { procedureCodes: TEST_PROCEDURE_CODES, dossiers: 0, plans: false }));
  });

  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('starts without demo data and tells what is missing; a demo installation does not print its password again', async () => {
    const lines: string[] = [];
    const config = {
      ...target.config,
      port: 0,
      host: '127.0.0.1',
      loadDemo: backend === 'pglite' ? false : loadConfig(target.env).loadDemo,
    };
    const fresh = await startServer(config, { print: (line) => lines.push(line) });
    await fresh.close();
    expect(lines.join('\n')).toContain('Chưa có tài khoản quản trị. Tạo tài khoản đầu tiên: motcua admin create');
    expect(lines.join('\n')).toContain('Chưa có đơn vị nào. Nhập cây đơn vị: motcua import units');
    expect(await withDatabase(target, (handle) => hasUnits(handle.db))).toBe(false);

    const demoLines: string[] = [];
    const demo = await startServer(
      { ...source.config, port: 0, host: '127.0.0.1', loadDemo: true },
      { print: (line) => demoLines.push(line) },
    );
    await demo.close();
    expect(demoLines.join('\n')).not.toContain(DEMO_PASSWORD);
    expect(demoLines.join('\n')).toContain('Đây là bản cài đặt có dữ liệu mẫu');
  });

  it('creates the first administrator from a password on standard input, refusing weak passwords in Vietnamese', async () => {
    const create = (input: string, extra: string[] = []) =>
      runCli(['admin', 'create', 'quantri', '--full-name', 'Trần Văn Quản', ...extra], { env: target.env, input });
    // One at a time (the embedded database takes one process at a time); every rule is tested through the API in
    // src/modules/auth/password-policy.test.ts, the command line needs to show one refusal.
    expect(await create('1qaz2wsx3edc\n')).toMatchObject({
      code: 1,
      stderr: 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị dò ra; hãy chọn mật khẩu khác.\n',
    });
    expect(await create('\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Không đọc được mật khẩu: đầu vào chuẩn trống/) });
    expect(await create('Sông-Hậu mùa nước nổi 2026\r\n')).toMatchObject({
      code: 0,
      stdout: 'Đã tạo tài khoản quản trị "quantri". Đăng nhập tại trang /dang-nhap của hệ thống.\n',
    });
    expect(await create('Sông-Hậu mùa nước nổi 2026\n')).toMatchObject({ code: 1, stderr: 'Tên đăng nhập "quantri" đã tồn tại.\n' });
    expect(await runCli(['admin', 'create'], { env: target.env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Cách dùng:'),
    });
  });

  it('imports the units and the catalog exported from a demo installation without errors; the administrator then logs in', async () => {
    const file = (name: string) => join(directory, `${backend}-${name}`);
    // One at a time: the embedded database takes one process at a time (DATA_DIR/db/motcua.lock).
    const exported: CliResult[] = [];
    for (const args of [
      ['export', 'units', file('don-vi.csv')],
      ['export', 'units', file('don-vi.xlsx')],
      ['export', 'procedures', file('danh-muc.xlsx')],
    ]) {
      exported.push(await runCli(args, { env: source.env }));
    }
    expect(exported.map((result) => result.stdout.trim())).toEqual([
      expect.stringMatching(/^Đã xuất 171 đơn vị vào .*don-vi\.csv\.$/),
      expect.stringMatching(/^Đã xuất 171 đơn vị vào .*don-vi\.xlsx\.$/),
      expect.stringMatching(/^Đã xuất 5 thủ tục có hiệu lực ngày /),
    ]);
    expect(await runCli(['import', 'units', file('don-vi.csv')], { env: target.env })).toMatchObject({
      code: 0,
      stdout: 'Đã nhập 171 đơn vị: 171 thêm mới, 0 cập nhật, 0 không thay đổi.\n',
    });
    expect(await runCli(['import', 'units', file('don-vi.xlsx')], { env: target.env })).toMatchObject({
      code: 0,
      stdout: 'Đã nhập 171 đơn vị: 0 thêm mới, 0 cập nhật, 171 không thay đổi.\n',
    });
    expect(await runCli(['import', 'procedures', file('danh-muc.xlsx')], { env: target.env })).toMatchObject({
      code: 0,
      stdout: 'Đã nhập 5 thủ tục: 5 thêm mới, 0 công bố phiên bản mới, 0 không thay đổi.\n',
    });

    await withDatabase(target, async (database) => {
      const app = await buildApp({ config: target.config, database, webRoot: '/nonexistent' });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'quantri', password: 'Sông-Hậu mùa nước nổi 2026' },
        });
        expect(login.statusCode).toBe(200);
        const cookie = login.cookies.find((entry) => entry.name === 'motcua_session')!;
        const headers = { cookie: `motcua_session=${cookie.value}` };
        const unitList = await app.inject({ method: 'GET', url: '/api/units', headers });
        expect(unitList.json().items).toHaveLength(171);
        const procedure = await app.inject({ method: 'GET', url: `/api/procedures/${TEST_PROCEDURE_CODES[0]}` });
        expect(procedure.statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
    const reexported = file('don-vi-lai.csv');
    expect((await runCli(['export', 'units', reexported], { env: target.env })).code).toBe(0);
    expect(await readFile(reexported, 'utf8')).toBe(await readFile(file('don-vi.csv'), 'utf8'));
  });

  it.skipIf(backend !== 'postgres' || !hasPgTools)('restores from a pg_dump into an empty database, as the README says', async () => {
    const dump = join(directory, 'motcua.dump');
    await promisify(execFile)('pg_dump', ['--format=custom', `--file=${dump}`, target.env.DATABASE_URL!]);
    const restored = await createInstallation(backend, 'restored');
    try {
      // pg_restore runs with an empty search_path: every function the generated columns call must name its schema.
      await promisify(execFile)('pg_restore', ['--no-owner', `--dbname=${restored.env.DATABASE_URL}`, dump]);
      const copy = join(directory, 'restored-units.csv');
      expect((await runCli(['export', 'units', copy], { env: restored.env })).stdout).toMatch(/^Đã xuất 171 đơn vị/);
      expect(await readFile(copy, 'utf8')).toBe(await readFile(join(directory, 'postgres-don-vi.csv'), 'utf8'));
    } finally {
      await restored.dispose();
    }
  });
});
