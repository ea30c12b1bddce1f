import { eq } from 'drizzle-orm';
import { forbidden, notFound } from '../../core/errors';
import type { Executor } from '../../db/client';
import { dossierConsultations, dossierSteps, dossiers } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { findUnitsByIds } from '../org';
import { canReadDossier, type DossierAccess, isApplicantOf } from './policy';

export type DossierRow = typeof dossiers.$inferSelect;

export async function findDossierRow(executor: Executor, id: string): Promise<DossierRow> {
  const [row] = await executor.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw notFound('hồ sơ');
  return row;
}

/** What the read rule needs of a dossier: its units' paths, consulted units, step holders, the applicant's account. */
export async function loadAccess(executor: Executor, id: string, row?: DossierRow): Promise<DossierAccess & { dossier: DossierRow }> {
  const dossier = row ?? (await findDossierRow(executor, id));
  const [steps, consultations] = await Promise.all([
    executor
      .select({ assigneeId: dossierSteps.assigneeId, role: dossierSteps.role, unitId: dossierSteps.unitId, status: dossierSteps.status })
      .from(dossierSteps)
      .where(eq(dossierSteps.dossierId, dossier.id)),
    executor
      .select({ unitId: dossierConsultations.unitId })
      .from(dossierConsultations)
      .where(eq(dossierConsultations.dossierId, dossier.id)),
  ]);
  const consultedIds = consultations.flatMap((entry) => (entry.unitId ? [entry.unitId] : []));
  const active = steps.find((step) => step.status === 'active');
  const unitIds = [
    dossier.handlingUnitId,
    ...(dossier.receivingUnitId ? [dossier.receivingUnitId] : []),
    ...consultedIds,
    ...(active ? [active.unitId] : []),
  ];
  const paths = new Map((await findUnitsByIds(executor, unitIds)).map((unit) => [unit.id, unit.path]));
  return {
    dossier,
    handlingUnitPath: paths.get(dossier.handlingUnitId)!,
    receivingUnitPath: dossier.receivingUnitId ? (paths.get(dossier.receivingUnitId) ?? null) : null,
    consultedUnitPaths: consultedIds.flatMap((id) => (paths.has(id) ? [paths.get(id)!] : [])),
    stepHolderIds: steps.flatMap((step) => (step.assigneeId ? [step.assigneeId] : [])),
    activeStep: active && paths.has(active.unitId) ? { role: active.role, unitPath: paths.get(active.unitId)! } : null,
    applicantUserId: dossier.applicantUserId,
  };
}

/**
 * Who reads: staff covering the dossier (their reads of personal data are logged by the caller), or the applicant's
 * own account. Anyone else: 403 (a citizen asking for another's dossier through "my" routes gets 404 there).
 */
export function requireReadable(actor: Actor, access: DossierAccess): 'staff' | 'applicant' {
  if (canReadDossier(actor, access)) return 'staff';
  if (isApplicantOf(actor, access)) return 'applicant';
  throw forbidden('Bạn không có quyền xem hồ sơ này.');
}
