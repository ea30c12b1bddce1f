import { applyMigrations } from '../src/db/migrate';
import { openBenchDatabase, prepareLifecycles, runLifecycle } from './lifecycle-setup';

const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES ?? 5);
const VERBOSE = process.env.STATEMENTS_VERBOSE === '1';

let label: string | null = null;
const counts = new Map<string, { calls: number; statements: number; ms: number }>();
const lastTexts: string[] = [];
const logger = {
  logQuery(query: string) {
    if (!label) return;
    const entry = counts.get(label)!;
    entry.statements++;
    if (VERBOSE) lastTexts.push(`[${label}] ${query.replace(/\s+/g, ' ').slice(0, 160)}`);
  },
};

async function counted<T>(name: string, run: () => Promise<T>): Promise<T> {
  const entry = counts.get(name) ?? { calls: 0, statements: 0, ms: 0 };
  entry.calls++;
  counts.set(name, entry);
  label = name;
  const started = performance.now();
  try {
    return await run();
  } finally {
    entry.ms += performance.now() - started;
    label = null;
  }
}

async function main() {
  const { handle, drop } = await openBenchDatabase();
  const { db } = handle;
  try {
    await applyMigrations(handle);
    const setup = await prepareLifecycles(db);
    // The session's logger, also handed to the sessions of its transactions (drizzle copies `options`).
    const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
    session.logger = logger;
    session.options.logger = logger;

    for (let index = 0; index < LIFECYCLES; index++) {
      if (VERBOSE) lastTexts.length = 0;
      await runLifecycle(setup, index, counted);
    }
    let total = 0;
    let calls = 0;
    console.log(`Câu lệnh SQL mỗi lần gọi (${LIFECYCLES} vòng đời, ${handle.kind}; không kể BEGIN/COMMIT):`);
    for (const [name, entry] of counts) {
      total += entry.statements;
      calls += entry.calls;
      console.log(
        `  ${name.padEnd(40)} ${String(entry.calls).padStart(4)} lần  ${(entry.statements / entry.calls).toFixed(1).padStart(6)} câu/lần  ${(entry.ms / entry.calls).toFixed(1).padStart(6)} ms/lần`,
      );
    }
    console.log(
      `  mỗi vòng đời: ${(total / LIFECYCLES).toFixed(1)} câu lệnh trong ${(calls / LIFECYCLES).toFixed(1)} lần gọi (${(total / calls).toFixed(1)} câu/lần)`,
    );
    if (VERBOSE) for (const text of lastTexts) console.log(text);
  } finally {
    await handle.close();
    await drop();
  }
}

await main();
