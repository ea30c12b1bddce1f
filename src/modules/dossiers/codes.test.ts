import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { readTestSettings } from '../../config';
import { receiveDossierBodySchema } from '../../contract/dossiers';
import { openDatabase } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { dossiers } from '../../db/schema/dossiers';
import { loadActor } from '../../test/actors';
import { createFactories } from '../../test/factories';
import { createTestApp, type TestBackend, type TestDatabase, testBackends } from '../../test/harness';
import { receiveDossier } from './intake';

// Dossier codes never repeat (docs/api/dossiers.md "Code"): under 50 concurrent intakes for one unit, and after a
// process receiving dossiers is killed (kill -9) in the middle of an intake.

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/** The sequence numbers, per Vietnam day, of codes `<unit>-YYMMDD-XXXX` (a test running across midnight has two days). */
function sequencesByDay(codes: string[]): Map<string, number[]> {
  const days = new Map<string, number[]>();
  for (const code of codes) {
    const match = /-(\d{6})-(\d{4,})$/.exec(code);
    if (!match) throw new Error(`not a dossier code: ${code}`);
    days.set(match[1]!, [...(days.get(match[1]!) ?? []), Number(match[2])]);
  }
  for (const numbers of days.values()) numbers.sort((a, b) => a - b);
  return days;
}

describe.each(testBackends())('dossier codes on %s', (backend) => {
  it('gives 50 concurrent intakes for one unit 50 distinct consecutive codes', async () => {
    const t = await createTestApp(backend, { demo: false });
    try {
      const make = createFactories(t);
      const province = await make.buildProvince();
      const procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
      const officer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] })).login();
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.app.inject({ method: 'POST', url: '/api/dossiers', headers: officer, payload: make.dossierBody(procedure) }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(50).fill(201));
      const codes = responses.map((response) => response.json().code as string);
      expect(new Set(codes).size).toBe(50);
      expect(codes.every((code) => code.startsWith(`${procedure.handlingUnitCodes[0]}-`))).toBe(true);
      for (const numbers of sequencesByDay(codes).values()) expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    } finally {
      await t.close();
    }
  });

  it('never repeats a code after the intake process is killed (kill -9) in the middle of an intake', async () => {
    const { database, target, dispose } = await openCrashDatabase(backend);
    let setup: { userId: string; procedureCode: string };
    {
      const t = await createTestApp(backend, { demo: false, database: { ...database, dispose: async () => database.close() } });
      const make = createFactories(t);
      const province = await make.buildProvince();
      const procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
      const officer = await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] });
      setup = { userId: officer.id, procedureCode: procedure.code };
      await t.close(); // the embedded database is one process's at a time
    }
    try {
      const printed = await runAndKill(target, setup.userId, setup.procedureCode);
      expect(printed.length).toBeGreaterThanOrEqual(3);
      const reopened = await openDatabase(backend === 'pglite' ? { dataDir: target } : { databaseUrl: target });
      try {
        const before = (await reopened.db.select({ code: dossiers.code }).from(dossiers)).map((row) => row.code);
        expect(before).toEqual(expect.arrayContaining(printed));
        const actor = (await loadActor(reopened.db, setup.userId))!;
        const body = receiveDossierBodySchema.parse({
          procedureCode: setup.procedureCode,
          channel: 'direct',
          applicant: { kind: 'individual', fullName: 'Người nộp sau khi khởi động lại', idNumber: '001234567891' },
          components: [{ position: 0, presence: 'paper' }],
          decision: { action: 'accept' },
        });
        const after = await receiveDossier(reopened.db, actor, body);
        expect(before).not.toContain(after.code);
        const all = [...before, after.code];
        expect(new Set(all).size).toBe(all.length);
        // No gap either: the killed intake's number was rolled back with it and given to the next one.
        for (const numbers of sequencesByDay(all).values()) expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      } finally {
        await reopened.close();
      }
    } finally {
      await dispose();
    }
  });
});

/** A database a child process can open too: a file-backed PGlite in a temporary folder, or a fresh PostgreSQL database. */
async function openCrashDatabase(backend: TestBackend): Promise<{ database: TestDatabase; target: string; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const directory = await mkdtemp(join(tmpdir(), 'motcua-codes-'));
    const handle = await openDatabase({ dataDir: directory });
    await applyMigrations(handle);
    return {
      database: { ...handle, dispose: () => handle.close() },
      target: directory,
      dispose: () => rm(directory, { recursive: true, force: true }),
    };
  }
  const serverUrl = readTestSettings().testDatabaseUrl!;
  const name = `motcua_codes_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await applyMigrations(handle);
  return {
    database: { ...handle, dispose: () => handle.close() },
    target: url.toString(),
    async dispose() {
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** Runs the intake loop, lets a few dossiers commit, then kills it with SIGKILL just after it starts another. */
function runAndKill(target: string, userId: string, procedureCode: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/dossier-intake-child.ts', target, userId, procedureCode], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('code ')) printed.push(line.slice(5));
        else if (line === 'begin' && printed.length >= 3 && !killed) {
          killed = true;
          // A few milliseconds into the intake: inside its transaction, after or before the code is drawn.
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
        }
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the intake child ended without being killed: ${stderr}`));
      else resolve(printed);
    });
  });
}
