import { measureLabels, proposalStatusLabels } from '../../contract/labels';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { describeDuration } from '../catalog';
import { getRootUnit } from '../org';
import { renderOnWorker } from './documents/render-pool';
import type { ProposalDocumentData } from './documents/types';
import { getProposal } from './proposal-service';

type ProposalView = Awaited<ReturnType<typeof getProposal>>;

/** The province's name without the "UBND" prefix, e.g. "Tỉnh An Giang" from "UBND tỉnh An Giang". */
function provinceName(rootName: string): string {
  const name = rootName.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function toDocumentData(proposal: ProposalView, rootName: string): ProposalDocumentData {
  const province = provinceName(rootName);
  const fields = [...new Set(proposal.items.map((item) => item.field))];
  return {
    province,
    issuingUnit: proposal.unit.name,
    parentAuthority: rootName.startsWith('UBND') ? rootName : `UBND ${province.toLowerCase()}`,
    place: province.replace(/^(Tỉnh|Thành phố)\s+/i, ''),
    year: proposal.year,
    title: proposal.title,
    status: proposalStatusLabels[proposal.status],
    statusNote: proposal.approvalReference ?? proposal.rejectionReason ?? null,
    isDemo: proposal.isDemo,
    generatedAt: new Date(),
    groups: fields.map((field) => ({
      field,
      rows: proposal.items
        .filter((item) => item.field === field)
        .map((item) => ({
          procedureCode: item.procedureCode,
          procedureName: item.procedureName,
          measures: item.measures.map((measure) => measureLabels[measure]),
          before: item.baseline
            ? {
                timeText: describeDuration(item.baseline.timeAmount, item.baseline.timeUnit),
                timeHours: item.baseline.hours,
                costPerDossier: item.baseline.costPerDossier,
                annualCost: item.baseline.annualCost,
              }
            : null,
          after: {
            timeText: item.measures.includes('abolish') ? 'Bãi bỏ' : describeDuration(item.proposed.timeAmount, item.proposed.timeUnit),
            timeHours: item.proposed.hours,
            costPerDossier: item.proposed.costPerDossier,
            annualCost: item.proposed.annualCost,
          },
          timeReduction: item.timeReduction,
          costReduction: item.costReduction,
          legalText: item.legalText,
          reason: item.reason,
        })),
    })),
    totals: proposal.totals,
    signer: { title: proposal.unit.name.startsWith('Sở') ? 'GIÁM ĐỐC' : 'THỦ TRƯỞNG ĐƠN VỊ', name: null },
  };
}

/** The proposal as DOCX or PDF, rendered on a worker thread within `timeoutMs` (503 past it). */
export async function renderProposalDocument(
  db: Database,
  actor: Actor | null,
  id: string,
  format: 'docx' | 'pdf',
  options: { timeoutMs: number },
) {
  const proposal = await getProposal(db, actor, id);
  const root = await getRootUnit(db);
  const data = toDocumentData(proposal, root.name);
  const body = await renderOnWorker({ format, data }, options.timeoutMs);
  const fileName = `phuong-an-${proposal.year}-${proposal.id.slice(0, 8)}.${format}`;
  return { body, fileName };
}
