import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DossierActionBody, DossierView } from '../../../contract/dossiers';
import { type DossierAction, staffRoles } from '../../../contract/enums';
import type { WorkCalendar } from '../../../core/calendar';
import { type ActorCapabilities, checkAction } from '../../../core/dossiers/transitions';
import { forbidden } from '../../../core/errors';
import type { Database } from '../../../db/client';
import { dossierAccessLog, dossierFiles, dossiers } from '../../../db/schema/dossiers';
import { type Actor, hasRole } from '../../auth';
import { getWorkCalendar } from '../../calendar';
import type { Batchable } from '../batch';
import { activeStepHolder, holderOfSteps } from '../holders';
import { byAddition, type DossierRow, type DossierState, type FileRow, loadDossierState, unknownUnits } from '../state';
import { viewOfState } from '../view';
import { apologize, consult, consultReply } from './consult-actions';
import { allowedActionsOn, type DeskServed, loadActionContext, refusal, requireVersion } from './context';
import { accept, refuse, requestSupplement, resume, stop } from './intake-actions';
import { eventValues, recordAction } from './record';
import { approve, assign, issueResult, returnResult, sendBack, submitForReview, transfer } from './step-actions';
import type { ActionInput, ActionOutcome } from './types';
import { ActionWrites } from './writes';

/*
 * `POST /api/dossiers/:id/actions` (docs/api/dossiers.md "Actions"): one transaction per action — lock the dossier
 * row, check the version (stale → 409, nothing changes), the transitions table (403 actor / 409 state, reason in
 * Vietnamese), write the change, one event, the audit event, the notifications, bump the version; answer the view.
 * Two statements on the common path (bench/lifecycle-statements.ts): the state read and the write.
 */

const handlers: { [A in DossierAction]: (input: ActionInput<A>) => Promise<ActionOutcome> } = {
  accept: accept,
  request_supplement: requestSupplement,
  resume: resume,
  refuse: refuse,
  transfer: transfer,
  assign: assign,
  submit_for_review: submitForReview,
  send_back: sendBack,
  approve: approve,
  consult: consult,
  consult_reply: consultReply,
  issue_result: issueResult,
  return_result: returnResult,
  apologize: apologize,
  stop: stop,
};

export type ActionOptions = { now?: Date; calendar?: WorkCalendar };

export async function performAction(
  db: Database,
  actor: Actor,
  id: string,
  body: DossierActionBody,
  options: ActionOptions = {},
): Promise<DossierView> {
  const now = options.now ?? new Date();
  const calendar = options.calendar ?? (await getWorkCalendar(db));
  const served: DeskServed = { paths: null };
  const staffRead = hasRole(actor, ...staffRoles);
  const done = await db.transaction(async (tx) => {
    // One statement: the dossier locked, everything the action and its answer need, the event's id reserved.
    const state = await loadDossierState(tx, id, { lock: true, reserveEventId: true });
    const context = await loadActionContext(tx, actor, state, served);
    if (!canSeeAtAll(context.can)) throw forbidden('Bạn không có quyền xử lý hồ sơ này.');
    requireVersion(state.dossier, body.version);
    const check = checkAction(context.rules, context.can, body.action);
    if (!check.allowed) throw refusal(check.kind, check.reason);
    const writes = new ActionWrites(context);
    const handler = handlers[body.action] as unknown as (input: ActionInput<DossierAction>) => Promise<ActionOutcome>;
    const outcome = await handler({ tx: writes.watch(tx), calendar, actor, context, body, now, writes });
    const before = state.dossier;
    // Who holds the dossier now (the inbox's columns): from the steps held in memory, or — when the handler wrote
    // steps itself (accept) — read back from the table after the batch.
    const holder = writes.wroteElsewhere ? {} : holderOfSteps(context.steps);
    const changes = { ...outcome.changes, ...holder };
    const row: DossierRow = { ...before, ...changes, version: before.version + 1, updatedAt: now } as DossierRow;
    const eventId = state.nextEventId!;
    const fileRows: FileRow[] = (outcome.files ?? []).map((file) => ({
      id: randomUUID(),
      dossierId: id,
      fileId: file.fileId,
      purpose: file.purpose,
      componentPosition: file.componentPosition,
      eventId,
      addedBy: actor.userId,
      addedAt: now,
    }));
    const also: Batchable[] = [...writes.stepUpdates(tx)];
    if (fileRows.length) also.push(tx.insert(dossierFiles).values(fileRows));
    // The answer carries the applicant's personal data: a staff member's read of it is logged (NĐ 13/2023).
    if (staffRead) also.push(tx.insert(dossierAccessLog).values({ dossierId: id, userId: actor.userId, purpose: 'action', readAt: now }));
    const event = { ...outcome.event, action: body.action, fromStatus: before.status };
    // The version-guarded update (the row lock makes it certain; this is the last guard), the steps, the files, the
    // read log, the event, the audit event and the messages: one statement.
    const guard = tx
      .update(dossiers)
      .set({ ...changes, version: sql`${dossiers.version} + 1`, updatedAt: now })
      .where(and(eq(dossiers.id, id), eq(dossiers.version, before.version)))
      .returning({ id: dossiers.id });
    await recordAction(tx, actor, row, event, now, { eventId, guard, also });
    if (writes.wroteElsewhere) await tx.update(dossiers).set(activeStepHolder(id)).where(eq(dossiers.id, id));
    const after: DossierState = {
      ...state,
      dossier: row,
      steps: context.steps,
      files: [...state.files, ...fileRows].sort(byAddition),
      events: [...state.events, { id: eventId, ...eventValues(actor, row, event, now) }],
      portalSync: state.portalSync === 'failed' ? 'failed' : 'pending',
      nextEventId: null,
    };
    return { after, reread: writes.wroteElsewhere || unknownUnits(after).length > 0 };
  });
  // Built from what the action holds; read again when it wrote rows it does not hold (or moved to another unit).
  const state = done.reread ? await loadDossierState(db, id) : done.after;
  const allowedActions = await allowedActionsOn(db, actor, state, served);
  return viewOfState(db, state, { calendar, now, allowedActions });
}

/** Someone with no capability at all on the dossier learns only that they may not act (403, before the version). */
function canSeeAtAll(can: ActorCapabilities): boolean {
  return Object.values(can).some(Boolean);
}
