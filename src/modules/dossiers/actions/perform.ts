import type { DossierActionBody, DossierView } from '../../../contract/dossiers';
import type { DossierAction } from '../../../contract/enums';
import type { WorkCalendar } from '../../../core/calendar';
import { type ActorCapabilities, checkAction } from '../../../core/dossiers/transitions';
import { forbidden } from '../../../core/errors';
import type { Database } from '../../../db/client';
import type { Actor } from '../../auth';
import { getWorkCalendar } from '../../calendar';
import { attachDossierFiles } from '../dossier-files';
import { activeStepHolder } from '../holders';
import { getDossierView } from '../view';
import { apologize, consult, consultReply } from './consult-actions';
import { bumpVersion, loadActionContext, lockDossier, refusal, requireVersion } from './context';
import { accept, refuse, requestSupplement, resume, stop } from './intake-actions';
import { recordAction } from './record';
import { approve, assign, issueResult, returnResult, sendBack, submitForReview, transfer } from './step-actions';
import type { ActionInput, ActionOutcome } from './types';

/*
 * `POST /api/dossiers/:id/actions` (docs/api/dossiers.md "Actions"): one transaction per action — lock the dossier
 * row, check the version (stale → 409, nothing changes), the transitions table (403 actor / 409 state, reason in
 * Vietnamese), write the change, one event, the audit event, the notifications, bump the version; answer the view.
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
  await db.transaction(async (tx) => {
    const dossier = await lockDossier(tx, id);
    const context = await loadActionContext(tx, actor, dossier);
    if (!canSeeAtAll(context.can)) throw forbidden('Bạn không có quyền xử lý hồ sơ này.');
    requireVersion(dossier, body.version);
    const check = checkAction(context.rules, context.can, body.action);
    if (!check.allowed) throw refusal(check.kind, check.reason);
    const handler = handlers[body.action] as unknown as (input: ActionInput<DossierAction>) => Promise<ActionOutcome>;
    const outcome = await handler({ tx, calendar, actor, context, body, now });
    const row = await bumpVersion(tx, dossier, { ...outcome.changes, ...activeStepHolder(id) }, now);
    const eventId = await recordAction(tx, actor, row, { ...outcome.event, action: body.action, fromStatus: dossier.status }, now);
    if (outcome.files?.length) await attachDossierFiles(tx, { dossierId: id, actorId: actor.userId, eventId, files: outcome.files });
  });
  return getDossierView(db, actor, id, { calendar, now });
}

/** Someone with no capability at all on the dossier learns only that they may not act (403, before the version). */
function canSeeAtAll(can: ActorCapabilities): boolean {
  return Object.values(can).some(Boolean);
}
