import { eq } from 'drizzle-orm';
import type { IntakeComponent } from '../../../contract/dossiers';
import { buildDefaultProcess } from '../../../core/dossiers/default-process';
import { shiftForPause } from '../../../core/dossiers/timing';
import { AppError, invalid } from '../../../core/errors';
import { vietnamDate } from '../../../core/vietnam-time';
import type { Executor } from '../../../db/client';
import { dossierComponents, dossierPauses, dossierSteps } from '../../../db/schema/dossiers';
import type { Actor } from '../../auth';
import { committedTimeOn, versionContent } from '../../catalog';
import { findUnitsByIds } from '../../org';
import { checkOwnUploads, type FileAttachment } from '../dossier-files';
import { checkComponents, requireComplete } from '../intake-checks';
import { buildDossierSteps, writeAcceptedSteps } from '../intake-steps';
import type { ActionContext } from './context';
import type { ActionInput, ActionOutcome } from './types';

/*
 * The actions on the dossier as a whole: the desk's decisions on a submitted dossier (accept, request a supplement,
 * refuse), the supplement pause and its end (resume), refusal in processing and the applicant's stop.
 */

/** The components as given now (online upload of the missing papers, or the desk's check): rows replaced, files kept. */
async function updateComponents(
  tx: Executor,
  actor: Actor,
  context: ActionContext,
  given: IntakeComponent[],
  purpose: 'component' | 'supplement',
) {
  const version = await versionContent(tx, context.dossier.procedureCode, context.dossier.procedureVersionNo);
  if (!version) throw new AppError('conflict', 'Không tìm thấy phiên bản thủ tục của hồ sơ.');
  const current = context.state.components;
  // A component not given again keeps its presence and the files it already has (an online dossier's scans).
  const attached = context.state.files.filter((file) => file.purpose === 'component' || file.purpose === 'supplement');
  const merged: IntakeComponent[] = current.map((row) => {
    const next = given.find((entry) => entry.position === row.position);
    if (next) return next;
    const fileIds = attached.filter((file) => file.componentPosition === row.position).map((file) => file.fileId);
    return { position: row.position, presence: row.presence, fileIds, reusedFrom: row.reusedFrom };
  });
  for (const entry of given) if (!merged.some((row) => row.position === entry.position)) merged.push(entry);
  const checked = checkComponents(version.content, merged, ['file', 'paper', 'reused', 'missing']);
  const kept = new Set(attached.map((file) => file.fileId));
  const check = {
    ...checked,
    fileIds: checked.fileIds.filter((id) => !kept.has(id)),
    files: checked.files.filter((file) => !kept.has(file.fileId)),
  };
  await checkOwnUploads(tx, actor, check.fileIds, 'components');
  for (const row of check.rows) {
    const old = current.find((entry) => entry.position === row.position);
    const isDigitised = row.isDigitised || !!old?.isDigitised;
    if (old)
      await tx
        .update(dossierComponents)
        .set({ presence: row.presence, isDigitised, reusedFrom: row.reusedFrom })
        .where(eq(dossierComponents.id, old.id));
    else await tx.insert(dossierComponents).values({ ...row, dossierId: context.dossier.id });
  }
  const files: FileAttachment[] = check.files.map((file) => ({ ...file, purpose }));
  return { check, content: version.content, files };
}

/**
 * An online or national-portal dossier has no receiving desk until a desk accepts it: the accepting officer's desk
 * (the one serving the handling unit: a unit of type desk serves its parent's subtree) becomes it.
 */
async function acceptingDesk(tx: Executor, actor: Actor, context: ActionContext): Promise<string> {
  const handlingPath = context.paths.get(context.dossier.handlingUnitId) ?? '';
  const desks = await findUnitsByIds(
    tx,
    actor.roles.flatMap((held) => (held.role === 'desk_officer' && held.unitId ? [held.unitId] : [])),
  );
  const parentIds = desks.flatMap((desk) => (desk.parentId ? [desk.parentId] : []));
  const parents = new Map((await findUnitsByIds(tx, parentIds)).map((unit) => [unit.id, unit]));
  const serving = desks.find((desk) => {
    const root = desk.type === 'desk' && desk.parentId ? (parents.get(desk.parentId)?.path ?? desk.path) : desk.path;
    return handlingPath.startsWith(root) || root.startsWith(handlingPath);
  });
  return serving?.id ?? context.dossier.handlingUnitId;
}

export async function accept(input: ActionInput<'accept'>): Promise<ActionOutcome> {
  const { tx, context, now, calendar } = input;
  const { check, content, files } = await updateComponents(tx, input.actor, context, input.body.components ?? [], 'component');
  requireComplete(check, content);
  const time = await committedTimeOn(tx, context.dossier.procedureCode, vietnamDate(now));
  const committed = time?.committed ?? { amount: content.processingTime.amount, unit: content.processingTime.unit };
  const template = time?.approval?.steps.length
    ? time.approval.steps
    : content.processTemplate.length
      ? content.processTemplate
      : buildDefaultProcess(committed);
  // An online dossier is received by the desk that accepts it (its book, its Mẫu 01, its desk steps).
  const ids = [context.dossier.handlingUnitId, context.dossier.receivingUnitId ?? (await acceptingDesk(tx, input.actor, context))];
  const handling = { id: ids[0]!, code: '' };
  const receiving = ids[1] ? { id: ids[1], code: '' } : null;
  const plan = await buildDossierSteps(tx, template, { handling, receiving });
  await tx.delete(dossierSteps).where(eq(dossierSteps.dossierId, context.dossier.id));
  const steps = await writeAcceptedSteps(tx, calendar, {
    dossierId: context.dossier.id,
    plan,
    acceptedAt: now,
    actorId: input.actor.userId,
  });
  const dueAt = calendar.computeDueDate(now, committed.amount, committed.unit);
  return {
    changes: {
      status: 'processing',
      receivedAt: now,
      dueAt,
      appointmentDueAt: dueAt,
      timeAmount: committed.amount,
      timeUnit: committed.unit,
      currentStepNo: steps.currentStepNo,
      receivingUnitId: ids[1] ?? context.dossier.handlingUnitId,
    },
    event: {
      stepNo: steps.deskStepTiming ? 1 : null,
      toStepNo: steps.currentStepNo,
      stepTiming: steps.deskStepTiming,
      comment: input.body.comment,
    },
    files,
  };
}

/** Mẫu 02. Before acceptance no clock runs; during processing the clock pauses (a dossier_pauses row). */
export async function requestSupplement(input: ActionInput<'request_supplement'>): Promise<ActionOutcome> {
  const { tx, context, body, now } = input;
  const count = context.state.components;
  const bad = body.positions.filter((position) => !count.some((row) => row.position === position));
  if (bad.length) throw invalid(bad.map((position) => ({ path: 'positions', message: `Hồ sơ không có thành phần số ${position + 1}.` })));
  if (body.positions.length === 0 && body.items.length === 0) {
    throw invalid([{ path: 'items', message: 'Nêu thành phần hoặc nội dung cần bổ sung, hoàn thiện.' }]);
  }
  if (context.dossier.status === 'processing') {
    await tx.insert(dossierPauses).values({
      dossierId: context.dossier.id,
      startedAt: now,
      reason: body.reason,
      requested: { positions: body.positions, items: body.items },
    });
  }
  const files = await checkOwnUploads(tx, input.actor, body.attachmentFileIds, 'attachmentFileIds');
  return {
    changes: { status: 'supplement_requested' },
    event: {
      stepNo: context.dossier.currentStepNo,
      comment: body.comment,
      data: { reason: body.reason, positions: body.positions, items: body.items, paused: context.dossier.status === 'processing' },
    },
    files: files.map((file) => ({ fileId: file.id, purpose: 'attachment', componentPosition: null })),
  };
}

/** The papers are in: before acceptance back to the desk; after, the pause ends and the dues move by its working time. */
export async function resume(input: ActionInput<'resume'>): Promise<ActionOutcome> {
  const { tx, context, now, calendar } = input;
  const { files } = await updateComponents(tx, input.actor, context, input.body.components, 'supplement');
  if (!context.dossier.receivedAt) {
    return { changes: { status: 'submitted' }, event: { comment: input.body.comment }, files };
  }
  const pause = context.state.pauses.find((entry) => entry.endedAt === null);
  const active = context.activeIndex === null ? undefined : context.steps[context.activeIndex];
  if (!pause) return { changes: { status: 'processing' }, event: { comment: input.body.comment }, files };
  const shifted = shiftForPause(
    calendar,
    { startedAt: pause.startedAt, endedAt: now },
    { dossierDueAt: context.dossier.dueAt, stepDueAt: active?.dueAt ?? null },
  );
  await tx.update(dossierPauses).set({ endedAt: now, workingMinutes: shifted.workingMinutes }).where(eq(dossierPauses.id, pause.id));
  if (active && shifted.stepDueAt) input.writes.updateStep(active, { dueAt: shifted.stepDueAt });
  return {
    changes: {
      status: 'processing',
      dueAt: shifted.dossierDueAt,
      pausedWorkingMinutes: context.dossier.pausedWorkingMinutes + shifted.workingMinutes,
      isOverdue: shifted.dossierDueAt ? shifted.dossierDueAt.getTime() < now.getTime() : false,
    },
    event: {
      stepNo: active?.stepNo ?? null,
      comment: input.body.comment,
      data: { pausedWorkingMinutes: shifted.workingMinutes, previousDueAt: context.dossier.dueAt?.toISOString() ?? null },
    },
    files,
  };
}

/** Ends the open steps and an open pause of a dossier that closes without a result (refusal, stop). */
async function closeOpen(input: Pick<ActionInput<'refuse'>, 'tx' | 'context' | 'now' | 'calendar' | 'writes'>) {
  const { tx, context, now, calendar } = input;
  for (const step of [...context.steps]) {
    if (step.status === 'pending' || step.status === 'active') input.writes.updateStep(step, { status: 'skipped' });
  }
  const pause = context.state.pauses.find((entry) => entry.endedAt === null);
  if (pause) {
    const workingMinutes = Math.round(calendar.workingTimeBetween(pause.startedAt, now));
    await tx.update(dossierPauses).set({ endedAt: now, workingMinutes }).where(eq(dossierPauses.id, pause.id));
  }
}

export async function refuse(input: ActionInput<'refuse'>): Promise<ActionOutcome> {
  await closeOpen(input);
  return {
    changes: { status: 'refused', closedAt: input.now, currentStepNo: null },
    event: { stepNo: input.context.dossier.currentStepNo, comment: input.body.comment, data: { reason: input.body.reason } },
  };
}

/** Mẫu 05: on the applicant's written request (desk) or online by the applicant. */
export async function stop(input: ActionInput<'stop'>): Promise<ActionOutcome> {
  await closeOpen(input);
  return {
    changes: { status: 'stopped', closedAt: input.now, currentStepNo: null },
    event: { stepNo: input.context.dossier.currentStepNo, comment: input.body.comment, data: { reason: input.body.reason } },
  };
}
