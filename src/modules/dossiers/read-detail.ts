import type { DossierView } from '../../contract/dossiers';
import { forbidden, notFound } from '../../core/errors';
import type { Database } from '../../db/client';
import { dossierAccessLog } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import { allowedActionsOn, type DeskServed } from './actions/context';
import { deskServedPaths } from './desk-scope';
import { canReadDossier, canSubmitOnline } from './policy';
import { accessOf, resultReturned } from './read';
import { loadDossierState } from './state';
import { viewOfState } from './view';

/** `GET /api/dossiers/:id`: staff who may read the dossier; the read of its personal data is logged (NĐ 13/2023). */
export async function readDossier(db: Database, actor: Actor, id: string): Promise<DossierView> {
  const state = await loadDossierState(db, id);
  const served: DeskServed = { paths: await deskServedPaths(db, actor) };
  if (!canReadDossier(actor, accessOf(state), served.paths!)) throw forbidden('Bạn không có quyền xem hồ sơ này.');
  await db.insert(dossierAccessLog).values({ dossierId: id, userId: actor.userId, purpose: 'detail' });
  const allowedActions = await allowedActionsOn(db, actor, state, served);
  return viewOfState(db, state, { calendar: await getWorkCalendar(db), allowedActions });
}

/** `GET /api/my/dossiers/:id`: the applicant's own dossier; anyone else's answers 404, as if it did not exist. */
export async function readMyDossier(db: Database, actor: Actor, id: string): Promise<DossierView> {
  if (!canSubmitOnline(actor)) throw forbidden('Chỉ tài khoản công dân hoặc doanh nghiệp mới có "Hồ sơ của tôi".');
  const state = await loadDossierState(db, id).catch(() => null);
  if (!state || state.dossier.applicantUserId !== actor.userId) throw notFound('hồ sơ');
  const allowedActions = await allowedActionsOn(db, actor, state);
  // The result is the applicant's once it is returned (online: here, in "Hồ sơ của tôi"), not while it waits.
  const files = state.files.filter((file) => file.purpose !== 'result' || resultReturned(state.dossier));
  return viewOfState(db, { ...state, files }, { calendar: await getWorkCalendar(db), allowedActions });
}
