import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';

/*
 * Migration 0006 on data recorded before it: each decision row had one type, and the single-procedure API inserted a
 * row per publication. Rows describing the same document become one decision; each version becomes an item.
 */
const folder = join(import.meta.dirname, 'migrations');
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.sql'))
  .sort();

async function apply(handle: DatabaseHandle, file: string) {
  for (const statement of readFileSync(join(folder, file), 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) await handle.db.execute(sql.raw(statement));
  }
}

/** Decisions, procedures and versions as the single-procedure API recorded them before 0006. */
const LEGACY_ROWS = [
  `insert into publication_decisions (id, number, issued_on, signer, type, effective_date, created_at) values
        ('00000000-0000-4000-8000-000000000001', '10/QĐ-UBND', '2025-01-02', 'Chủ tịch UBND tỉnh', 'new', '2025-01-10', '2025-01-02 08:00+07'),
        ('00000000-0000-4000-8000-000000000002', '20/QĐ-UBND', '2025-05-02', 'Chủ tịch UBND tỉnh', 'amended', '2025-06-01', '2025-05-02 08:00+07'),
        ('00000000-0000-4000-8000-000000000003', '20/QĐ-UBND', '2025-05-02', 'Chủ tịch UBND tỉnh', 'abolished', '2025-06-01', '2025-05-02 09:00+07'),
        ('00000000-0000-4000-8000-000000000004', '20/QĐ-UBND', '2025-08-02', 'Chủ tịch UBND tỉnh', 'amended', '2025-09-01', '2025-08-02 09:00+07')`,
  `insert into procedures (id, code, latest_version_no) values
        ('00000000-0000-4000-8000-0000000000a1', '1.000001', 3),
        ('00000000-0000-4000-8000-0000000000a2', '1.000002', 2)`,
  `insert into procedure_versions (procedure_id, version_no, decision_id, effective_from, effective_to, is_abolished, name, field, levels,
          handling_unit_codes, receiving_unit_codes, online_level, location_independent, postal_eligible, business_related, time_amount, time_unit, details, code_text)
        select p, n, d::uuid, f::date, t::date, a, 'Tên', 'Lĩnh vực', '{province}', '{X}', '{}', 'none', false, false, false, 5, 'working_days', '{}'::jsonb, c
        from (values
          ('00000000-0000-4000-8000-0000000000a1'::uuid, 1, '00000000-0000-4000-8000-000000000001', '2025-01-10', '2025-06-01', false, '1.000001'),
          ('00000000-0000-4000-8000-0000000000a1'::uuid, 2, '00000000-0000-4000-8000-000000000002', '2025-06-01', '2025-09-01', false, '1.000001'),
          ('00000000-0000-4000-8000-0000000000a1'::uuid, 3, '00000000-0000-4000-8000-000000000004', '2025-09-01', null, false, '1.000001'),
          ('00000000-0000-4000-8000-0000000000a2'::uuid, 1, '00000000-0000-4000-8000-000000000001', '2025-01-10', '2025-06-01', false, '1.000002'),
          ('00000000-0000-4000-8000-0000000000a2'::uuid, 2, '00000000-0000-4000-8000-000000000003', '2025-06-01', null, true, '1.000002')
        ) as v(p, n, d, f, t, a, c)`,
];

const rows = async <T>(handle: DatabaseHandle, query: string) =>
  ((await handle.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

describe('migration 0006 on decisions recorded before it (pglite)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ inMemory: true });
    for (const file of files.filter((name) => name < '0006')) await apply(handle, file);
    for (const statement of LEGACY_ROWS) await handle.db.execute(sql.raw(statement));
    await apply(handle, files.find((name) => name.startsWith('0006'))!);
  }, 60_000);
  afterAll(() => handle?.close());

  it('merges the rows of one document into one decision, with one item per version and the type as its action', async () => {
    const decisions = await rows<{ id: string; number: string; issued_on: string }>(
      handle,
      'select id::text, number, issued_on::text from publication_decisions order by issued_on',
    );
    expect(decisions.map((row) => [row.number, row.issued_on])).toEqual([
      ['10/QĐ-UBND', '2025-01-02'],
      ['20/QĐ-UBND', '2025-05-02'],
      ['20/QĐ-UBND', '2025-08-02'],
    ]);
    const items = await rows<{ number: string; position: number; action: string; procedure_code: string; version_no: number }>(
      handle,
      `select d.number, i.position, i.action, i.procedure_code, v.version_no
       from publication_decision_items i join publication_decisions d on d.id = i.decision_id join procedure_versions v on v.id = i.version_id
       order by d.issued_on, i.position`,
    );
    expect(items).toEqual([
      { number: '10/QĐ-UBND', position: 1, action: 'new', procedure_code: '1.000001', version_no: 1 },
      { number: '10/QĐ-UBND', position: 2, action: 'new', procedure_code: '1.000002', version_no: 1 },
      { number: '20/QĐ-UBND', position: 1, action: 'amended', procedure_code: '1.000001', version_no: 2 },
      { number: '20/QĐ-UBND', position: 2, action: 'abolished', procedure_code: '1.000002', version_no: 2 },
      { number: '20/QĐ-UBND', position: 1, action: 'amended', procedure_code: '1.000001', version_no: 3 },
    ]);
    // Every version points at the decision it was merged into; none at a deleted row.
    const orphans = await rows(
      handle,
      'select 1 from procedure_versions v left join publication_decisions d on d.id = v.decision_id where d.id is null',
    );
    expect(orphans).toEqual([]);
    const history = await rows<{ version_no: number; effective_from: string; effective_to: string | null }>(
      handle,
      "select version_no, effective_from::text, effective_to::text from procedure_versions where code_text = '1.000001' order by version_no",
    );
    expect(history).toEqual([
      { version_no: 1, effective_from: '2025-01-10', effective_to: '2025-06-01' },
      { version_no: 2, effective_from: '2025-06-01', effective_to: '2025-09-01' },
      { version_no: 3, effective_from: '2025-09-01', effective_to: null },
    ]);
  });

  it('leaves the rows recorded before it without an issuing authority, outside the unique rule, which holds for new rows', async () => {
    const insert = (number: string) =>
      handle.db.execute(
        sql`insert into publication_decisions (number, issuer_unit_code, issuer_name, issued_on, signer, effective_date) values (${number}, 'X', 'UBND', '2026-01-01', 'A', '2026-01-01')`,
      );
    await insert('30/QĐ-UBND');
    await expect(insert('30/QĐ-UBND')).rejects.toThrow();
  });
});
