import { forbidden } from '../../core/errors';
import type { Database } from '../../db/client';
import { type Actor, findUsersWithRoleNear } from '../auth';
import { loadActionContext } from './actions/context';
import { loadDossierState } from './state';

/**
 * `GET /api/dossiers/:id/assignees`: the specialists the active appraisal step (or the next one, from an assignment
 * step) may go to — for whoever holds the active step or manages the handling unit. Staff cannot read the users API.
 */
export async function listAssignees(db: Database, actor: Actor, id: string) {
  const context = await loadActionContext(db, actor, await loadDossierState(db, id));
  if (!context.can.stepHolder && !context.can.handlingLeaderOrHead) throw forbidden('Bạn không phân công hồ sơ này.');
  const active = context.activeIndex !== null ? context.steps[context.activeIndex] : undefined;
  const target =
    active?.role === 'specialist'
      ? active
      : context.steps.find((step) => step.status === 'pending' && step.role === 'specialist' && step.stepNo > (active?.stepNo ?? 0));
  const unitPath = target ? context.paths.get(target.unitId) : undefined;
  return unitPath ? findUsersWithRoleNear(db, 'specialist', unitPath) : [];
}
