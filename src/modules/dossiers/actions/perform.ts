import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DossierActionBody, DossierView } from '../../../contract/dossiers';
import { type DossierAction, defaultPhoneChannels, type PhoneChannel, staffRoles } from '../../../contract/enums';
import type { WorkCalendar } from '../../../core/calendar';
import { type ActorCapabilities, checkAction } from '../../../core/dossiers/transitions';
import { forbidden } from '../../../core/errors';
import type { Database, Executor } from '../../../db/client';
import type { RowsInsert } from '../../../db/json-rows';
import { dossierAccessLog, dossierFiles, dossiers } from '../../../db/schema/dossiers';
import { type Actor, hasRole } from '../../auth';
import { getWorkCalendar } from '../../calendar';
import { GuardMissedError } from '../batch';
import { activeStepHolder, holderOfSteps } from '../holders';
import { byAddition, type DossierRow, type DossierState, type FileRow, loadDossierState, unknownUnits } from '../state';
import { viewOfState } from '../view';
import { apologize, consult, consultReply } from './consult-actions';
import { allowedActionsOn, type DeskServed, loadActionContext, refusal, requireVersion } from './context';
import { accept, refuse, requestSupplement, resume, stop } from './intake-actions';
import { eventValues, recordAction } from './record';
import { approve, assign, issueResult, returnResult, sendBack, submitForReview, transfer } from './step-actions';
import type { ActionInput, ActionOutcome } from './types';
import { ActionWrites, NeedsTransactionError } from './writes';

/*
 * `POST /api/dossiers/:id/actions` (docs/api/dossiers.md "Actions"): one transaction per action — read the dossier
 * (locked, or guarded by the row as read), check the version (stale → 409, nothing changes), the transitions table
 * (403 actor / 409 state, reason in Vietnamese), write the change, one event, the audit event, the notifications,
 * bump the version; answer the view. Two statements on the common path (bench/lifecycle-statements.ts): the state
 * read and the write, which is its own transaction.
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

/** `phoneChannels`: of the applicant's texts to a phone (config.notifyPhoneChannels; SMS when not given). */
export type ActionOptions = { now?: Date; calendar?: WorkCalendar; phoneChannels?: readonly PhoneChannel[] };

/** The actions whose handlers write rows of their own (components, steps, pauses, consultations): always locked. */
const writingElsewhere: ReadonlySet<DossierAction> = new Set(['accept', 'request_supplement', 'resume', 'stop', 'consult']);

type ActionRun = {
  actor: Actor;
  id: string;
  body: DossierActionBody;
  now: Date;
  calendar: WorkCalendar;
  served: DeskServed;
  phoneChannels: readonly PhoneChannel[];
};
type ActionDone = { after: DossierState; reread: boolean };

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
  const run: ActionRun = { actor, id, body, now, calendar, served, phoneChannels: options.phoneChannels ?? defaultPhoneChannels };
  // Most actions change only the dossier and its steps, written in one statement: read without a lock and let that
  // statement be the whole transaction (2 round trips instead of begin, locked read, write, commit). Its guard is the
  // row as read (`xmin`): when anything changed it since, or the handler wants to write on its own, nothing was
  // written and the action runs again the locked way — the same outcome as if it had waited for the lock.
  const done = (!writingElsewhere.has(body.action) && (await actUnlocked(db, run))) || (await db.transaction((tx) => act(tx, run, true)));
  // Built from what the action holds; read again when it wrote rows it does not hold (or moved to another unit).
  const state = done.reread ? await loadDossierState(db, id) : done.after;
  const allowedActions = await allowedActionsOn(db, actor, state, served);
  return viewOfState(db, state, { calendar, now, allowedActions });
}

async function actUnlocked(db: Database, run: ActionRun): Promise<ActionDone | null> {
  try {
    return await act(db, run, false);
  } catch (error) {
    if (error instanceof GuardMissedError || error instanceof NeedsTransactionError) return null;
    throw error;
  }
}

/**
 * The action on `executor`: inside a transaction with the dossier row locked (`locked`), or on the database with
 * the write guarded by the row as read, no other write allowed.
 */
async function act(executor: Executor, run: ActionRun, locked: boolean): Promise<ActionDone> {
  const { actor, id, body, now, calendar, served, phoneChannels } = run;
  // One statement: the dossier (locked in a transaction), everything the action and its answer need, the event's id.
  const state = await loadDossierState(executor, id, { lock: locked, reserveEventId: true });
  const context = await loadActionContext(executor, actor, state, served);
  if (!canSeeAtAll(context.can)) throw forbidden('Bạn không có quyền xử lý hồ sơ này.');
  requireVersion(state.dossier, body.version);
  const check = checkAction(context.rules, context.can, body.action);
  if (!check.allowed) throw refusal(check.kind, check.reason);
  const writes = new ActionWrites(context);
  const handler = handlers[body.action] as unknown as (input: ActionInput<DossierAction>) => Promise<ActionOutcome>;
  const outcome = await handler({ tx: writes.watch(executor, locked), calendar, actor, context, body, now, writes });
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
  const inserts: RowsInsert[] = [];
  if (fileRows.length) inserts.push({ table: dossierFiles, rows: fileRows });
  // The answer carries the applicant's personal data: a staff member's read of it is logged (NĐ 13/2023).
  if (hasRole(actor, ...staffRoles)) {
    inserts.push({ table: dossierAccessLog, rows: [{ dossierId: id, userId: actor.userId, purpose: 'action', readAt: now }] });
  }
  const event = { ...outcome.event, action: body.action, fromStatus: before.status };
  // The version-guarded update (under the row lock the guard is certain; without it, it also requires the row
  // unchanged since the read), the steps, the files, the read log, the event, the audit event and the messages:
  // one statement.
  const guard = { id, version: before.version, rowVersion: locked ? null : state.rowVersion, set: { ...changes, updatedAt: now } };
  await recordAction(executor, actor, row, event, now, { eventId, guard, steps: writes.stepRows(), inserts, phoneChannels });
  if (writes.wroteElsewhere) await executor.update(dossiers).set(activeStepHolder(id)).where(eq(dossiers.id, id));
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
}

/** Someone with no capability at all on the dossier learns only that they may not act (403, before the version). */
function canSeeAtAll(can: ActorCapabilities): boolean {
  return Object.values(can).some(Boolean);
}
