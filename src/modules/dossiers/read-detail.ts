import type { DossierView } from '../../contract/dossiers';
import { forbidden, notFound } from '../../core/errors';
import type { Database } from '../../db/client';
import { dossierAccessLog } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import { canReadDossier, canSubmitOnline } from './policy';
import { loadAccess } from './read';
import { getDossierView } from './view';

/** `GET /api/dossiers/:id`: staff who may read the dossier; the read of its personal data is logged (NĐ 13/2023). */
export async function readDossier(db: Database, actor: Actor, id: string): Promise<DossierView> {
  const access = await loadAccess(db, id);
  if (!canReadDossier(actor, access)) throw forbidden('Bạn không có quyền xem hồ sơ này.');
  await db.insert(dossierAccessLog).values({ dossierId: id, userId: actor.userId, purpose: 'detail' });
  return getDossierView(db, actor, id, { calendar: await getWorkCalendar(db) });
}

/** `GET /api/my/dossiers/:id`: the applicant's own dossier; anyone else's answers 404, as if it did not exist. */
export async function readMyDossier(db: Database, actor: Actor, id: string): Promise<DossierView> {
  if (!canSubmitOnline(actor)) throw forbidden('Chỉ tài khoản công dân hoặc doanh nghiệp mới có "Hồ sơ của tôi".');
  const access = await loadAccess(db, id).catch(() => null);
  if (!access || access.applicantUserId !== actor.userId) throw notFound('hồ sơ');
  return getDossierView(db, actor, id, { calendar: await getWorkCalendar(db) });
}
