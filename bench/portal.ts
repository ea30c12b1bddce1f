/**
 * npm run bench:portal — the public portal under a crowd (issue 11). Starts the compiled server (dist/cli.js) as a
 * child process on a fresh embedded database with the demo province (and on PostgreSQL when BENCH_DATABASE_URL names
 * a server: a database of its own is created there and dropped afterwards), then for BENCH_SECONDS (20) keeps 50
 * clients busy with a mix of searches (the shipped citizen queries) and procedure pages, and, in the same run,
 * /api/health as the ceiling of the HTTP stack on this machine. Prints requests/s, p50/p95/p99 and errors, and the
 * ratio portal ÷ ceiling against the goals: ratio ≥ 0.3 (0.5 the aim), p95 ≤ 50 ms, no errors. Exits 1 when a goal is
 * missed. Clients revalidate like browsers: a page already fetched is asked again with If-None-Match (304).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../scripts/build-server.mjs';
import { readQueryCases } from '../src/modules/catalog';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const GOALS = { ratio: 0.3, p95Ms: 50 } as const;
const queries = readQueryCases().map((entry) => entry.query);

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

type Answer = { status: number; body: string; etag: string | undefined };

function get(agent: Agent, port: number, path: string, etag?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, agent, headers: etag ? { 'if-none-match': etag } : {} }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), etag: incoming.headers.etag }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

type Load = { requests: number; errors: number; perSecond: number; p50: number; p95: number; p99: number; notModified: number };

/** `next(client, n)` gives the path (and the ETag it last saw for it) of a client's n-th request. */
async function runLoad(port: number, seconds: number, next: (client: number, n: number) => string): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const timings: number[] = [];
  const etags = new Map<string, string>();
  let errors = 0;
  let notModified = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const path = next(client, n);
        const t0 = performance.now();
        try {
          const answer = await get(agent, port, path, etags.get(path));
          if (answer.status === 304) notModified++;
          else if (answer.status !== 200) errors++;
          else if (answer.etag) etags.set(path, answer.etag);
        } catch {
          errors++;
        }
        timings.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  timings.sort((a, b) => a - b);
  return {
    requests: timings.length,
    errors,
    notModified,
    perSecond: timings.length / elapsed,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    p99: percentile(timings, 99),
  };
}

async function startServer(databaseUrl: string | undefined): Promise<{ port: number; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-portal-'));
  const port = await findFreePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist', 'cli.js'), 'serve'], {
    cwd: root,
    env: {
      ...SERVER_ENVIRONMENT,
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MOTCUA_DEMO: '1',
      MOTCUA_DEMO_DOSSIERS: '0',
      // The crowd comes from one address here: per-address budgets would turn it into 429s.
      RATE_LIMIT_PER_MINUTE: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}):\n${output}`);
    if (attempt > 1200) throw new Error(`The server did not answer within 5 minutes:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, child, dataDir };
}

async function measure(label: string, databaseUrl: string | undefined): Promise<boolean> {
  const { port, child, dataDir } = await startServer(databaseUrl);
  try {
    const agent = new Agent({ keepAlive: true });
    const listing = JSON.parse((await get(agent, port, '/api/procedures?pageSize=100')).body) as { items: { code: string }[] };
    const codes = listing.items.map((item) => item.code);
    // The first search builds the in-memory index (once per publication): not part of a crowd's steady state.
    await get(agent, port, `/api/procedures?q=${encodeURIComponent(queries[0]!)}`);
    agent.destroy();
    // Two searches for one procedure page, as a visitor does; every client walks the lists from its own place.
    const mixed = (client: number, n: number) =>
      n % 3 === 2
        ? `/api/procedures/${codes[(client * 7 + n) % codes.length]}`
        : `/api/procedures?q=${encodeURIComponent(queries[(client * 13 + n) % queries.length]!)}&page=1&pageSize=20`;
    const portal = await runLoad(port, SECONDS, mixed);
    const ceiling = await runLoad(port, Math.max(5, SECONDS / 2), () => '/api/health');
    const ratio = portal.perSecond / ceiling.perSecond;
    const show = (name: string, load: Load) =>
      `  ${name.padEnd(26)} ${load.perSecond.toFixed(0).padStart(6)} req/s   p50 ${load.p50.toFixed(1)} ms   p95 ${load.p95.toFixed(1)} ms   p99 ${load.p99.toFixed(1)} ms   ${load.requests} requests, ${load.notModified} × 304, ${load.errors} errors`;
    console.log(`${label}, ${CLIENTS} clients, ${SECONDS} s:`);
    console.log(show('searches + procedure pages', portal));
    console.log(show('/api/health (ceiling)', ceiling));
    const met = ratio >= GOALS.ratio && portal.p95 <= GOALS.p95Ms && portal.errors === 0;
    console.log(
      `  ratio ${ratio.toFixed(2)} (goal ≥ ${GOALS.ratio}, aim 0.5), p95 ${portal.p95.toFixed(1)} ms (goal ≤ ${GOALS.p95Ms} ms), errors ${portal.errors}: ${met ? 'met' : 'MISSED'}`,
    );
    return met;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withServerDatabase<T>(serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `motcua_bench_portal_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    const cleaner = new pg.Client({ connectionString: serverUrl });
    await cleaner.connect();
    await cleaner.query(`drop database if exists ${name} with (force)`);
    await cleaner.end();
  }
}

let isMet = await measure('Embedded database (PGlite)', undefined);
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) isMet = (await withServerDatabase(serverUrl, (url) => measure('PostgreSQL', url))) && isMet;
process.exitCode = isMet ? 0 : 1;
