import { Readable } from 'node:stream';
import type { MetricsPeriodQuery } from '../../contract/metrics';
import type { Database } from '../../db/client';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { listUnits } from '../org';
import { dossierFactsChunks } from './dossier-facts';
import { resolveScope } from './scope';

/*
 * `GET /api/metrics/dossier-facts.csv` (docs/api/metrics.md, "The auditor's CSV"): the file `motcua export
 * dossier-facts` writes (docs/formats/dossier-facts.md), for one unit's subtree, to whoever reads that unit's index.
 * It carries no applicant data (no name, identity number, address, phone or e-mail: codes, procedure, units, instants
 * and flags), so nothing is masked; being a bulk copy of a unit's dossiers, each download is in the audit trail (who,
 * which unit, which days) before the first byte leaves. Streamed batch by batch: memory stays flat whatever the period.
 */

export type DossierFactsDownload = { fileName: string; body: Readable };

export async function openDossierFactsDownload(
  db: Database,
  actor: Actor | null,
  query: MetricsPeriodQuery,
): Promise<DossierFactsDownload> {
  const scope = await resolveScope(db, actor, query);
  const units = new Map((await listUnits(db)).map((unit) => [unit.id, { code: unit.code, name: unit.name }]));
  await recordAuditEvent(db, {
    actorId: actor!.userId,
    action: 'metrics.dossier_facts.download',
    entityType: 'unit',
    entityId: scope.unit.id,
    data: { unitCode: scope.unit.code, from: query.from, to: query.to },
  });
  const chunks = dossierFactsChunks(db, { from: query.from, to: query.to, unitIds: scope.unitIds, units });
  return {
    fileName: `Dữ liệu hồ sơ ${scope.unit.code} từ ${query.from} đến ${query.to}.csv`,
    body: Readable.from(chunks, { objectMode: false }),
  };
}
