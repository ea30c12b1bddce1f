import type { MetricsPeriodQuery } from '../../contract/metrics';
import { abbreviateUnit, placeName, resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import type { Database, Executor } from '../../db/client';
import { renderOnWorker } from '../../documents/render-pool';
import type { Actor } from '../auth';
import { findUnitsByIds, getUnitById } from '../org';
import { computeBieu06ForScope, resolveScope } from '.';
import { type ReportHeader, renderBieu06Xlsx } from './exports';

/*
 * `GET /api/reports/bieu-06.xlsx` and `.pdf` (docs/api/metrics-exports.md): the JSON of `GET /api/reports/bieu-06`
 * for the same unit and period, laid out as the printed form. Who may read the JSON may download it.
 */

export type ReportDownload = { body: Buffer; fileName: string; mediaType: string };
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The unit and its ancestors up to the root, as the issuing body's lookup wants them. */
async function loadUnitChain(executor: Executor, unitId: string): Promise<TreeUnit[]> {
  const unit = await getUnitById(executor, unitId);
  const ancestorIds = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
  const byId = new Map((await findUnitsByIds(executor, ancestorIds)).map((row) => [row.id, row]));
  const ancestors = ancestorIds
    .reverse()
    .map((id) => byId.get(id))
    .filter((row) => row !== undefined);
  return [unit, ...ancestors].map((row) => ({ name: row.name, shortName: row.shortName, type: row.type }));
}

/**
 * The header of the unit's report (NĐ 30/2020): the unit as issuing body, with the body above it. The province reports
 * to the Government Office, any other unit to the provincial People's Committee's office (TT 01/2020 Điều 6).
 */
export async function loadReportHeader(executor: Executor, unitId: string): Promise<ReportHeader> {
  const [unit, ...ancestors] = (await loadUnitChain(executor, unitId)) as [TreeUnit, ...TreeUnit[]];
  const root = ancestors.at(-1) ?? unit;
  const body = resolveIssuingBody(unit, ancestors, placeName(root.name), abbreviateUnit);
  const receivingUnit = ancestors.length === 0 ? 'Văn phòng Chính phủ' : `Văn phòng ${root.name.normalize('NFC')}`;
  return { issuer: { parent: body.parent, name: body.name }, reportingUnit: unit.name.normalize('NFC'), receivingUnit };
}

export async function exportBieu06(
  db: Database,
  actor: Actor | null,
  query: MetricsPeriodQuery,
  format: 'xlsx' | 'pdf',
  options: { timeoutMs: number },
): Promise<ReportDownload> {
  const scope = await resolveScope(db, actor, query);
  const report = await computeBieu06ForScope(db, scope, query.from, query.to);
  const header = await loadReportHeader(db, scope.unit.id);
  const fileName = `bieu-06-${scope.unit.code}-${query.from}-${query.to}.${format}`;
  if (format === 'xlsx') return { body: await renderBieu06Xlsx(report, header), fileName, mediaType: XLSX_MEDIA_TYPE };
  const body = await renderOnWorker({ kind: 'bieu-06', report, header }, options.timeoutMs);
  return { body, fileName, mediaType: 'application/pdf' };
}
