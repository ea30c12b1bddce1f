import { setImmediate } from 'node:timers/promises';
import type { ProcedureContent } from '../contract/catalog';
import type { IntakeComponent, ReceiveDossierRequest } from '../contract/dossiers';
import { receiveDossierBodySchema, submitOnlineDossierBodySchema } from '../contract/dossiers';
import { defaultPhoneChannels, type PhoneChannel } from '../contract/enums';
import { vietnamDate } from '../core/vietnam-time';
import type { Database } from '../db/client';
import type { Actor } from '../modules/auth';
import { getWorkCalendar } from '../modules/calendar';
import { getDossierView, receiveDossier, submitOnlineDossier } from '../modules/dossiers';
import { applicantKindOf, between, demoApplicant, pick, type Random, seededRandom } from './dossier-people';
import { DemoStaff, type OnlineApplicant, onlineApplicants, type UnitIndex } from './dossier-staff';
import { actionsLeft, apologize, consult, nextAction, sendBack, supplement, type WalkContext, type Walker, walker } from './dossier-walk';

/*
 * The demo dossiers (docs in scripts/demo-data/README.md "Hồ sơ mẫu"): thousands of dossiers over the last 18 months
 * on the demo procedures, each received through receiveDossier or submitOnlineDossier and walked through its
 * process with performAction, `now` in the past — so every event, step, pause, notice and form is the real one.
 * Deterministic: dossier i draws from its own seeded generator; only the staff accounts depend on the order.
 */

export type DemoProcedureRef = { code: string; content: ProcedureContent; inForceFrom: string };

export type DemoDossierSetup = {
  db: Database;
  units: UnitIndex;
  procedures: DemoProcedureRef[];
  /** The demo accounts by username. */
  actors: Map<string, Actor>;
  passwordHash: string;
  /** The real current time at load: open dossiers are open today, nothing happens after it. */
  now: Date;
  seed?: number;
  /** The channels of the applicants' texts to a phone (config.notifyPhoneChannels), as the routes pass them. */
  phoneChannels?: readonly PhoneChannel[];
};

type Outcome = 'returned' | 'processing' | 'result_ready' | 'supplement' | 'submitted' | 'refused' | 'stopped';
const OUTCOMES: [Outcome, number][] = [
  ['returned', 0.68],
  ['processing', 0.14],
  ['result_ready', 0.03],
  ['supplement', 0.05],
  ['submitted', 0.02],
  ['refused', 0.04],
  ['stopped', 0.04],
];
const JUSTICE = '000.00.03.H01';
const PROVINCE_DESK = '000.00.90.H01';
const DAY = 24 * 3600 * 1000;
const WINDOW_DAYS = 548; // 18 months

function weighted<T>(random: Random, entries: [T, number][]): T {
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** The procedure's time in working minutes (calendar days counted as 5/7 working days). */
function budgetMinutes(content: ProcedureContent): number {
  const time = content.processingTime;
  if (!time?.amount) return 0;
  if (time.unit === 'working_hours') return time.amount * 60;
  return time.amount * 480 * (time.unit === 'calendar_days' ? 5 / 7 : 1);
}

export type DemoDossierRun = { made: number; failed: number; firstError: string | null };

export type DemoDossierGenerator = {
  /** Generates dossiers [from, to) of the sequence; one a service refuses is counted, not fatal. */
  run(from: number, to: number, signal?: AbortSignal): Promise<DemoDossierRun>;
  staffAccounts(): { username: string; fullName: string; role: string; unitName: string }[];
};

export async function prepareDemoDossiers(setup: DemoDossierSetup): Promise<DemoDossierGenerator> {
  const { db, units, now } = setup;
  const seed = setup.seed ?? 20_260_101;
  const calendar = await getWorkCalendar(db);
  const setupRandom = seededRandom(seed);
  const named = (username: string) => setup.actors.get(username);
  const staff = new DemoStaff(
    db,
    units,
    setup.passwordHash,
    setupRandom,
    ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao'].flatMap((name) => (named(name) ? [named(name)!] : [])),
  );
  const accounts: OnlineApplicant[] = [];
  if (named('congdan')) accounts.push({ actor: named('congdan')!, kind: 'individual', idNumber: '089095001234' });
  if (named('doanhnghiep')) accounts.push({ actor: named('doanhnghiep')!, kind: 'organization', idNumber: '1702123456' });
  const applicants = await onlineApplicants(db, setup.passwordHash, setupRandom, accounts, 12);
  const usable = setup.procedures.filter(
    (procedure) =>
      budgetMinutes(procedure.content) > 0 &&
      procedure.content.handlingUnitCodes.length > 0 &&
      procedure.content.handlingUnitCodes.every((code) => units.has(code)) &&
      procedure.content.processTemplate.length > 0,
  );
  const justice = usable.filter((procedure) => procedure.content.handlingUnitCodes.includes(JUSTICE));
  const others = usable.filter((procedure) => !procedure.content.handlingUnitCodes.includes(JUSTICE));
  const pools: [DemoProcedureRef[], number][] = [
    [justice, 0.5],
    [others, 0.5],
  ];
  const choices = pools.filter(([pool]) => pool.length > 0);
  // An individual files for procedures of people, a business for those of organisations ("đối tượng thực hiện").
  const accountsFor = (procedure: DemoProcedureRef) => {
    const kind = applicantKindOf(procedure.content.applicantTypes);
    const matching = applicants.filter((account) => kind === null || account.kind === kind);
    return matching.length > 0 ? matching : applicants;
  };
  const onlineCapable = usable.filter((procedure) => procedure.content.onlineLevel !== 'none');
  const phoneChannels = setup.phoneChannels ?? defaultPhoneChannels;
  const context = (random: Random): WalkContext => ({ db, calendar, staff, random, until: now, phoneChannels });

  async function one(index: number): Promise<boolean> {
    const random = seededRandom(seed * 7919 + index);
    if (choices.length === 0) return false;
    // The first dossiers take each outcome in turn, so that even a small demo shows every state.
    const outcome = index < OUTCOMES.length ? OUTCOMES[index]![0] : weighted(random, OUTCOMES);
    const pool = outcome === 'submitted' ? onlineCapable : weighted(random, choices);
    if (pool.length === 0) return false;
    const procedure = pick(random, pool);
    const minutes = budgetMinutes(procedure.content);
    const spanDays = (minutes / 480) * 1.4; // the procedure's time in calendar days
    const open = outcome !== 'returned' && outcome !== 'refused' && outcome !== 'stopped';
    // Open dossiers are recent (some overdue, some near due); finished ones anywhere in the 18 months before.
    const elapsed = open
      ? weighted(random, [
          [between(random, 0.1, 0.8), 6],
          [between(random, 0.85, 0.97), 2],
          [between(random, 1.05, 1.6), 2],
        ])
      : 0;
    const backDays = open ? Math.max(0.3, spanDays * elapsed) : between(random, spanDays * 2.2 + 1, WINDOW_DAYS);
    let start = new Date(now.getTime() - backDays * DAY);
    if (vietnamDate(start) < procedure.inForceFrom) {
      if (open) return false;
      start = new Date(Date.parse(`${procedure.inForceFrom}T01:00:00Z`) + between(random, 0, 200) * DAY);
      if (start.getTime() + spanDays * 2.2 * DAY > now.getTime()) return false;
    }
    // Early in the morning, or over a weekend or a holiday, the next working instant is still to come: a day earlier.
    const raw = start.getTime();
    start = calendar.nextWorkingInstant(start);
    for (let back = 1; start.getTime() > now.getTime() && back <= 30; back++) {
      start = calendar.nextWorkingInstant(new Date(raw - back * DAY));
    }
    if (start.getTime() > now.getTime()) return false;
    const ctx = context(random);
    const online = procedure.content.onlineLevel !== 'none' && (outcome === 'submitted' || random() < 0.3);
    const walk = online
      ? await intakeOnline(ctx, procedure, start, pick(random, accountsFor(procedure)), outcome)
      : await intakeAtDesk(ctx, procedure, start, outcome);
    if (!walk) return true;
    await lifecycle(ctx, walk, outcome, elapsed);
    return true;
  }

  return {
    async run(from, to, signal) {
      const result: DemoDossierRun = { made: 0, failed: 0, firstError: null };
      for (let index = from; index < to && !signal?.aborted; index++) {
        // PGlite answers in microtasks: without a turn of the event loop, a server generating in the background
        // would answer no request until the last dossier (minutes on a first start).
        await setImmediate();
        try {
          if (await one(index)) result.made++;
        } catch (error) {
          result.failed++;
          result.firstError ??= `hồ sơ mẫu số ${index}: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      return result;
    },
    staffAccounts: () => staff.accounts,
  };
}

function handlingUnitOf(random: Random, procedure: DemoProcedureRef): string {
  const codes = procedure.content.handlingUnitCodes;
  // A handful of communes take most of the commune dossiers, as in a real province.
  return codes.length === 1 ? codes[0]! : codes[Math.floor(random() ** 3 * Math.min(codes.length, 12))]!;
}

function receivingDeskOf(procedure: DemoProcedureRef, units: UnitIndex, handling: string): string {
  const step = procedure.content.processTemplate.find((entry) => entry.role === 'desk_officer' && entry.unitCode);
  if (step?.unitCode && units.has(step.unitCode)) return step.unitCode;
  const handlingPath = units.get(handling)!.path;
  for (const [code, unit] of units) if (/^\d{3}\.90\.\d{2}\.H01$/.test(code) && unit.path.startsWith(handlingPath)) return code;
  return PROVINCE_DESK;
}

function components(random: Random, content: ProcedureContent, online: boolean, dropOne: boolean): IntakeComponent[] {
  const given: IntakeComponent[] = [];
  let dropped = !dropOne;
  content.components.forEach((component, position) => {
    if (component.required && !dropped) {
      dropped = true;
      return;
    }
    if (!component.required && random() < 0.5) return;
    const reused = online || random() < 0.08;
    given.push({
      position,
      presence: reused ? 'reused' : 'paper',
      fileIds: [],
      reusedFrom: reused ? 'Kho dữ liệu điện tử của tổ chức, cá nhân' : null,
    });
  });
  return given;
}

async function intakeAtDesk(context: WalkContext, procedure: DemoProcedureRef, at: Date, outcome: Outcome): Promise<Walker | null> {
  const { random, db, staff } = context;
  const handling = handlingUnitOf(random, procedure);
  const desk = receivingDeskOf(procedure, staff.unitIndex, handling);
  const atIntake = outcome === 'supplement' ? random() < 0.5 : outcome === 'refused' ? random() < 0.7 : false;
  const decision: ReceiveDossierRequest['decision'] = !atIntake
    ? { action: 'accept' }
    : outcome === 'refused'
      ? { action: 'refuse', reason: 'Thủ tục không thuộc trường hợp được giải quyết theo quy định' }
      : { action: 'request_supplement', reason: 'Hồ sơ chưa đủ thành phần theo quy định', items: ['Bổ sung thành phần hồ sơ còn thiếu'] };
  const body = receiveDossierBodySchema.parse({
    procedureCode: procedure.code,
    handlingUnitCode: procedure.content.handlingUnitCodes.length > 1 ? handling : null,
    receivingUnitCode: desk,
    channel: random() < 0.15 ? 'postal' : 'direct',
    applicant: demoApplicant(random, applicantKindOf(procedure.content.applicantTypes)),
    requestSummary: procedure.content.name.slice(0, 300),
    components: components(random, procedure.content, false, decision.action === 'request_supplement'),
    decision,
  });
  const officer = await staff.desk(desk);
  const row = await receiveDossier(db, officer, body, { now: at, phoneChannels: context.phoneChannels });
  if (atIntake) return null;
  return walker(context, await getDossierView(db, officer, row.id, { calendar: context.calendar, now: at }), at);
}

async function intakeOnline(
  context: WalkContext,
  procedure: DemoProcedureRef,
  at: Date,
  applicant: OnlineApplicant,
  outcome: Outcome,
): Promise<Walker | null> {
  const { random, db, staff } = context;
  const handling = handlingUnitOf(random, procedure);
  const person = demoApplicant(random);
  const body = submitOnlineDossierBodySchema.parse({
    procedureCode: procedure.code,
    handlingUnitCode: procedure.content.handlingUnitCodes.length > 1 ? handling : null,
    applicant: { ...person, kind: applicant.kind, fullName: applicant.actor.fullName, idNumber: applicant.idNumber, representative: null },
    requestSummary: procedure.content.name.slice(0, 300),
    components: components(random, procedure.content, true, false),
  });
  const row = await submitOnlineDossier(db, applicant.actor, body, { now: at, phoneChannels: context.phoneChannels });
  const view = await getDossierView(db, applicant.actor, row.id, { calendar: context.calendar, now: at });
  const walk = walker(context, view, at);
  if (outcome === 'submitted') return null;
  const desk = await staff.desk(handling);
  if (outcome === 'refused' && random() < 0.5) {
    await walk.act(desk, { action: 'refuse', version: 0, reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' }, between(random, 30, 400));
    return null;
  }
  return (await walk.act(desk, { action: 'accept', version: 0 }, between(random, 30, 900))) ? walk : null;
}

async function lifecycle(context: WalkContext, walk: Walker, outcome: Outcome, elapsed: number): Promise<void> {
  const { random, calendar } = context;
  const due = walk.view.dueAt ? new Date(walk.view.dueAt) : null;
  if (!due) return;
  const budget = Math.max(60, calendar.workingTimeBetween(walk.at, due));
  const total = Math.max(1, actionsLeft(walk.view));
  if (outcome === 'returned' || outcome === 'result_ready') {
    const pace = weighted(random, [
      [between(random, 0.25, 0.8), 11],
      [between(random, 0.9, 1.0), 5],
      [between(random, 1.05, 1.6), 3],
    ]);
    // A result waiting at the desk is recent: its whole walk fits in the working time between the receipt and now.
    // (at most 1.5 × the mean gap each: 0.6 of the time left keeps the whole walk within 90 % of it).
    const span =
      outcome === 'result_ready' ? Math.min(budget * pace, calendar.workingTimeBetween(walk.at, context.until) * 0.6) : budget * pace;
    const gap = () => (span * between(random, 0.5, 1.5)) / total;
    const extra = random();
    let sentBack = random() < 0.08;
    for (let guard = 0; guard < 20; guard++) {
      if (outcome === 'result_ready' && walk.view.status === 'result_ready') return;
      if (extra < 0.03 && !walk.view.hasApology && !(await apologize(context, walk, gap() / 2))) return;
      if (extra >= 0.03 && extra < 0.09 && walk.view.consultations.length === 0 && (await consult(context, walk, gap() / 2, true)))
        continue;
      if (
        extra >= 0.09 &&
        extra < 0.17 &&
        walk.view.pauses.length === 0 &&
        (await supplement(context, walk, gap() / 2, between(random, 480, 8 * 480)))
      )
        continue;
      if (sentBack && (await sendBack(context, walk, gap()))) {
        sentBack = false;
        continue;
      }
      const next = await nextAction(context, walk.view);
      if (!next || !(await walk.act(next.actor, next.body, gap()))) return;
    }
    return;
  }
  if (outcome === 'refused' || outcome === 'stopped') {
    const steps = Math.floor(random() * Math.max(1, total - 2));
    for (let done = 0; done < steps; done++) {
      const next = await nextAction(context, walk.view);
      if (!next || !(await walk.act(next.actor, next.body, (budget * 0.5) / total))) return;
    }
    const desk = walk.view.receivingUnit ?? walk.view.handlingUnit;
    if (outcome === 'stopped') {
      await walk.act(
        await context.staff.desk(desk.code),
        { action: 'stop', version: 0, reason: 'Người nộp đề nghị dừng giải quyết hồ sơ' },
        budget * 0.1,
      );
    } else {
      const leader = await context.staff.leader(walk.view.handlingUnit.code);
      await walk.act(leader, { action: 'refuse', version: 0, reason: 'Hồ sơ không đủ điều kiện giải quyết theo quy định' }, budget * 0.1);
    }
    return;
  }
  // Open today: walk part of the way, the gaps spread over the working time between the receipt and now.
  const available = calendar.workingTimeBetween(walk.at, context.until) * 0.95;
  const steps = Math.min(total - 1, Math.floor(random() * total * Math.min(1, elapsed + 0.2)));
  const gap = available / (steps + 1);
  for (let done = 0; done < steps; done++) {
    if (done === 0 && random() < 0.08 && (await consult(context, walk, gap / 2, false))) return;
    const next = await nextAction(context, walk.view);
    if (!next || !(await walk.act(next.actor, next.body, gap * between(random, 0.6, 1)))) return;
  }
  if (outcome === 'supplement') await supplement(context, walk, gap * 0.5, null);
}
