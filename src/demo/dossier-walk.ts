import { setImmediate } from 'node:timers/promises';
import type { DossierActionRequest, DossierView } from '../contract/dossiers';
import { dossierActionBodySchema } from '../contract/dossiers';
import type { PhoneChannel } from '../contract/enums';
import type { WorkCalendar } from '../core/calendar';
import { actionAppliesToStep } from '../core/dossiers/steps';
import { vietnamDate } from '../core/vietnam-time';
import type { Database } from '../db/client';
import type { Actor } from '../modules/auth';
import { performAction } from '../modules/dossiers';
import { between, pick, type Random } from './dossier-people';
import type { DemoStaff } from './dossier-staff';

/*
 * One demo dossier walked through its process after the intake, one action at a time, each through
 * performAction with `now` in the past: the holder of the active step acts, after a gap of working time.
 */

export type WalkContext = {
  db: Database;
  calendar: WorkCalendar;
  staff: DemoStaff;
  random: Random;
  /** The instant the walk must not pass (the real current time at load). */
  until: Date;
  /** The channels of the applicant's texts to a phone (config.notifyPhoneChannels; SMS when not given). */
  phoneChannels?: readonly PhoneChannel[];
};

const AGENCIES = ['Sở Xây dựng', 'Công an tỉnh', 'Sở Tài chính', 'Sở Nội vụ', 'UBND xã nơi cư trú'];
const REVIEW_NOTES = ['Đề nghị bổ sung ý kiến thẩm định', 'Làm rõ căn cứ pháp lý', 'Chỉnh sửa dự thảo kết quả'];

export type Walker = {
  view: DossierView;
  at: Date;
  act(actor: Actor, body: DossierActionRequest, gapMinutes: number): Promise<boolean>;
};

export function walker(context: WalkContext, first: DossierView, firstAt: Date): Walker {
  const state: Walker = {
    view: first,
    at: firstAt,
    /** One action `gapMinutes` of working time after the last; false (nothing done) when that is past `until`. */
    async act(actor, body, gapMinutes) {
      const at = context.calendar.addWorkingMinutes(state.at, Math.max(1, Math.round(gapMinutes)));
      if (at >= context.until) return false;
      // A turn of the event loop between actions: the server answers its requests while the demo is made (PGlite).
      await setImmediate();
      const parsed = dossierActionBodySchema.parse({ ...body, version: state.view.version });
      state.view = await performAction(context.db, actor, state.view.id, parsed, { now: at, phoneChannels: context.phoneChannels });
      state.at = at;
      return true;
    },
  };
  return state;
}

const activeStep = (view: DossierView) => view.steps.find((step) => step.status === 'active');

/** Actions still to come on the normal path (the progress of a dossier is counted in them). */
export function actionsLeft(view: DossierView): number {
  return (
    view.steps.filter((step) => step.status === 'active' || step.status === 'pending').length + (view.status === 'result_ready' ? 1 : 0)
  );
}

/** The next action on the normal path, and who takes it. */
export async function nextAction(context: WalkContext, view: DossierView): Promise<{ actor: Actor; body: DossierActionRequest } | null> {
  const { staff, random } = context;
  if (view.status === 'result_ready') {
    const desk = view.receivingUnit ?? view.handlingUnit;
    // Only an electronic result of an online dossier goes back online; a paper one is collected at the desk.
    const method =
      view.channel === 'online' && view.resultIsElectronic
        ? pick(random, ['online', 'desk'] as const)
        : view.channel === 'postal'
          ? 'postal'
          : 'desk';
    return { actor: await staff.desk(desk.code), body: { action: 'return_result', version: 0, method } };
  }
  if (view.status !== 'processing') return null;
  const active = activeStep(view);
  if (!active) return null;
  const actor = active.assignee ? staff.byId(active.assignee.id) : await staff.holder(active.role, active.unit.code);
  if (active.role === 'desk_officer') return { actor, body: { action: 'transfer', version: 0 } };
  if (active.role === 'specialist')
    return { actor, body: { action: 'submit_for_review', version: 0, comment: 'Hồ sơ đủ điều kiện giải quyết' } };
  // The engine's own step rules decide what the step is for (a head's step after a specialist's reviews, it does not
  // assign, even when another specialist's step follows).
  const index = view.steps.indexOf(active);
  if (actionAppliesToStep('issue_result', view.steps, index)) {
    const number = `${100 + Math.floor(random() * 900)}/${new Date(context.until).getFullYear()}`;
    return { actor, body: { action: 'issue_result', version: 0, resultNumber: number } };
  }
  const next = view.steps.find((step) => step.stepNo > active.stepNo && step.status === 'pending');
  if (next?.role === 'specialist' && actionAppliesToStep('assign', view.steps, index)) {
    const specialist = await staff.holder('specialist', next.unit.code);
    return { actor, body: { action: 'assign', version: 0, assigneeId: specialist.userId } };
  }
  return { actor, body: { action: 'approve', version: 0 } };
}

/** A review step sends the draft back once (some dossiers), before approving. */
export async function sendBack(context: WalkContext, walk: Walker, gap: number): Promise<boolean> {
  const active = activeStep(walk.view);
  if (active?.role !== 'division_head') return false;
  if (!walk.view.steps.some((step) => step.stepNo < active.stepNo && step.role === 'specialist' && step.status === 'done')) return false;
  const actor = await context.staff.holder(active.role, active.unit.code);
  return walk.act(actor, { action: 'send_back', version: 0, comment: pick(context.random, REVIEW_NOTES) }, gap);
}

/** The specialist asks one or two agencies; they reply within the consultation's few days. */
export async function consult(context: WalkContext, walk: Walker, gap: number, reply: boolean): Promise<boolean> {
  const active = activeStep(walk.view);
  if (active?.role !== 'specialist') return false;
  const actor = active.assignee ? context.staff.byId(active.assignee.id) : await context.staff.holder('specialist', active.unit.code);
  const askedAt = context.calendar.addWorkingMinutes(walk.at, gap);
  const dueDate = vietnamDate(context.calendar.addWorkingMinutes(askedAt, 3 * 480));
  const agencies = context.random() < 0.3 ? 2 : 1;
  const consultations = Array.from({ length: agencies }, (_, index) => ({
    agencyName: AGENCIES[(Math.floor(context.random() * AGENCIES.length) + index) % AGENCIES.length]!,
    question: 'Đề nghị cho ý kiến về nội dung hồ sơ',
    dueDate: context.calendar.isWorkingDay(dueDate) ? dueDate : vietnamDate(context.calendar.addWorkingMinutes(askedAt, 4 * 480)),
  }));
  if (!(await walk.act(actor, { action: 'consult', version: 0, consultations }, gap))) return false;
  if (!reply) return true;
  for (const entry of walk.view.consultations.filter((item) => item.repliedAt === null)) {
    const done = await walk.act(
      actor,
      { action: 'consult_reply', version: 0, consultationId: entry.id, reply: 'Thống nhất với nội dung hồ sơ' },
      between(context.random, 120, 1800),
    );
    if (!done) return false;
  }
  return true;
}

/** The step's holder asks for a supplement; the desk takes it back `pause` working minutes later (null: still waiting). */
export async function supplement(context: WalkContext, walk: Walker, gap: number, pause: number | null): Promise<boolean> {
  const active = activeStep(walk.view);
  if (!active || active.role === 'desk_officer') return false;
  const actor = active.assignee ? context.staff.byId(active.assignee.id) : await context.staff.holder(active.role, active.unit.code);
  const asked = await walk.act(
    actor,
    {
      action: 'request_supplement',
      version: 0,
      reason: 'Hồ sơ cần làm rõ một số nội dung',
      items: ['Bản sao giấy tờ chứng minh có chứng thực'],
    },
    gap,
  );
  if (!asked || pause === null) return asked;
  const desk = walk.view.receivingUnit ?? walk.view.handlingUnit;
  return walk.act(await context.staff.desk(desk.code), { action: 'resume', version: 0 }, pause);
}

/** The leader apologises and sets a later due date (at least one working day before the current one). */
export async function apologize(context: WalkContext, walk: Walker, gap: number): Promise<boolean> {
  const due = walk.view.dueAt ? new Date(walk.view.dueAt) : null;
  if (!due) return false;
  const at = context.calendar.addWorkingMinutes(walk.at, gap);
  if (context.calendar.workingTimeBetween(at, due) < 2 * 480) return false;
  const newDue = vietnamDate(context.calendar.addWorkingMinutes(due, Math.round(between(context.random, 3, 8)) * 480));
  const leader = await context.staff.leader(walk.view.handlingUnit.code);
  return walk.act(
    leader,
    { action: 'apologize', version: 0, reason: 'Cần thêm thời gian xác minh, lấy ý kiến các cơ quan liên quan', newDueDate: newDue },
    gap,
  );
}
