import { forbidden } from '../../core/errors';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { canReadDossier, type DossierAccess, isApplicantOf } from './policy';
import { type DossierRow, type DossierState, loadDossierState } from './state';

export type { DossierRow } from './state';

/** What the read rule needs of a dossier: its units' paths, consulted units, step holders, the applicant's account. */
export function accessOf(state: DossierState): DossierAccess & { dossier: DossierRow } {
  const { dossier, steps, consultations } = state;
  const path = (id: string | null) => (id ? state.units.get(id)?.path : undefined);
  const active = steps.find((step) => step.status === 'active');
  const activePath = active ? path(active.unitId) : undefined;
  return {
    dossier,
    handlingUnitPath: path(dossier.handlingUnitId)!,
    receivingUnitPath: path(dossier.receivingUnitId) ?? null,
    consultedUnitPaths: consultations.flatMap((entry) => {
      const found = path(entry.unitId);
      return found ? [found] : [];
    }),
    stepHolderIds: steps.flatMap((step) => (step.assigneeId ? [step.assigneeId] : [])),
    activeStep: active && activePath ? { role: active.role, unitPath: activePath } : null,
    applicantUserId: dossier.applicantUserId,
  };
}

export async function loadAccess(executor: Executor, id: string): Promise<DossierAccess & { dossier: DossierRow }> {
  return accessOf(await loadDossierState(executor, id));
}

/**
 * Who reads: staff covering the dossier (their reads of personal data are logged by the caller), or the applicant's
 * own account. Anyone else: 403 (a citizen asking for another's dossier through "my" routes gets 404 there).
 */
export function requireReadable(actor: Actor, access: DossierAccess, deskServed: readonly string[] = []): 'staff' | 'applicant' {
  if (canReadDossier(actor, access, deskServed)) return 'staff';
  if (isApplicantOf(actor, access)) return 'applicant';
  throw forbidden('Bạn không có quyền xem hồ sơ này.');
}

/** The applicant gets the result files once the result is returned (before that they are the handling unit's). */
export function resultReturned(dossier: Pick<DossierRow, 'status'>): boolean {
  return dossier.status === 'returned';
}
