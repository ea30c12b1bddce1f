import { placeName, resolveIssuingBody } from '../../core/documents/issuing-body';
import type { Database } from '../../db/client';
import { renderOnWorker } from '../../documents/render-pool';
import type { Actor } from '../auth';
import { requireRead } from './access';
import type { ControlReportDocumentData } from './documents';
import { completeFigures } from './figures';
import { loadUnitChain, symbolOf } from './issuer';
import { periodLabel } from './periods';
import { loadRow } from './service';

/*
 * The report's document (docs/api/control-reports.md, "Documents"): the header from the unit tree (NĐ 30, as the
 * reform proposals: src/core/documents/issuing-body.ts), the stored figures and narrative, rendered on the shared
 * render pool. A draft prints "DỰ THẢO" in the top margin, a blank number and date; a signed report its own.
 */

export async function buildDocumentData(db: Database, actor: Actor, id: string): Promise<ControlReportDocumentData> {
  const row = await loadRow(db, id);
  await requireRead(db, actor, row.unitId);
  const [unit, ...ancestors] = await loadUnitChain(db, row.unitId);
  const root = ancestors.at(-1) ?? unit!;
  const place = placeName(root.name);
  const issuer = resolveIssuingBody(unit!, ancestors, place, symbolOf);
  const isProvince = ancestors.length === 0;
  const recipients = isProvince
    ? ['Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính)', 'Thường trực UBND tỉnh', 'Các sở, ban, ngành', 'Lưu: VT']
    : [`UBND ${place.startsWith('tỉnh') ? place : `tỉnh ${place}`} (qua Văn phòng UBND tỉnh)`, 'Lưu: VT'];
  return {
    issuingBody: { parent: issuer.parent, name: issuer.name, symbol: issuer.symbol, shortName: issuer.shortName },
    place,
    number: row.number,
    signedOn: row.signedOn,
    kind: row.kind,
    periodText: periodLabel(row.kind, row.year, row.periodIndex),
    from: row.periodFrom,
    to: row.periodTo,
    figures: completeFigures(row.figures),
    narrative: row.narrative,
    recipients,
    signer: row.signer ?? { ...issuer.signer, name: null },
    isDraft: row.status !== 'signed',
  };
}

export async function renderReportDocument(
  db: Database,
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
  options: { timeoutMs: number },
): Promise<{ body: Buffer; fileName: string }> {
  const data = await buildDocumentData(db, actor, id);
  const body = await renderOnWorker({ kind: 'control-report', format, data }, options.timeoutMs);
  const period = `${data.from}_${data.to}`;
  return { body, fileName: `bao-cao-kstt-${data.kind}-${period}${data.isDraft ? '-du-thao' : ''}.${format}` };
}
