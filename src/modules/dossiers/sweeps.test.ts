import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dossierEvents, dossiers } from '../../db/schema/dossiers';
import { createFactories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { markOverdueDossiers, remindApologies, warnNearDueSteps } from './sweeps';

// The sweeps (docs/api/dossiers.md "Actions", last paragraph): idempotent, each run only adds what is new.

const vn = (text: string) => new Date(`${text}+07:00`);
type Message = { template: string; recipient: string };

describe.each(testBackends())('dossier sweeps on %s', (backend) => {
  let t: TestApp;
  let dossierId: string;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(vn('2026-10-05T09:00:00'));
    t = await createTestApp(backend, { demo: false });
    const make = createFactories(t);
    const province = await make.buildProvince();
    const procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
    const desk = await make.buildUser({ roles: [{ role: 'desk_officer', unit: province.desk }] });
    const leader = await make.buildUser({ roles: [{ role: 'unit_leader', unit: province.departmentA }] });
    const head = await make.buildUser({ roles: [{ role: 'division_head', unit: province.departmentA }] });
    await t.database.db.execute(sql`update users set email = 'lanhdao@example.vn' where id = ${leader.id}`);
    await t.database.db.execute(sql`update users set email = 'truongphong@example.vn' where id = ${head.id}`);
    dossierId = (await make.buildDossier({ officer: await desk.login(), procedure })).id;
  });
  /** The outbox's messages of the dossier (the notify module's table, read as SQL: module walls). */
  async function messages(): Promise<Message[]> {
    const result = await t.database.db.execute(sql`select template, recipient from notify_outbox where ref_id = ${dossierId} order by id`);
    return ((result as unknown as { rows?: Message[] }).rows ?? (result as unknown as Message[])) as Message[];
  }
  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('reminds to apologise a working day before the due, once', async () => {
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    // Due Monday 19/10 17:30; a working day before: Friday 16/10 17:30.
    const now = vn('2026-10-16T17:30:00');
    await remindApologies({ db: t.database.db, now });
    await remindApologies({ db: t.database.db, now });
    expect(row?.dueAt?.toISOString()).toBe(vn('2026-10-19T17:30:00').toISOString());
    const outbox = await messages();
    const reminders = outbox.filter((message) => message.template === 'dossier.apology_reminder');
    expect(reminders.map((message) => message.recipient).sort()).toEqual(['lanhdao@example.vn', 'truongphong@example.vn']);
    // Two working days before the due, no reminder yet.
    expect((await remindApologies({ db: t.database.db, now: vn('2026-10-15T17:30:00') })).reminded).toBe(0);
  });

  it('warns the holder of a step with less than 4 working hours left, once', async () => {
    // The default process's assignment step (4 h 15 of 10 working days) is active from Monday 09:00, due 14:45.
    expect((await warnNearDueSteps({ db: t.database.db, now: vn('2026-10-05T09:00:00') })).warned).toBe(0);
    await warnNearDueSteps({ db: t.database.db, now: vn('2026-10-05T11:00:00') });
    await warnNearDueSteps({ db: t.database.db, now: vn('2026-10-05T11:30:00') });
    const outbox = await messages();
    const warnings = outbox.filter((message) => message.template === 'dossier.step_near_due');
    expect(warnings.map((message) => message.recipient)).toEqual(['truongphong@example.vn']);
  });

  it('marks an overdue dossier once, with one mark_overdue event, however many runs', async () => {
    const now = vn('2026-10-20T09:00:00');
    const [first, second] = await Promise.all([
      markOverdueDossiers({ db: t.database.db, now }),
      markOverdueDossiers({ db: t.database.db, now }),
    ]);
    expect(first.marked + second.marked).toBe(1);
    expect((await markOverdueDossiers({ db: t.database.db, now })).marked).toBe(0);
    const events = await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId));
    expect(events.filter((event) => event.action === 'mark_overdue')).toHaveLength(1);
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ isOverdue: true, status: 'processing' });
  });
});
