import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo';
import { importUnits } from '../modules/org/transfer/import';
import { readUnitsJson } from '../modules/org/transfer/json';
import { createTestDatabase, TEST_PROCEDURE_CODES, type TestDatabase, testBackends } from '../test/harness';
import type { Executor } from './client';
import { refreshStaleStatistics } from './statistics';

/** The planner's row estimate of a table: -1 until statistics were gathered (PostgreSQL ≥ 14, PGlite alike). */
async function estimatedRows(db: Executor, table: string) {
  const result = await db.execute(sql`select reltuples::float8 as reltuples from pg_class where relname = ${table}`);
  return Number((result as unknown as { rows: { reltuples: number }[] }).rows[0]!.reltuples);
}

describe.each(testBackends())('planner statistics after bulk loads (%s)', (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('are gathered after the demo data is loaded', async () => {
    database = await createTestDatabase(backend);
    expect(await estimatedRows(database.db, 'procedures')).toBe(-1);
    await loadDemoData(database.db, { procedureCodes: TEST_PROCEDURE_CODES, baselines: false, dossiers: 0, plans: false });
    expect(await estimatedRows(database.db, 'procedures')).toBe(TEST_PROCEDURE_CODES.length);
    expect(await estimatedRows(database.db, 'units')).toBeGreaterThan(100);
  }, 120_000);

  it('are gathered for the unit table after a units import, not after a dry run', async () => {
    database = await createTestDatabase(backend);
    const file = readUnitsJson(
      Buffer.from(
        JSON.stringify({
          format: 'motcua.units',
          version: 1,
          units: [
            { code: '000.00.00.H99', name: 'UBND tỉnh Thử Nghiệm', type: 'province', parentCode: null, validFrom: '2025-07-01' },
            { code: '000.00.02.H99', name: 'Sở Tư pháp', type: 'department', parentCode: '000.00.00.H99', validFrom: '2025-07-01' },
          ],
        }),
      ),
    );
    const dryRun = await importUnits(database.db, file, { actor: 'system', source: 'test', isDryRun: true });
    expect(dryRun.ok).toBe(true);
    expect(await estimatedRows(database.db, 'units')).toBe(-1);
    expect((await importUnits(database.db, file, { actor: 'system', source: 'test' })).ok).toBe(true);
    expect(await estimatedRows(database.db, 'units')).toBe(2);
  }, 120_000);

  it('are gathered again for the tables whose size moved, and only for them', async () => {
    database = await createTestDatabase(backend);
    const { db } = database;
    await db.execute(sql`create table stat_probe (id integer primary key, note text not null)`);
    await db.execute(sql`insert into stat_probe select g, repeat('x', 200) from generate_series(1, 2000) g`);
    expect(await estimatedRows(db, 'stat_probe')).toBe(-1);
    expect(await refreshStaleStatistics(db)).toContain('stat_probe');
    expect(await estimatedRows(db, 'stat_probe')).toBe(2000);
    // Nothing moved since: nothing is analysed.
    expect(await refreshStaleStatistics(db)).toEqual([]);
    // A tenth more stays under the threshold; three times as many rows does not.
    await db.execute(sql`insert into stat_probe select g, repeat('x', 200) from generate_series(2001, 2200) g`);
    expect(await refreshStaleStatistics(db)).toEqual([]);
    await db.execute(sql`insert into stat_probe select g, repeat('x', 200) from generate_series(2201, 6000) g`);
    expect(await refreshStaleStatistics(db)).toEqual(['stat_probe']);
    expect(await estimatedRows(db, 'stat_probe')).toBe(6000);
  }, 120_000);
});
