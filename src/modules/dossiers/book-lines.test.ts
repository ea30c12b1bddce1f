import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/harness';
import { bookEntries } from './book-lines';

// "Quyển số / Số thứ tự": one book per receiving unit and Vietnam year, lines by receipt then code.

describe('tracking book lines', () => {
  let t: TestApp;
  let officer: AuthHeaders;
  let otherOfficer: AuthHeaders;
  let procedure: ProcedureRef;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
    const make = createFactories(t);
    const province = await make.buildProvince();
    procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    officer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] })).login();
    const desk = await make.buildUnit({ parent: province.departmentA, type: 'desk', name: 'Bộ phận một cửa Sở A' });
    otherOfficer = await (await make.buildUser({ roles: [{ role: 'desk_officer', unit: desk }] })).login();
  });
  afterAll(() => t?.close());

  it('numbers each desk’s dossiers of a Vietnam year by receipt, the year starting at 00:00 in Vietnam', async () => {
    const mine = [];
    for (let index = 0; index < 4; index++) mine.push(await createFactories(t).buildDossier({ officer, procedure }));
    const theirs = await createFactories(t).buildDossier({ officer: otherOfficer, procedure });
    // Receipts: 31/12/2025 23:30 in Vietnam (book 2025), then 01/01/2026 00:10, 09:00 and 08:00 (book 2026).
    const received = ['2025-12-31T16:30:00Z', '2025-12-31T17:10:00Z', '2026-01-01T02:00:00Z', '2026-01-01T01:00:00Z'];
    for (const [index, dossier] of mine.entries()) {
      await t.database.db.execute(sql`update dossiers set received_at = ${received[index]!}::timestamptz where id = ${dossier.id}`);
    }
    await t.database.db.execute(sql`update dossiers set received_at = '2026-01-01T00:30:00Z' where id = ${theirs.id}`);
    const entries = await bookEntries(t.database.db, [...mine.map((dossier) => dossier.id), theirs.id]);
    expect(mine.map((dossier) => entries.get(dossier.id))).toEqual([
      { book: '2025', line: 1 },
      { book: '2026', line: 1 },
      { book: '2026', line: 3 },
      { book: '2026', line: 2 },
    ]);
    expect(entries.get(theirs.id)).toEqual({ book: '2026', line: 1 });
    expect((await bookEntries(t.database.db, [mine[2]!.id])).get(mine[2]!.id)).toEqual({ book: '2026', line: 3 });
  });
});
