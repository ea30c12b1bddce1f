import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsRankingView, MetricsTrendView, RankingItem } from '../../contract/metrics-dashboard';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier, insertPortalMessage } from '../../test/metrics-dossiers';
import { listSubtreeUnits } from '../org';
import { sumCounters } from './counters';
import { reportingMonthsWithin, toScoreFields } from './dashboard';
import { computeIndexForScope } from './index-service';
import { countersFromRollups, countersFromRollupsGrouped } from './rollups';
import type { MetricsScope } from './scope';
import { readMonthStartDay, setMonthStartDay } from './settings';

/*
 * The dashboards' single grouped pass (dashboard.ts) against one index a month or a child, the way session 8 computed
 * them: `computeIndexForScope` reading its own counters, indicator set, bands and catalog figures. Generated dossiers
 * over ten months on every unit of a small province (both sides of Vietnam's midnight, every outcome, open and
 * overdue ones, portal messages), procedures published in the period by different units, a full-online list; periods
 * cut on both ends and whole months, reporting months from the 21st and from the 1st.
 */

type Province = Awaited<ReturnType<Factories['buildProvince']>>;

/** A small deterministic generator (mulberry32): the same dossiers each run. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return Math.floor((((value ^ (value >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

describe.each(testBackends())('metrics dashboards: the grouped pass against one index at a time (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let controller: AuthHeaders;
  const periods = [
    { from: '2024-11-03', to: '2025-06-07' },
    { from: '2024-10-21', to: '2025-07-20' },
    { from: '2025-03-01', to: '2025-03-31' },
  ];

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    controller = await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login();
    const db = t.database.db;
    const random = generator(13);
    const units = [tree.province, tree.departmentA, tree.divisionA, tree.departmentB, tree.office, tree.commune, tree.desk];
    const fields = ['Hộ tịch', 'Đất đai', 'Chứng thực'];
    const start = Date.UTC(2024, 9, 1);
    for (let n = 0; n < 160; n++) {
      const unit = units[random(units.length)]!;
      const received = start + random(300) * 24 * HOUR + random(24) * HOUR;
      const due = received + (1 + random(20)) * 24 * HOUR;
      const end = received + random(30) * 24 * HOUR + random(10) * HOUR;
      const kind = random(10);
      const isResolved = kind < 6;
      const timing = end < due - 48 * HOUR ? 'early' : end <= due ? 'on_time' : 'late';
      const row = await insertDossier(db, {
        unitId: unit.id,
        field: fields[random(fields.length)]!,
        level: unit === tree.commune ? 'commune' : 'province',
        channel: (['direct', 'online', 'postal'] as const)[random(3)],
        receivedAt: kind === 9 ? null : at(received),
        dueAt: at(due),
        resolvedAt: isResolved ? at(end) : null,
        closedAt: kind === 6 ? at(end) : null,
        status: isResolved ? 'returned' : kind === 6 ? 'stopped' : undefined,
        timing: isResolved ? timing : null,
        pausedWorkingMinutes: random(4) === 0 ? 240 : 0,
        resultIsElectronic: random(2) === 0,
        components: [{ presence: (['file', 'paper', 'reused', 'missing'] as const)[random(4)]! }],
      });
      if (random(3) > 0) await insertPortalMessage(db, row.id, random(3) ? 'sent' : 'pending');
    }
    // Procedures published in the period by different units, one decision made public on the national database.
    const basis = (effectiveDate: string) => ({ legalBasis: [{ number: '15/2025/NĐ-CP', title: null, date: null, effectiveDate }] });
    const published = [];
    for (const [unit, effectiveDate, law, onlineLevel] of [
      [tree.departmentA, '2024-12-02', '2025-01-01', 'full'],
      [tree.divisionA, '2025-02-03', '2025-01-15', 'partial'],
      [tree.departmentB, '2025-03-10', '2025-04-01', 'full'],
      [tree.commune, '2025-05-05', '2025-05-01', 'none'],
      [tree.departmentA, '2025-06-02', '2025-07-01', 'full'],
    ] as const) {
      published.push(
        await make.buildProcedure({
          handlingUnits: [unit],
          effectiveDate,
          content: { ...basis(law), onlineLevel },
        }),
      );
    }
    await db.execute(sql`
      update publication_decisions set national_published_on = issued_on + 3
      where id in (select decision_id from procedure_versions v join procedures p on p.id = v.procedure_id
        where p.code in (${published[0]!.code}, ${published[2]!.code}))`);
    // The province's full-online list of 03/06/2025, as a list decision of that day leaves it (the API takes past lists
    // only as late publications, applying from today): the first four procedures, the second listed as not eligible.
    await db.execute(sql`
      insert into procedure_flag_changes (decision_id, procedure_code, flag, value, effective_from)
      select v.decision_id, p.code, 'fullOnlineEligible', p.code <> ${published[1]!.code}, '2025-06-03'
      from procedures p join procedure_versions v on v.procedure_id = p.id
      where p.code in (${published[0]!.code}, ${published[1]!.code}, ${published[2]!.code}, ${published[3]!.code})`);
  }, 300_000);
  afterAll(() => t?.close());

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ url, headers: controller });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  async function scopeOf(unit: { id: string; code: string; name: string }): Promise<MetricsScope> {
    const subtree = await listSubtreeUnits(t.database.db, unit.id);
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name },
      unitIds: subtree.map((row) => row.id),
      unitCodes: subtree.map((row) => row.code),
    };
  }

  /** One index at a time: what the dashboards answered before the grouped pass. */
  async function scoreOf(scope: MetricsScope, from: string, to: string) {
    const db = t.database.db;
    const counters = sumCounters((await countersFromRollups(db, scope.unitIds, from, to)).map((row) => row.counters));
    return toScoreFields(await computeIndexForScope(db, scope, from, to), counters);
  }

  async function compareAll() {
    const db = t.database.db;
    const monthStartDay = await readMonthStartDay(db);
    for (const period of periods) {
      const months = reportingMonthsWithin(period.from, period.to, monthStartDay, '2026-12-31');
      expect(months.length).toBeGreaterThan(0);
      for (const unit of [tree.province, tree.departmentA, tree.departmentB]) {
        const scope = await scopeOf(unit);
        // The counters themselves, row by row, month by month.
        const grouped = await countersFromRollupsGrouped(db, new Map(scope.unitIds.map((id) => [id, 'all'])), months);
        for (const [position, month] of months.entries()) {
          expect(grouped.get('all')![position], `${unit.name} ${month.from}`).toEqual(
            await countersFromRollups(db, scope.unitIds, month.from, month.to),
          );
        }
        const trend = await get<MetricsTrendView>(`/api/metrics/trend?unit=${unit.code}&from=${period.from}&to=${period.to}`);
        const expected = [];
        for (const month of months) expected.push({ ...month, ...(await scoreOf(scope, month.from, month.to)) });
        expect(trend.months, `${unit.name} ${period.from}`).toEqual(expected);
      }
      const ranking = await get<MetricsRankingView>(`/api/metrics/ranking?unit=${tree.province.code}&from=${period.from}&to=${period.to}`);
      const children = [tree.departmentA, tree.departmentB, tree.office, tree.commune];
      const expected: RankingItem[] = [];
      for (const child of children) {
        const type = child === tree.commune ? 'commune' : 'department';
        expected.push({
          unit: { id: child.id, code: child.code, name: child.name },
          type,
          ...(await scoreOf(await scopeOf(child), period.from, period.to)),
        });
      }
      expected.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unit.name.localeCompare(b.unit.name, 'vi'));
      expect(ranking.items, period.from).toEqual(expected);
    }
  }

  it('gives the same trend and ranking as one index a month or a child (months from the 21st)', async () => {
    await compareAll();
    // The data reach every figure compared: scores, catalog fractions, carried-over and overdue dossiers.
    const trend = await get<MetricsTrendView>(
      `/api/metrics/trend?unit=${tree.province.code}&from=${periods[1]!.from}&to=${periods[1]!.to}`,
    );
    expect(trend.months.filter((month) => month.score !== null).length).toBeGreaterThan(6);
    expect(trend.months.some((month) => month.indicators.procedures_online?.denominator)).toBe(true);
    expect(trend.months.some((month) => month.indicators.published_on_time?.denominator)).toBe(true);
    expect(trend.months.some((month) => month.overdue > 0)).toBe(true);
  });

  it('gives the same answers with reporting months from the 1st', async () => {
    await setMonthStartDay(t.database.db, 1);
    try {
      await compareAll();
    } finally {
      await setMonthStartDay(t.database.db, 21);
    }
  });

  it('refuses periods that do not meet on reporting-month starts', async () => {
    await expect(
      countersFromRollupsGrouped(t.database.db, new Map([[tree.province.id, 'all']]), [
        { from: '2025-01-01', to: '2025-01-10' },
        { from: '2025-01-11', to: '2025-01-20' },
      ]),
    ).rejects.toThrow(/reporting-month starts/);
  });
});
