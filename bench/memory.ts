/**
 * npm run bench:memory — resident memory (RSS) of the compiled server (dist/cli.js), started as a child process on a
 * fresh embedded database (a temporary DATA_DIR) with the demo province loaded, and also on PostgreSQL when
 * BENCH_DATABASE_URL names a server (a database of its own is created there and dropped afterwards). Prints RSS
 * right after start (the demo just loaded), after a warm-up of 500 mixed requests (search, procedure pages, logins, the NQ 66 summary and
 * its drill-down, proposal PDF and DOCX...) and the peak, against the goals: ≤ 400 MB embedded, ≤ 200 MB PostgreSQL.
 * Exits 1 when a goal is missed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../scripts/build-server.mjs';
import { DEMO_PASSWORD, demoAccounts } from '../src/demo/accounts';

const root = fileURLToPath(new URL('..', import.meta.url));
const WARMUP_REQUESTS = 500;
const CONCURRENCY = 5;
const GOALS_MB = { embedded: 400, postgres: 200 } as const;
const searches = [
  'ly lich tu phap',
  'đăng ký khai sinh',
  'chung thuc ban sao',
  'cấp giấy phép xây dựng',
  'dang ki kết hôn',
  'doanh nghiệp',
  'đất đai',
];

type Backend = keyof typeof GOALS_MB;
type Result = { backend: Backend; startSeconds: number; afterStartMb: number; afterWarmupMb: number; peakMb: number; failures: number };

/** VmRSS and VmHWM (peak) of a process, in MB (Linux). */
function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer within 5 minutes:\n${output()}`);
}

type Session = { cookie: string };

async function login(base: string, username: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('motcua_session='));
  return { cookie: cookie!.split(';')[0]! };
}

async function getJson<T>(base: string, path: string, session?: Session): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: session ? { cookie: session.cookie } : {} });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The warm-up: 500 requests in a fixed mix, a few at a time, as several officials and citizens would send them. */
async function warmUp(base: string): Promise<number> {
  const leader = await login(base, 'lanhdao');
  const controller = await login(base, 'kiemsoat');
  const units = (await getJson<{ items: { id: string; type: string }[] }>(base, '/api/units')).items;
  const departments = units.filter((unit) => unit.type === 'department').map((unit) => unit.id);
  const proposals = (await getJson<{ items: { id: string }[] }>(base, '/api/reform/proposals', controller)).items.map((item) => item.id);
  const codes = (await getJson<{ items: { code: string }[] }>(base, '/api/procedures?pageSize=50')).items.map((item) => item.code);
  const indicators = ['time_reduction', 'cost_reduction', 'business_procedures_online', 'location_independent'];
  const pick = <T>(values: T[], index: number) => values[index % values.length]!;
  const mix: ((index: number) => Promise<unknown>)[] = [
    ...Array.from({ length: 15 }, () => (index: number) => getJson(base, `/api/procedures?q=${encodeURIComponent(pick(searches, index))}`)),
    ...Array.from({ length: 10 }, () => (index: number) => getJson(base, `/api/procedures/${pick(codes, index)}`)),
    ...Array.from({ length: 5 }, () => (index: number) => login(base, pick(demoAccounts, index).username)),
    ...Array.from({ length: 6 }, () => (index: number) => {
      const unit = index % 3 === 0 ? '' : `&unit=${pick(departments, index)}`;
      return getJson(base, `/api/reform/summary?year=2026${unit}`, controller);
    }),
    ...Array.from(
      { length: 6 },
      () => (index: number) => getJson(base, `/api/reform/summary/drill?year=2026&indicator=${pick(indicators, index)}`, leader),
    ),
    ...Array.from({ length: 2 }, () => (index: number) => getJson(base, `/api/reform/proposals?year=2026&page=${(index % 2) + 1}`, leader)),
    ...['pdf', 'docx', 'pdf', 'docx'].map((format) => async (index: number) => {
      const response = await fetch(`${base}/api/reform/proposals/${pick(proposals, index)}/document.${format}`, { headers: controller });
      if (!response.ok) throw new Error(`document.${format}: ${response.status}`);
      await response.arrayBuffer();
    }),
    () => getJson(base, '/api/units'),
    () => getJson(base, '/api/calendar/years/2026'),
  ];
  let next = 0;
  let failures = 0;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < WARMUP_REQUESTS) {
      const index = next++;
      try {
        await pick(mix, index)(index);
      } catch (error) {
        failures += 1;
        if (failures <= 5) console.error(`  ${(error as Error).message}`);
      }
    }
  });
  await Promise.all(workers);
  return failures;
}

async function measure(backend: Backend, databaseUrl?: string): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-memory-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const environment: NodeJS.ProcessEnv = {
    ...SERVER_ENVIRONMENT,
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MOTCUA_DEMO: '1',
    MOTCUA_DEMO_DOSSIERS: '0',
    // The warm-up comes from one address: per-address budgets would turn most of it into 429s.
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const startedAt = Date.now();
  // As bin/motcua.mjs starts it for `npm start`, without the process in between.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist', 'cli.js'), 'serve'], {
    cwd: root,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  try {
    await waitForHealth(base, child, () => output);
    const startSeconds = (Date.now() - startedAt) / 1000;
    const afterStart = readMemory(child.pid!);
    console.log(`${backend}: started in ${startSeconds.toFixed(1)} s, RSS ${afterStart.rssMb.toFixed(0)} MB; warming up...`);
    const failures = await warmUp(base);
    const afterWarmup = readMemory(child.pid!);
    return {
      backend,
      startSeconds,
      afterStartMb: afterStart.rssMb,
      afterWarmupMb: afterWarmup.rssMb,
      peakMb: afterWarmup.peakMb,
      failures,
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A database of its own on the given server, dropped afterwards. */
async function withBenchDatabase<T>(serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `motcua_bench_memory_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function main() {
  const results = [await measure('embedded')];
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) results.push(await withBenchDatabase(serverUrl, (url) => measure('postgres', url)));
  else console.log('(set BENCH_DATABASE_URL=postgres://... to measure on PostgreSQL too)');
  console.log(
    `\n${'database'.padEnd(10)} ${'start s'.padStart(8)} ${'RSS start'.padStart(10)} ${'RSS after'.padStart(10)} ${'peak'.padStart(8)}   goal`,
  );
  let isMissed = false;
  for (const result of results) {
    const goal = GOALS_MB[result.backend];
    const isMet = result.afterStartMb <= goal && result.afterWarmupMb <= goal && result.failures === 0;
    isMissed ||= !isMet;
    console.log(
      `${result.backend.padEnd(10)} ${result.startSeconds.toFixed(1).padStart(8)} ${`${result.afterStartMb.toFixed(0)} MB`.padStart(10)} ` +
        `${`${result.afterWarmupMb.toFixed(0)} MB`.padStart(10)} ${`${result.peakMb.toFixed(0)} MB`.padStart(8)}   ≤ ${goal} MB ${isMet ? 'met' : 'MISSED'}` +
        (result.failures ? ` (${result.failures} failed requests)` : ''),
    );
  }
  console.log(`(${WARMUP_REQUESTS} warm-up requests, ${CONCURRENCY} at a time)`);
  if (isMissed) process.exitCode = 1;
}

await main();
