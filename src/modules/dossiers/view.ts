import type { DossierView } from '../../contract/dossiers';
import type { DossierAction } from '../../contract/enums';
import type { WorkCalendar } from '../../core/calendar';
import { apologyStillOpen } from '../../core/dossiers/timing';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { findUserNames } from '../auth';
import { cachedVersionContent } from '../catalog';
import { findFiles } from '../files';
import { allowedActionsOn } from './actions/context';
import { type DossierRow, type DossierState, loadDossierState } from './state';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Working minutes left before `dueAt` (negative when late), while the clock runs (processing); else null. */
export function remainingWorkingMinutes(calendar: WorkCalendar, dossier: Pick<DossierRow, 'status' | 'dueAt'>, now: Date): number | null {
  if (dossier.status !== 'processing' || !dossier.dueAt) return null;
  return now <= dossier.dueAt
    ? Math.round(calendar.workingTimeBetween(now, dossier.dueAt))
    : -Math.round(calendar.workingTimeBetween(dossier.dueAt, now));
}

/**
 * The whole dossier as `DossierView`, with the actions `actor` may take now. It checks nothing: the caller has
 * decided that `actor` may read it (readDossier, the actions, the applicant's own view).
 */
export async function getDossierView(
  executor: Executor,
  actor: Actor | null,
  id: string,
  options: { calendar: WorkCalendar; now?: Date },
): Promise<DossierView> {
  const state = await loadDossierState(executor, id);
  return viewOfState(executor, state, { ...options, allowedActions: await allowedActionsOn(executor, actor, state) });
}

/**
 * The view of a state already loaded (an action builds it from what it holds). Reads only what the state lacks:
 * the names of assignees and of the users events point to, the stored files' names and sizes (when the dossier has
 * files), and the version's component counts (cached: a published version never changes).
 */
export async function viewOfState(
  executor: Executor,
  state: DossierState,
  options: { calendar: WorkCalendar; now?: Date; allowedActions: DossierAction[] },
): Promise<DossierView> {
  const { dossier, steps, components, consultations, pauses, events } = state;
  const fileRows = state.files;
  const userIds = [...steps.map((step) => step.assigneeId), ...events.map((event) => event.toUserId)].filter(
    (value): value is string => !!value,
  );
  // One query after the other: `executor` may be a transaction's client.
  const names = await findUserNames(executor, userIds);
  const files = await findFiles(
    executor,
    fileRows.map((row) => row.fileId),
  );
  const counts = (await cachedVersionContent(executor, dossier.procedureCode, dossier.procedureVersionNo))?.content.components ?? [];
  const units = new Map([...state.units.values()].map((unit) => [unit.id, { id: unit.id, code: unit.code, name: unit.name }]));
  const fileById = new Map(files.map((file) => [file.id, file]));
  const { applicant } = dossier;
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    procedure: {
      code: dossier.procedureCode,
      versionNo: dossier.procedureVersionNo,
      name: dossier.procedureName,
      field: dossier.field,
      level: dossier.level as DossierView['procedure']['level'],
    },
    handlingUnit: units.get(dossier.handlingUnitId)!,
    receivingUnit: dossier.receivingUnitId ? (units.get(dossier.receivingUnitId) ?? null) : null,
    channel: dossier.channel,
    source: dossier.source,
    applicant: {
      kind: applicant.kind,
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      address: applicant.address,
      phone: applicant.phone,
      email: applicant.email,
      representative: applicant.representative,
    },
    requestSummary: dossier.requestSummary,
    time: dossier.timeAmount !== null && dossier.timeUnit ? { amount: dossier.timeAmount, unit: dossier.timeUnit } : null,
    statutoryTime:
      dossier.statutoryTimeAmount !== null && dossier.statutoryTimeUnit
        ? { amount: dossier.statutoryTimeAmount, unit: dossier.statutoryTimeUnit }
        : null,
    submittedAt: dossier.submittedAt.toISOString(),
    receivedAt: iso(dossier.receivedAt),
    dueAt: iso(dossier.dueAt),
    appointmentDueAt: iso(dossier.appointmentDueAt),
    resolvedAt: iso(dossier.resolvedAt),
    returnedAt: iso(dossier.returnedAt),
    closedAt: iso(dossier.closedAt),
    pausedWorkingMinutes: dossier.pausedWorkingMinutes,
    remainingWorkingMinutes: remainingWorkingMinutes(options.calendar, dossier, options.now ?? new Date()),
    timing: dossier.timing,
    isOverdue: dossier.isOverdue,
    hasApology: dossier.hasApology,
    currentStepNo: dossier.currentStepNo,
    resultNumber: dossier.resultNumber,
    resultIsElectronic: dossier.resultIsElectronic,
    returnMethod: dossier.returnMethod,
    portalSyncState: state.portalSync ?? 'not_required',
    steps: steps.map((step) => ({
      stepNo: step.stepNo,
      name: step.name,
      role: step.role,
      unit: units.get(step.unitId)!,
      assignee: step.assigneeId ? { id: step.assigneeId, fullName: names.get(step.assigneeId) ?? '' } : null,
      budget: { amount: step.budgetAmount, unit: step.budgetUnit },
      status: step.status,
      startedAt: iso(step.startedAt),
      dueAt: iso(step.dueAt),
      completedAt: iso(step.completedAt),
      timing: step.timing,
    })),
    components: components.map((component) => ({
      position: component.position,
      name: component.name,
      isRequired: component.isRequired,
      presence: component.presence,
      isDigitised: component.isDigitised,
      reusedFrom: component.reusedFrom,
      originals: counts[component.position]?.originals ?? 1,
      copies: counts[component.position]?.copies ?? 0,
    })),
    files: fileRows.flatMap((row) => {
      const file = fileById.get(row.fileId);
      if (!file) return [];
      return [
        {
          id: row.id,
          fileId: row.fileId,
          name: file.name,
          mediaType: file.mediaType,
          size: file.size,
          sha256: file.sha256,
          purpose: row.purpose as DossierView['files'][number]['purpose'],
          componentPosition: row.componentPosition,
          addedAt: row.addedAt.toISOString(),
        },
      ];
    }),
    consultations: consultations.map((entry) => ({
      id: entry.id,
      stepNo: entry.stepNo,
      unit: entry.unitId ? (units.get(entry.unitId) ?? null) : null,
      agencyName: entry.agencyName,
      question: entry.question,
      requestedAt: entry.requestedAt.toISOString(),
      dueAt: entry.dueAt.toISOString(),
      repliedAt: iso(entry.repliedAt),
      reply: entry.reply,
      timing: entry.timing,
    })),
    pauses: pauses.map((pause) => ({
      startedAt: pause.startedAt.toISOString(),
      endedAt: iso(pause.endedAt),
      workingMinutes: pause.workingMinutes,
      reason: pause.reason,
      positions: pause.requested.positions,
      items: pause.requested.items,
    })),
    events: events.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      actorName: event.actorName,
      actorUnitName: event.actorUnitId ? (units.get(event.actorUnitId)?.name ?? null) : null,
      action: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      stepNo: event.stepNo,
      toStepNo: event.toStepNo,
      toUserName: event.toUserId ? (names.get(event.toUserId) ?? null) : null,
      toUnitName: event.toUnitId ? (units.get(event.toUnitId)?.name ?? null) : null,
      stepTiming: event.stepTiming,
      comment: event.comment,
      data: event.data,
    })),
    // The transitions table allows an apology by state and role; its deadline needs the calendar (not offered once
    // less than a working day is left: the action would be refused).
    allowedActions: options.allowedActions.filter(
      (action) =>
        action !== 'apologize' || (dossier.dueAt !== null && apologyStillOpen(options.calendar, options.now ?? new Date(), dossier.dueAt)),
    ),
    version: dossier.version,
  };
}
