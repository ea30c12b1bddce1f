/**
 * Migration 0007 (issue 10) on an installation that holds data from before it: its data statements are run again
 * on rows shaped as they were (vertical agencies typed as departments, a central condition "abolished" by the
 * province in the demo, waiting time unmarked, the 2026 target of 100 % of conditions).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPath } from '../assets';
import { createTestDatabase, type TestDatabase, testBackends } from '../test/harness';

const dataStatements = readFileSync(assetPath('src', 'db', 'migrations', '0007_reform_scope.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .filter((statement) => !/ALTER TABLE/.test(statement));

describe.each(testBackends())('migration 0007 on existing data (%s)', (backend) => {
  let database: TestDatabase;
  const rows = async <T>(query: string) => ((await database.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const seed = `
      insert into units (id, code, name, type, parent_id, path, valid_from) values
        ('00000000-0000-4000-8000-000000000001', '000.00.00.H98', 'UBND tỉnh Thử', 'province', null, '/00000000-0000-4000-8000-000000000001/', '2025-07-01'),
        ('00000000-0000-4000-8000-000000000002', '000.00.20.H98', 'Công an tỉnh', 'department', '00000000-0000-4000-8000-000000000001', '/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002/', '2025-07-01'),
        ('00000000-0000-4000-8000-000000000003', '000.00.25.H98', 'Bảo hiểm xã hội tỉnh Thử', 'department', '00000000-0000-4000-8000-000000000001', '/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000003/', '2025-07-01'),
        ('00000000-0000-4000-8000-000000000004', '000.00.03.H98', 'Sở Tư pháp', 'department', '00000000-0000-4000-8000-000000000001', '/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000004/', '2025-07-01');
      insert into business_conditions (unit_id, field, text, form, source_regulation, assessment, proposed_action, status, is_demo) values
        ('00000000-0000-4000-8000-000000000004', 'Công chứng', 'Điều kiện của nghị định', 'licence', 'Nghị định 1/2020/NĐ-CP', 'unnecessary', 'abolish', 'abolished', true),
        ('00000000-0000-4000-8000-000000000004', 'Công chứng', 'Điều kiện của tỉnh', 'licence', 'Quyết định 5/2020/QĐ-UBND', 'unnecessary', 'abolish', 'abolished', true),
        ('00000000-0000-4000-8000-000000000004', 'Công chứng', 'Điều kiện nhập thật', 'licence', 'Nghị định 2/2020/NĐ-CP', 'unnecessary', 'abolish', 'abolished', false);
      insert into procedures (id, code, latest_version_no) values ('00000000-0000-4000-8000-000000000010', '1.999999', 1);
      insert into procedure_versions (id, procedure_id, version_no, effective_from, name, field, levels, handling_unit_codes,
        receiving_unit_codes, online_level, location_independent, postal_eligible, business_related, time_amount, time_unit, details, code_text)
      values ('00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000010', 1, '2024-01-01', 'Thủ tục thử', 'Thử',
        '{province}', '{000.00.03.H98}', '{}', 'none', false, false, false, 5, 'working_days', '{}'::jsonb, '1.999999');
      insert into cost_worksheets (procedure_version_id, activities, subjects_per_year, income_year) values
        ('00000000-0000-4000-8000-000000000011', '[{"name": "Nộp hồ sơ", "hours": 2}, {"name": "Chờ giải quyết", "hours": 40}]'::jsonb, 10, 2024);
      insert into reform_targets (year, indicator, target, source) values
        (2025, 'business_conditions_cut', 0.3, 'NQ 66/NQ-CP: bãi bỏ ít nhất 30% điều kiện kinh doanh không cần thiết'),
        (2026, 'business_conditions_cut', 1, 'NQ 66/NQ-CP, năm 2026: bãi bỏ 100% điều kiện kinh doanh không cần thiết, trùng lặp, không rõ ràng');
    `;
    // One statement per call: PGlite prepares each query and refuses several commands in one.
    for (const statement of seed.split(/;\s*\n/).filter((part) => part.trim())) await database.db.execute(sql.raw(statement));
    for (const statement of dataStatements) await database.db.execute(sql.raw(statement));
  }, 120_000);
  afterAll(() => database?.dispose());

  it('types the central vertical agencies apart, and only them', async () => {
    const units = await rows<{ name: string; type: string }>('select name, type from units order by code');
    expect(units).toEqual([
      { name: 'UBND tỉnh Thử', type: 'province' },
      { name: 'Sở Tư pháp', type: 'department' },
      { name: 'Công an tỉnh', type: 'vertical_agency' },
      { name: 'Bảo hiểm xã hội tỉnh Thử', type: 'vertical_agency' },
    ]);
  });

  it('sets the source level of conditions and turns the demo’s provincial "abolition" of a central decree into a proposal', async () => {
    const conditions = await rows<{ text: string; source_level: string; status: string }>(
      'select text, source_level, status from business_conditions order by text',
    );
    expect(conditions).toEqual([
      { text: 'Điều kiện của nghị định', source_level: 'central', status: 'proposed' },
      { text: 'Điều kiện của tỉnh', source_level: 'provincial', status: 'abolished' },
      // Not demo data: kept as entered (the figures count it as proposed until its central text is recorded).
      { text: 'Điều kiện nhập thật', source_level: 'central', status: 'abolished' },
    ]);
  });

  it('marks waiting time in the worksheets, the order of activities kept', async () => {
    const [worksheet] = await rows<{ activities: unknown }>('select activities from cost_worksheets');
    expect(worksheet!.activities).toEqual([
      { name: 'Nộp hồ sơ', hours: 2 },
      { name: 'Chờ giải quyết', hours: 40, waiting: true },
    ]);
  });

  it('moves the 2026 goal to the conditions outside Phụ lục IV and adds the targets of the new indicators', async () => {
    const targets = await rows<{ year: number; indicator: string; target: string | number }>(
      'select year, indicator, target from reform_targets order by year, indicator',
    );
    const keys = targets.map((target) => `${target.year}:${target.indicator}`);
    expect(keys).toContain('2025:business_conditions_cut');
    expect(keys).not.toContain('2026:business_conditions_cut');
    expect(keys).toEqual(
      expect.arrayContaining([
        '2026:business_conditions_outside_list',
        '2025:time_reduction_business',
        '2026:cost_reduction_internal',
        '2026:procedures_full_online',
      ]),
    );
    expect(keys.filter((key) => key === '2026:business_conditions_outside_list')).toHaveLength(1);
  });
});
