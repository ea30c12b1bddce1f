import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PublicDossierStatus } from '../../contract/dossiers';
import { notFound } from '../../core/errors';
import type { Database } from '../../db/client';
import { dossierSteps, dossiers } from '../../db/schema/dossiers';
import { versionContent } from '../catalog';
import { findUnitsByIds } from '../org';
import { latestSupplementRequests } from './my-dossiers';

/**
 * `GET /api/public/dossier-status`: by the dossier code and the applicant's ID number together. A wrong pair answers
 * exactly like an unknown code (404, same message), so the lookup tells nothing about codes or people; the answer
 * holds nothing personal beyond what the person asking already knows.
 */
export async function lookupDossierStatus(db: Database, query: { code: string; idNumber: string }): Promise<PublicDossierStatus> {
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(
      and(
        inArray(dossiers.code, [...new Set([query.code, query.code.toUpperCase()])]),
        eq(dossiers.applicantIdNumber, query.idNumber.replace('-', '')),
      ),
    );
  if (!dossier) throw notFound('hồ sơ với mã và số định danh này');
  const [steps, [unit], requests] = await Promise.all([
    db
      .select({ name: dossierSteps.name, status: dossierSteps.status, completedAt: dossierSteps.completedAt })
      .from(dossierSteps)
      .where(eq(dossierSteps.dossierId, dossier.id))
      .orderBy(asc(dossierSteps.stepNo)),
    findUnitsByIds(db, [dossier.handlingUnitId]),
    dossier.status === 'supplement_requested' ? latestSupplementRequests(db, [dossier.id]) : Promise.resolve(new Map()),
  ]);
  const request = requests.get(dossier.id);
  const components = request?.positions.length
    ? ((await versionContent(db, dossier.procedureCode, dossier.procedureVersionNo))?.content.components ?? [])
    : [];
  return {
    code: dossier.code,
    procedureName: dossier.procedureName,
    handlingUnitName: unit?.name ?? '',
    status: dossier.status,
    receivedAt: dossier.receivedAt?.toISOString() ?? null,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    resolvedAt: dossier.resolvedAt?.toISOString() ?? null,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    timing: dossier.timing,
    steps: steps.map((step) => ({ name: step.name, status: step.status, completedAt: step.completedAt?.toISOString() ?? null })),
    supplementItems: request
      ? [...request.positions.flatMap((position: number) => (components[position] ? [components[position].name] : [])), ...request.items]
      : [],
  };
}
