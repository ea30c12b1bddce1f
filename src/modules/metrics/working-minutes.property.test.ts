import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingTimesView } from '../../contract/metrics-processing-times';
import { WORKING_MINUTES_PER_DAY } from '../../core/dossiers/timing';
import { medianOfSorted, percentileOfSorted } from '../../core/metrics/processing-times';
import { vietnamDate } from '../../core/vietnam-time';
import { createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { insertDossier } from '../../test/metrics-dossiers';
import type { Actor } from '../auth';
import { measureProcessingMinutes } from '../dossiers';
import { computeProcessingTimes, syncWorkDays } from './index';

/*
 * The facts' precomputed working minutes (migration 0032) are the dossiers module's measurement, exactly
 * (docs/api/metrics.md, "Measured processing time"): random dossiers received and resolved on and around session
 * boundaries over Tết 2026, with random pauses (open, overlapping, before the receipt, after the result), random later
 * changes (a pause added, ended or removed after the result, the result moved or undone, a receipt undone, an instant
 * off the millisecond) and the working sessions changed between runs. Each dossier's minutes are compared with
 * measureProcessingMinutes, and the answers of GET /api/metrics/processing-times (median and p90 computed by the
 * database) with the old computation: the same dossiers measured one by one, sorted, medianOfSorted and
 * percentileOfSorted.
 */

const START = Date.parse('2026-02-02T01:00:00Z'); // Monday 02/02/2026, 08:00 in Vietnam
const MINUTE = 60_000;
const instant = (offsetMinutes: number) => new Date(START + offsetMinutes * MINUTE).toISOString();

/** Whole days plus a time of day near session edges (08:00, 12:00, 13:30, 17:30 in Vietnam) or anywhere. */
const offset = (days: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: days }),
      fc.constantFrom(-60, -1, 0, 1, 239, 240, 241, 330, 331, 569, 570, 571, 900),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(([day, minute, extra]) => day * 24 * 60 + minute + (extra === 0 ? 0 : extra / 60));

const pauseArbitrary = fc.record({
  start: fc.integer({ min: -2 * 24 * 60, max: 12 * 24 * 60 }),
  length: fc.option(
    offset(4).map((minutes) => Math.max(minutes, 0)),
    { freq: 3 },
  ),
});

const dossierArbitrary = fc.record({
  unit: fc.integer({ min: 0, max: 4 }),
  procedure: fc.constantFrom('1.000101', '1.000102', '2.000201'),
  received: offset(50),
  took: fc.option(
    offset(20).map((minutes) => Math.max(minutes, 0)),
    { freq: 6 },
  ),
  pauses: fc.array(pauseArbitrary, { maxLength: 3 }),
  change: fc.constantFrom(
    'none',
    'none',
    'add_pause',
    'end_pause',
    'remove_pause',
    'move_result',
    'undo_result',
    'undo_receipt',
    'microseconds',
  ),
});

const SESSIONS = [
  [
    { start: '08:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
  [{ start: '07:00', end: '16:45' }],
];

type GeneratedDossier = typeof dossierArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Province = Awaited<ReturnType<Factories['buildProvince']>>;

const actor: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'kiem-thu',
  fullName: 'Kiểm thử',
  roles: [{ role: 'admin', unitId: null, unitPath: null, unitName: null }],
};

describe.each(testBackends())('metrics: precomputed working minutes agree with the measurement (%s)', (backend) => {
  let t: TestApp;
  let tree: Province;
  let admin: Awaited<ReturnType<TestApp['login']>>;
  let units: string[];

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    tree = await make.buildProvince();
    admin = await (await make.buildUser({ roles: [{ role: 'admin', unit: null }] })).login();
    units = [tree.province.id, tree.departmentA.id, tree.divisionA.id, tree.departmentB.id, tree.commune.id];
  }, 120_000);
  afterAll(() => t?.close());

  async function write(generated: GeneratedDossier) {
    const db = t.database.db;
    const resolvedAt = generated.took === null ? null : instant(generated.received + generated.took);
    const { id } = await insertDossier(db, {
      unitId: units[generated.unit]!,
      procedureCode: generated.procedure,
      field: 'Hộ tịch',
      receivedAt: instant(generated.received),
      resolvedAt,
      timing: resolvedAt ? 'on_time' : null,
    });
    for (const pause of generated.pauses) {
      // A pause still open at the result began before it (measureProcessingMinutes refuses one ending before it starts).
      const start = pause.length === null && generated.took !== null ? Math.min(pause.start, generated.took) : pause.start;
      const startedAt = instant(generated.received + start);
      const endedAt = pause.length === null ? null : instant(generated.received + start + pause.length);
      await db.execute(sql`insert into dossier_pauses (dossier_id, started_at, ended_at, working_minutes, reason, requested)
        values (${id}, ${startedAt}, ${endedAt}, 0, 'Bổ sung', '{"positions":[],"items":[]}')`);
    }
    const later = instant(generated.received + 3 * 24 * 60 + 17);
    switch (generated.change) {
      case 'add_pause':
        await db.execute(sql`insert into dossier_pauses (dossier_id, started_at, ended_at, working_minutes, reason, requested)
          values (${id}, ${instant(generated.received + 90)}, ${later}, 0, 'Bổ sung', '{"positions":[],"items":[]}')`);
        break;
      case 'end_pause':
        await db.execute(
          sql`update dossier_pauses set ended_at = started_at + interval '5 hours' where dossier_id = ${id} and ended_at is null`,
        );
        break;
      case 'remove_pause':
        await db.execute(sql`delete from dossier_pauses where id = (select id from dossier_pauses where dossier_id = ${id} limit 1)`);
        break;
      case 'move_result':
        await db.execute(sql`update dossiers set resolved_at = greatest(${later}::timestamptz,
            (select max(started_at) from dossier_pauses where dossier_id = ${id} and ended_at is null))
          where id = ${id} and resolved_at is not null`);
        break;
      case 'undo_result':
        await db.execute(sql`update dossiers set resolved_at = null, timing = null, status = 'processing' where id = ${id}`);
        break;
      case 'undo_receipt':
        await db.execute(
          sql`update dossiers set received_at = null, resolved_at = null, timing = null, status = 'submitted' where id = ${id}`,
        );
        break;
      case 'microseconds':
        // Written by SQL (now(), interval arithmetic), an instant carries microseconds a JavaScript Date does not.
        await db.execute(sql`update dossiers set resolved_at = resolved_at + interval '0.000777 seconds',
          received_at = received_at + interval '0.000333 seconds' where id = ${id}`);
        await db.execute(sql`update dossier_pauses set started_at = started_at + interval '0.000999 seconds' where dossier_id = ${id}`);
        break;
    }
  }

  /** The old computation: the facts pick the dossiers, measureProcessingMinutes measures each, the list is sorted. */
  async function measureTheOldWay(
    unitIds: string[],
    from: string,
    to: string,
    keyOf: (fact: { unitId: string; procedureCode: string }) => string,
  ) {
    const db = t.database.db;
    const result = await db.execute(sql`select dossier_id, unit_id, procedure_code from metrics_dossier_facts
      where end_day between ${from}::date and ${to}::date and outcome in ('early', 'on_time', 'late')
        and unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])`);
    const facts = (result as unknown as { rows: { dossier_id: string; unit_id: string; procedure_code: string }[] }).rows;
    const minutes = await measureProcessingMinutes(
      db,
      facts.map((fact) => fact.dossier_id),
    );
    const groups = new Map<string, number[]>();
    const all: number[] = [];
    for (const fact of facts) {
      const value = minutes.get(fact.dossier_id);
      if (value === undefined) continue;
      const key = keyOf({ unitId: fact.unit_id, procedureCode: fact.procedure_code });
      groups.set(key, [...(groups.get(key) ?? []), value]);
      all.push(value);
    }
    const figures = (values: number[]) => {
      const sorted = Float64Array.from(values).sort();
      const median = medianOfSorted(sorted);
      const p90 = percentileOfSorted(sorted, 90);
      const days = (value: number | null) => (value === null ? null : Math.round((value / WORKING_MINUTES_PER_DAY) * 100) / 100);
      return {
        dossiers: sorted.length,
        medianWorkingMinutes: median === null ? null : Math.round(median),
        p90WorkingMinutes: p90 === null ? null : Math.round(p90),
        medianWorkingDays: days(median),
        p90WorkingDays: days(p90),
      };
    };
    return { total: figures(all), groups: new Map([...groups].map(([key, values]) => [key, figures(values)])) };
  }

  const rowsOf = (view: ProcessingTimesView) => new Map(view.items.map((row) => [row.key!, row.measured]));

  it('for random dossiers, pauses, changes and working sessions', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossierArbitrary, { minLength: 20, maxLength: 50 }),
        fc.record({ start: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 40 }) }),
        async (generated, window) => {
          const db = t.database.db;
          await db.execute(sql`delete from dossiers`);
          // Sessions changed before some runs' dossiers and after others': the sync recomputes every resolved fact.
          const sessions = SESSIONS[run++ % SESSIONS.length]!;
          const half = Math.floor(generated.length / 2);
          for (const entry of generated.slice(0, half)) await write(entry);
          const saved = await t.app.inject({ method: 'PUT', url: '/api/calendar/sessions', headers: admin, payload: { sessions } });
          expect(saved.statusCode, saved.body).toBe(200);
          await syncWorkDays(db, { force: true });
          for (const entry of generated.slice(half)) await write(entry);

          // Each dossier: the stored minutes are the measurement, to the last bit.
          const stored = (
            (await db.execute(
              sql`select dossier_id, working_minutes from metrics_dossier_facts where working_minutes is not null`,
            )) as unknown as {
              rows: { dossier_id: string; working_minutes: number }[];
            }
          ).rows;
          const ids = ((await db.execute(sql`select id from dossiers`)) as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
          const measured = await measureProcessingMinutes(db, ids);
          expect(new Map(stored.map((row) => [row.dossier_id, Number(row.working_minutes)]))).toEqual(measured);

          // The answers: by procedure for the province, by child unit for the province and for department A.
          const from = vietnamDate(new Date(START + window.start * 24 * 60 * MINUTE));
          const to = vietnamDate(new Date(START + (window.start + window.length) * 24 * 60 * MINUTE));
          const query = { from, to, page: 1, pageSize: 100 } as const;
          const byProcedure = await computeProcessingTimes(db, actor, { ...query, unit: tree.province.code, groupBy: 'procedure' });
          const everyUnit = [...units, tree.office.id, tree.desk.id];
          const old = await measureTheOldWay(everyUnit, from, to, (fact) => fact.procedureCode);
          expect(byProcedure.total.measured).toEqual(old.total);
          expect(rowsOf(byProcedure)).toEqual(old.groups);

          const childOf = new Map([
            [tree.province.id, tree.province.code],
            [tree.departmentA.id, tree.departmentA.code],
            [tree.divisionA.id, tree.departmentA.code],
            [tree.departmentB.id, tree.departmentB.code],
            [tree.commune.id, tree.commune.code],
            [tree.office.id, tree.office.code],
            [tree.desk.id, tree.desk.code],
          ]);
          const byUnit = await computeProcessingTimes(db, actor, { ...query, unit: tree.province.code, groupBy: 'unit' });
          const oldByUnit = await measureTheOldWay(everyUnit, from, to, (fact) => childOf.get(fact.unitId)!);
          expect(byUnit.total.measured).toEqual(oldByUnit.total);
          expect(rowsOf(byUnit)).toEqual(oldByUnit.groups);

          const department = await computeProcessingTimes(db, actor, { ...query, unit: tree.departmentA.code, groupBy: 'unit' });
          const oldDepartment = await measureTheOldWay([tree.departmentA.id, tree.divisionA.id], from, to, (fact) =>
            fact.unitId === tree.departmentA.id ? tree.departmentA.code : tree.divisionA.code,
          );
          expect(rowsOf(department)).toEqual(oldDepartment.groups);
        },
      ),
      { numRuns: 10, seed: 20_261_203 },
    );
  }, 600_000);
});
