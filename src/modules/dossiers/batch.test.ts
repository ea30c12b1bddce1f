import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierAccessLog, dossiers } from '../../db/schema/dossiers';
import { createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { GuardMissedError, runRowWrites } from './batch';

// An action's write may run outside a transaction (actions/perform.ts): its one statement must then be all or
// nothing by itself — when the guard matches no row, none of its other writes may stay.

describe.each(testBackends())('one-statement writes on %s', (backend) => {
  let t: TestApp;
  let dossierId: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    const province = await make.buildProvince();
    const procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    const desk = await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] });
    userId = desk.id;
    dossierId = (await make.buildDossier({ officer: await desk.login(), procedure })).id;
  });
  afterAll(() => t?.close());

  const versionOf = async () => (await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId)))[0]!.version;
  const logRows = async () => (await t.database.db.select().from(dossierAccessLog).where(eq(dossierAccessLog.dossierId, dossierId))).length;
  const rowVersion = async () => {
    const result = await t.database.db.execute(sql`select xmin::text as x from dossiers where id = ${dossierId}`);
    return String(((result as unknown as { rows: { x: string }[] }).rows ?? (result as unknown as { x: string }[]))[0]!.x);
  };
  const write = (version: number, read: string | null = null) =>
    runRowWrites(t.database.db, {
      guard: { id: dossierId, version, rowVersion: read, set: { isOverdue: false } },
      inserts: [{ table: dossierAccessLog, rows: [{ dossierId, userId, purpose: 'action' }] }],
    });

  it('writes nothing, outside a transaction, when the guard matches no row', async () => {
    const [version, rows] = [await versionOf(), await logRows()];
    await expect(write(version + 5)).rejects.toBeInstanceOf(GuardMissedError);
    expect(await versionOf()).toBe(version);
    expect(await logRows()).toBe(rows);
  });

  it('writes nothing when the row changed since it was read, even without a version bump (the overdue mark)', async () => {
    const [version, rows, read] = [await versionOf(), await logRows(), await rowVersion()];
    await t.database.db.update(dossiers).set({ isOverdue: true }).where(eq(dossiers.id, dossierId));
    await expect(write(version, read)).rejects.toBeInstanceOf(GuardMissedError);
    expect(await logRows()).toBe(rows);
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ version, isOverdue: true });
  });

  it('gives a column a row leaves out its default, as drizzle does, even when another row of the insert sets it', async () => {
    const rows = await logRows();
    const readAt = new Date('2026-01-05T02:00:00Z');
    await runRowWrites(t.database.db, {
      inserts: [
        {
          table: dossierAccessLog,
          rows: [
            { dossierId, userId, purpose: 'file', readAt },
            { dossierId, userId, purpose: 'form' },
          ],
        },
      ],
    });
    const written = await t.database.db.select().from(dossierAccessLog).where(eq(dossierAccessLog.dossierId, dossierId));
    expect(written).toHaveLength(rows + 2);
    expect(written.find((row) => row.purpose === 'file')!.readAt.toISOString()).toBe(readAt.toISOString());
    expect(written.find((row) => row.purpose === 'form')!.readAt.getTime()).toBeGreaterThan(readAt.getTime());
  });

  it('writes every part when the guard matches', async () => {
    const [version, rows] = [await versionOf(), await logRows()];
    await write(version, await rowVersion());
    expect(await versionOf()).toBe(version + 1);
    expect(await logRows()).toBe(rows + 1);
  });
});
