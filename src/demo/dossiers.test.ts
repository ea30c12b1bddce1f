import { asc, count, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierStatuses } from '../contract/enums';
import { dossierEvents, dossiers } from '../db/schema/dossiers';
import { notifyOutbox } from '../db/schema/notify';
import { createTestApp, type TestApp } from '../test/harness';
import { applicantKindOf } from './dossier-people';
import { readDemoProcedures } from './fixtures';
import { loadDemoData } from './index';

// The demo dossiers (src/demo/dossiers.ts), a small number on a few demo procedures of Sở Tư pháp and of the
// communes: every status appears, and each dossier's trail of events is the one the services write.

const JUSTICE = '000.00.03.H01';
const procedures = readDemoProcedures();
const hasFractionalStep = (entry: (typeof procedures)[number]) =>
  (entry.processTemplate ?? []).some((step) => step.budget.unit === 'calendar_days' && !Number.isInteger(step.budget.amount));
const codes = [
  ...procedures.filter((entry) => entry.handlingUnitCodes.includes(JUSTICE) && entry.onlineLevel !== 'none').slice(0, 6),
  ...procedures.filter((entry) => entry.handlingUnitCodes.includes('COMMUNE')).slice(0, 3),
  // Templates with steps of part of a calendar day ("0,5 ngày"): a sixth of the demo catalog, once left out.
  ...procedures.filter(hasFractionalStep).slice(0, 2),
].map((entry) => entry.code);
const fractional = procedures
  .filter(hasFractionalStep)
  .slice(0, 2)
  .map((entry) => entry.code);

// Made up to the last Monday at 06:30 in Vietnam (23:30 UTC on Sunday), after a weekend: the next working instant of a
// recent receipt is still to come, and the demo must not place a dossier after its own "now". Relative to the real
// clock, so that the demo catalog's versions are in force, and the same at any hour of the day.
const DAY = 24 * 3600 * 1000;
const NOW = (() => {
  let at = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 23, 30) - DAY;
  while (new Date(at).getUTCDay() !== 0) at -= DAY;
  return new Date(at);
})();

describe('demo dossiers', () => {
  let t: TestApp;
  let made: number;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: false });
    // Texts to the applicants' phones by Zalo only, as NOTIFY_PHONE_CHANNELS=zalo gives it.
    const summary = await loadDemoData(t.database.db, {
      procedureCodes: codes,
      baselines: false,
      plans: false,
      dossiers: 36,
      now: NOW,
      phoneChannels: ['zalo'],
    });
    expect(summary.dossiers.firstError).toBeNull();
    made = summary.dossiers.made;
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('texts the applicants on the configured phone channels only', async () => {
    const rows = await t.database.db
      .select({ channel: notifyOutbox.channel, n: count() })
      .from(notifyOutbox)
      .where(inArray(notifyOutbox.channel, ['sms', 'zalo']))
      .groupBy(notifyOutbox.channel);
    expect(rows.map((row) => row.channel)).toEqual(['zalo']);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('holds every status, channel and timing, nothing after now', async () => {
    const rows = await t.database.db.select().from(dossiers);
    expect(rows.length).toBe(made);
    expect(made).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(dossierStatuses));
    expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(['direct', 'online', 'postal']));
    const returned = rows.filter((row) => row.status === 'returned');
    expect(new Set(returned.map((row) => row.timing))).toContain('early');
    expect(returned.every((row) => row.timing !== null && row.returnedAt !== null)).toBe(true);
    expect(rows.every((row) => row.submittedAt.getTime() <= NOW.getTime())).toBe(true);
    expect(rows.every((row) => /^\d{12}$|^\d{10}$/.test(row.applicantIdNumber))).toBe(true);
    const open = rows.filter((row) => row.status === 'processing');
    expect(open.some((row) => row.dueAt && row.dueAt.getTime() > NOW.getTime())).toBe(true);
    // Applicants are those the procedure is for: a procedure of organisations only has no individual applicant.
    const kindOf = new Map(procedures.map((entry) => [entry.code, applicantKindOf(entry.applicantTypes)]));
    const mismatched = rows.filter((row) => {
      const kind = kindOf.get(row.procedureCode);
      return kind && row.applicant.kind !== kind && row.applicantUserId === null;
    });
    expect(mismatched.map((row) => row.code)).toEqual([]);
    // Steps of "0,5 ngày" are walked like the others: such dossiers reach a result.
    const partDays = rows.filter((row) => fractional.includes(row.procedureCode));
    expect(partDays.some((row) => row.status === 'returned' || row.status === 'result_ready')).toBe(true);
  });

  it('writes the trail of each dossier: intake first, each event from the state the last one left, return last', async () => {
    const rows = await t.database.db.select().from(dossiers);
    const events = await t.database.db.select().from(dossierEvents).orderBy(asc(dossierEvents.id));
    for (const row of rows) {
      const trail = events.filter((event) => event.dossierId === row.id);
      expect(['receive', 'submit'], row.code).toContain(trail[0]!.action);
      for (let index = 1; index < trail.length; index++) {
        expect(trail[index]!.fromStatus, `${row.code} ${trail[index]!.action}`).toBe(trail[index - 1]!.toStatus);
        expect(trail[index]!.occurredAt.getTime()).toBeGreaterThanOrEqual(trail[index - 1]!.occurredAt.getTime());
      }
      expect(trail.at(-1)!.toStatus, row.code).toBe(row.status);
      expect(trail.at(-1)!.occurredAt.getTime(), row.code).toBeLessThanOrEqual(NOW.getTime());
      if (row.status === 'returned') {
        expect(trail.map((event) => event.action)).toEqual(expect.arrayContaining(['issue_result', 'return_result']));
        expect(trail.at(-1)!.action).toBe('return_result');
      }
    }
  });
});
