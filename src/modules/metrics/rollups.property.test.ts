import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { createTestDatabase, type TestDatabase, testBackends } from '../../test/harness';
import { type DossierSpec, insertDossier, insertPortalMessage } from '../../test/metrics-dossiers';
import { countersFromDossiers, countersFromRollups, setMonthStartDay, syncWorkDays } from './index';

/*
 * The rollups agree with plain aggregation over the dossier tables (docs/api/metrics.md, "Rollups"): random dossiers
 * written through the triggers, then random later changes (a result, a due moved, a stop, a component digitised, a
 * portal message sent, a dossier deleted), compared for random subtrees and periods — boundaries included — with
 * reporting months starting on the 21st, the 1st or the 15th.
 */

const START = Date.parse('2025-12-01T00:00:00Z');
const instant = (offsetMinutes: number) => new Date(START + offsetMinutes * 60_000).toISOString();
const vietnamDayOf = (offsetMinutes: number) => vietnamDate(new Date(START + offsetMinutes * 60_000));

/** Whole days plus a time of day on either side of a Vietnam midnight (600 minutes after 07:00 is 16:59 UTC…). */
const minutes = (days: number) =>
  fc.tuple(fc.integer({ min: 0, max: days }), fc.constantFrom(0, 60, 599, 600, 601, 1000)).map(([day, minute]) => day * 24 * 60 + minute);

const dossierArbitrary = fc.record({
  unit: fc.integer({ min: 0, max: 3 }),
  field: fc.constantFrom('Hộ tịch', 'Đất đai', 'Chứng thực'),
  level: fc.constantFrom('province', 'commune'),
  channel: fc.constantFrom('direct', 'online', 'postal'),
  // Minutes after 01/12/2025 (07:00 in Vietnam) over ten weeks, on and around the 17:00 UTC change of Vietnam day, so
  // that days of receipt, due and end fall on the periods' boundaries often.
  received: fc.option(minutes(70), { freq: 8 }),
  dueAfter: fc.option(minutes(15), { freq: 8 }),
  end: fc.option(fc.record({ after: minutes(20), kind: fc.constantFrom('early', 'on_time', 'late', 'stopped', 'refused') })),
  paused: fc.constantFrom(0, 0, 90, 480),
  electronic: fc.boolean(),
  components: fc.array(fc.record({ presence: fc.constantFrom('file', 'paper', 'reused', 'missing'), isDigitised: fc.boolean() }), {
    maxLength: 3,
  }),
  portal: fc.constantFrom('none', 'pending', 'sent', 'failed'),
  change: fc.constantFrom('none', 'resolve', 'move_due', 'stop', 'digitise', 'send', 'message', 'delete', 'return'),
});

type GeneratedDossier = typeof dossierArbitrary extends fc.Arbitrary<infer T> ? T : never;

const periodArbitrary = fc
  .record({ start: fc.integer({ min: -3, max: 80 }), length: fc.integer({ min: 0, max: 40 }) })
  .map(({ start, length }) => ({ from: vietnamDayOf(start * 24 * 60), to: vietnamDayOf((start + length) * 24 * 60) }));

describe.each(testBackends())('metrics rollups agree with the raw aggregation (%s)', (backend) => {
  let database: TestDatabase;
  const units: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const db = database.db;
    // A province (0), a department (1) with a division (2), a commune (3).
    const add = async (code: string, type: string, parent: { id: string; path: string } | null) => {
      const result = await db.execute(sql`
        insert into units (code, name, type, parent_id, path, valid_from) values (${code}, ${`Đơn vị ${code}`}, ${type}, ${parent?.id ?? null}, '/', '2020-01-01')
        returning id`);
      const id = (result as unknown as { rows: { id: string }[] }).rows[0]!.id;
      const path = `${parent?.path ?? '/'}${id}/`;
      await db.execute(sql`update units set path = ${path} where id = ${id}`);
      units.push(id);
      return { id, path };
    };
    const province = await add('P.01.00.H99', 'province', null);
    const department = await add('D.01.00.H99', 'department', province);
    await add('V.01.00.H99', 'division', department);
    await add('X.01.00.H99', 'commune', province);
    await syncWorkDays(db, { force: true });
  }, 120_000);
  afterAll(() => database?.dispose());

  const subtrees = () => [[0, 1, 2, 3], [1, 2], [2], [3]].map((indexes) => indexes.map((index) => units[index]!));

  async function write(generated: GeneratedDossier) {
    const db = database.db;
    const received = generated.received;
    const end = received === null ? null : generated.end;
    const endAt = end && received !== null ? instant(received + end.after) : null;
    const isResult = end && !['stopped', 'refused'].includes(end.kind);
    const spec: DossierSpec = {
      unitId: units[generated.unit]!,
      field: generated.field,
      level: generated.level,
      channel: generated.channel as DossierSpec['channel'],
      receivedAt: received === null ? null : instant(received),
      dueAt: received === null || generated.dueAfter === null ? null : instant(received + generated.dueAfter),
      resolvedAt: isResult ? endAt : null,
      closedAt: end && !isResult ? endAt : null,
      status: received === null ? 'submitted' : end ? (isResult ? 'result_ready' : end.kind) : 'processing',
      timing: isResult ? (end.kind as 'early') : null,
      pausedWorkingMinutes: generated.paused,
      resultIsElectronic: generated.electronic,
      components: generated.components as DossierSpec['components'],
    };
    const { id } = await insertDossier(db, spec);
    if (generated.portal !== 'none') await insertPortalMessage(db, id, generated.portal as 'sent');
    // A later change, as the lifecycle, the sweeps and the outbox make them.
    const later = instant((received ?? 0) + 20 * 24 * 60);
    switch (generated.change) {
      case 'resolve':
        await db.execute(
          sql`update dossiers set resolved_at = ${later}, timing = 'late', status = 'result_ready' where id = ${id} and resolved_at is null and status = 'processing'`,
        );
        break;
      case 'move_due':
        await db.execute(sql`update dossiers set due_at = due_at + interval '3 days' where id = ${id}`);
        break;
      case 'stop':
        await db.execute(sql`update dossiers set status = 'stopped', closed_at = ${later} where id = ${id} and status = 'processing'`);
        break;
      case 'digitise':
        await db.execute(sql`update dossier_components set is_digitised = true where dossier_id = ${id}`);
        break;
      case 'send':
        await db.execute(sql`update notify_outbox set status = 'sent' where ref_id = ${id}`);
        break;
      case 'message':
        // A new status message: a synced dossier is not synced any more until it is sent.
        await insertPortalMessage(db, id, 'pending');
        break;
      case 'delete':
        await db.execute(sql`delete from dossiers where id = ${id}`);
        break;
      case 'return':
        await db.execute(sql`update dossiers set status = 'returned', returned_at = ${later} where id = ${id} and status = 'result_ready'`);
        break;
    }
  }

  it('for random dossiers, changes, subtrees and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossierArbitrary, { minLength: 30, maxLength: 80 }),
        fc.array(fc.tuple(fc.constantFrom(0, 0, 1, 2, 3), periodArbitrary), { minLength: 4, maxLength: 10 }),
        fc.constantFrom(21, 1, 15),
        async (generated, queries, startDay) => {
          const db = database.db;
          await db.execute(sql`delete from notify_outbox`);
          await db.execute(sql`delete from dossiers`);
          for (const entry of generated) await write(entry);
          // Reporting months starting on another day: the monthly rollup is rebuilt, the figures must not move.
          await setMonthStartDay(db, startDay);
          for (const [subtree, period] of queries) {
            const ids = subtrees()[subtree]!;
            const fromRollups = await countersFromRollups(db, ids, period.from, period.to);
            const fromDossiers = await countersFromDossiers(db, ids, period.from, period.to);
            expect(fromRollups).toEqual(fromDossiers);
          }
        },
      ),
      { numRuns: 10, seed: 20_261_202 },
    );
    // Emptied tables leave rollups at zero: nothing is counted twice or lost on the way.
    await database.db.execute(sql`delete from dossiers`);
    const [left] = (
      (await database.db.execute(
        sql`select coalesce(sum(abs(received) + abs(ended) + abs(due) + abs(due_or_end)), 0)::int as n from metrics_daily`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(Number(left!.n)).toBe(0);
  }, 300_000);

  it('for messages inserted many in one statement, e-mails and references that are not dossiers among them', async () => {
    const db = database.db;
    await db.execute(sql`delete from notify_outbox`);
    await db.execute(sql`delete from dossiers`);
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) {
      const received = n * 24 * 60 + 120;
      ids.push(
        (
          await insertDossier(db, {
            unitId: units[n % 4]!,
            field: 'Hộ tịch',
            receivedAt: instant(received),
            dueAt: instant(received + 7200),
          })
        ).id,
      );
    }
    const uuids = (list: string[]) => `{${list.join(',')}}`;
    const synced = async () => {
      const counters = await countersFromRollups(db, units, vietnamDayOf(0), vietnamDayOf(60 * 24 * 60));
      expect(counters).toEqual(await countersFromDossiers(db, units, vietnamDayOf(0), vietnamDayOf(60 * 24 * 60)));
      return counters.reduce((total, row) => total + row.counters.receivedSynced, 0);
    };
    // One statement: a sent message for the first 30 dossiers (more than a few: the bulk refresh), a pending one for
    // the last 10, an e-mail for every dossier, and a national-portal message whose reference is not a dossier's id.
    await db.execute(sql`
      insert into notify_outbox (channel, recipient, template, body, ref_type, ref_id, status)
      select 'national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', id::text, case when n <= 30 then 'sent' else 'pending' end
      from unnest(${uuids(ids)}::uuid[]) with ordinality as d(id, n)
      union all
      select 'email', 'a@example.vn', 'dossier.status', '{}', 'dossier', id::text, 'sent' from unnest(${uuids(ids)}::uuid[]) as d(id)
      union all
      select 'national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', 'not-a-dossier', 'sent'`);
    expect(await synced()).toBe(30);
    // A new pending message for 5 synced dossiers in one statement (a few: the generic-plan refresh): not synced any more.
    await db.execute(sql`
      insert into notify_outbox (channel, recipient, template, body, ref_type, ref_id, status)
      select 'national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', id::text, 'pending' from unnest(${uuids(ids.slice(0, 5))}::uuid[]) as d(id)`);
    expect(await synced()).toBe(25);
    // And for 20 more at once.
    await db.execute(sql`
      insert into notify_outbox (channel, recipient, template, body, ref_type, ref_id, status)
      select 'national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', id::text, 'failed' from unnest(${uuids(ids.slice(5, 25))}::uuid[]) as d(id)`);
    expect(await synced()).toBe(5);
  }, 120_000);
});
