import { assignedStepIndex, previousSpecialistIndex } from '../../../core/dossiers/steps';
import { checkReturnMethod } from '../../../core/dossiers/transitions';
import { AppError, forbidden, invalid } from '../../../core/errors';
import { loadActor } from '../../auth';
import { versionContent } from '../../catalog';
import { findUnitsByCodes } from '../../org';
import { checkOwnUploads } from '../dossier-files';
import { holdsOver, type StepRow } from './context';
import { type ActionInput, type ActionOutcome, activation, completion } from './types';
import type { StepSet } from './writes';

/*
 * The actions on the active step (docs/api/dossiers.md "Actions"): transfer, assign, submit for review, send back,
 * approve, issue the result, return it. The transitions table has already said the action applies to the step.
 */

type Step = ActionInput<'approve'>;

function activeOf(input: Pick<Step, 'context'>): { active: StepRow; index: number } {
  const index = input.context.activeIndex;
  const active = index === null ? undefined : input.context.steps[index];
  if (index === null || !active) throw new AppError('conflict', 'Hồ sơ không có bước đang xử lý.');
  return { active, index };
}

function updateStep(input: Pick<Step, 'writes'>, step: StepRow, set: StepSet) {
  input.writes.updateStep(step, set);
}

/** Completes the active step and activates the next one (if any): the common move forward. */
function forward(input: Pick<Step, 'writes' | 'calendar' | 'actor' | 'context' | 'now'>, extra: Partial<ActionOutcome['event']> = {}) {
  const { active, index } = activeOf(input);
  const done = completion(input.calendar, active, input.now, input.actor.userId);
  updateStep(input, active, done);
  const next = input.context.steps[index + 1];
  if (next) updateStep(input, next, activation(input.calendar, next, input.now));
  return {
    changes: { currentStepNo: next?.stepNo ?? null },
    event: { stepNo: active.stepNo, toStepNo: next?.stepNo ?? null, toUnitId: next?.unitId ?? null, stepTiming: done.timing, ...extra },
  } satisfies ActionOutcome;
}

async function attachments(input: Pick<Step, 'tx' | 'actor'>, fileIds: string[], purpose: 'attachment' | 'result', path: string) {
  const files = await checkOwnUploads(input.tx, input.actor, fileIds, path);
  return files.map((file) => ({ fileId: file.id, purpose, componentPosition: null }));
}

export async function transfer(input: ActionInput<'transfer'>): Promise<ActionOutcome> {
  const { context, body } = input;
  const changes: ActionOutcome['changes'] = {};
  if (body.toUnitCode) {
    const [unit] = await findUnitsByCodes(input.tx, [body.toUnitCode]);
    const version = await versionContent(input.tx, context.dossier.procedureCode, context.dossier.procedureVersionNo);
    if (!unit || !version?.content.handlingUnitCodes.includes(unit.code)) {
      throw invalid([{ path: 'toUnitCode', message: `Đơn vị ${body.toUnitCode} không phải cơ quan giải quyết của thủ tục này.` }]);
    }
    const old = context.dossier.handlingUnitId;
    for (const step of context.steps) {
      if (step.status === 'pending' && step.unitId === old && step.role !== 'desk_officer') updateStep(input, step, { unitId: unit.id });
    }
    changes.handlingUnitId = unit.id;
  }
  const outcome = forward(input, { comment: body.comment });
  return {
    ...outcome,
    changes: { ...outcome.changes, ...changes },
    files: await attachments(input, body.attachmentFileIds, 'attachment', 'attachmentFileIds'),
  };
}

export async function assign(input: ActionInput<'assign'>): Promise<ActionOutcome> {
  const { context, body } = input;
  const { active, index } = activeOf(input);
  const targetIndex = assignedStepIndex(context.steps, index);
  const target = targetIndex === null ? undefined : context.steps[targetIndex];
  if (!target) throw new AppError('conflict', 'Quy trình không có bước chuyên viên để phân công.');
  const assignee = await loadActor(input.tx, body.assigneeId);
  if (!assignee || !holdsOver(assignee, ['specialist'], context.paths.get(target.unitId))) {
    throw invalid([{ path: 'assigneeId', message: 'Người được phân công phải là chuyên viên của đơn vị xử lý bước này.' }]);
  }
  updateStep(input, target, { assigneeId: assignee.userId });
  const files = await attachments(input, body.attachmentFileIds, 'attachment', 'attachmentFileIds');
  if (target.id === active.id) {
    return {
      changes: {},
      event: { stepNo: active.stepNo, toStepNo: active.stepNo, toUserId: assignee.userId, comment: body.comment },
      files,
    };
  }
  const outcome = forward(input, { toUserId: assignee.userId, comment: body.comment });
  return { ...outcome, files };
}

export async function submitForReview(input: ActionInput<'submit_for_review'>): Promise<ActionOutcome> {
  const outcome = forward(input, { comment: input.body.comment });
  return { ...outcome, files: await attachments(input, input.body.attachmentFileIds, 'attachment', 'attachmentFileIds') };
}

export async function approve(input: ActionInput<'approve'>): Promise<ActionOutcome> {
  const outcome = forward(input, { comment: input.body.comment });
  return { ...outcome, files: await attachments(input, input.body.attachmentFileIds, 'attachment', 'attachmentFileIds') };
}

/** The active step back to pending, the specialist step before it active again (and any step between pending). */
export async function sendBack(input: ActionInput<'send_back'>): Promise<ActionOutcome> {
  const { context } = input;
  const { active, index } = activeOf(input);
  const backIndex = previousSpecialistIndex(context.steps, index)!;
  const back = context.steps[backIndex]!;
  for (const step of context.steps.slice(backIndex + 1, index + 1)) {
    updateStep(input, step, { status: 'pending', startedAt: null, dueAt: null, completedAt: null, completedBy: null, timing: null });
  }
  updateStep(input, back, activation(input.calendar, back, input.now));
  return {
    changes: { currentStepNo: back.stepNo },
    event: { stepNo: active.stepNo, toStepNo: back.stepNo, toUserId: back.assigneeId, toUnitId: back.unitId, comment: input.body.comment },
    files: await attachments(input, input.body.attachmentFileIds, 'attachment', 'attachmentFileIds'),
  };
}

/** → result_ready: the dossier's clock stops (`resolvedAt`, timing against `dueAt`); result files kept with sha256. */
export async function issueResult(input: ActionInput<'issue_result'>): Promise<ActionOutcome> {
  const { context, body, now } = input;
  const outcome = forward(input, {
    comment: body.comment,
    data: { resultNumber: body.resultNumber, isElectronic: body.isElectronic },
  });
  const due = context.dossier.dueAt;
  const result = await attachments(input, body.resultFileIds, 'result', 'resultFileIds');
  const extra = await attachments(input, body.attachmentFileIds, 'attachment', 'attachmentFileIds');
  return {
    changes: {
      ...outcome.changes,
      status: 'result_ready',
      resolvedAt: now,
      timing: due ? input.calendar.classifyCompletion(now, due) : null,
      resultNumber: body.resultNumber,
      resultIsElectronic: body.isElectronic,
    },
    event: outcome.event,
    files: [...result, ...extra],
  };
}

/** → returned: the return step (when the process has one) is done; the dossier closes. */
export async function returnResult(input: ActionInput<'return_result'>): Promise<ActionOutcome> {
  const { context, body, now } = input;
  const method = checkReturnMethod({ ...context.rules, ...context.dossier }, context.can, body.method);
  if (!method.allowed) {
    throw method.kind === 'actor' ? forbidden(method.reason) : invalid([{ path: 'method', message: method.reason }], method.reason);
  }
  const index = context.activeIndex;
  const active = index === null ? undefined : context.steps[index];
  let stepTiming: ActionOutcome['event']['stepTiming'] = null;
  if (active) {
    const done = completion(input.calendar, active, now, input.actor.userId);
    stepTiming = done.timing;
    updateStep(input, active, done);
  }
  return {
    changes: { status: 'returned', returnedAt: now, returnMethod: body.method, closedAt: now, currentStepNo: null },
    event: { stepNo: active?.stepNo ?? null, stepTiming, comment: body.comment, data: { method: body.method } },
    files: await attachments(input, body.attachmentFileIds, 'attachment', 'attachmentFileIds'),
  };
}
