import { eq } from 'drizzle-orm';
import { measureLabels } from '../../contract/labels';
import { type IssuingBodyLookup, placeName, resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { reformProposals } from '../../db/schema/reform';
import { renderOnWorker } from '../../documents/render-pool';
import type { Actor } from '../auth';
import { describeDuration } from '../catalog';
import { abbreviateUnit } from './documents/format';
import type { ProposalDocumentData } from './documents/types';
import { getProposal } from './proposal-service';
import { applySigningChoice, loadSigningChoice, loadUnitChain, type SigningChoice } from './proposal-signing';
import { findSubmittingLeaderName } from './proposal-view';

type ProposalView = Awaited<ReturnType<typeof getProposal>>;

/** What the document needs beyond the proposal's view: its place in the unit tree and its signing. */
export type DocumentContext = {
  /** The proposal's unit and its ancestors, from the unit itself up to the root (the province). */
  unitChain: TreeUnit[];
  /** When the unit signed and sent it (submission); null while it is a draft. */
  signedAt: Date | null;
  /** The unit head who submitted it, when the submitter holds that role in the unit; null leaves the name blank. */
  signerName: string | null;
  /** How the submitting leader signed (form and title); null: the head, with the unit kind's title. */
  signing?: SigningChoice | null;
};

/**
 * The document's data. No workflow data (status, approval, rejection, who consolidated) enters the text: the
 * document is what the unit signs; its state belongs to the application. It is dated on the day of signing (the
 * submission) or left blank to be dated by hand, never on the day it is downloaded.
 */
export function toDocumentData(proposal: ProposalView, context: DocumentContext): ProposalDocumentData {
  const [unit, ...ancestors] = context.unitChain as [TreeUnit, ...TreeUnit[]];
  const place = placeName((ancestors.at(-1) ?? unit).name);
  const body: IssuingBodyLookup = resolveIssuingBody(unit, ancestors, place, abbreviateUnit);
  const fields = [...new Set(proposal.items.map((item) => item.field))];
  return {
    issuingBody: { parent: body.parent, name: body.name, symbol: body.symbol, shortName: body.shortName },
    place,
    signedOn: context.signedAt ? vietnamDate(context.signedAt) : null,
    year: proposal.year,
    title: proposal.title,
    isDemo: proposal.isDemo,
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
    recipients: body.recipients,
    addressee: body.addressee,
    signer: { ...applySigningChoice(body.signer, context.signing ?? null), name: context.signerName },
  };
}

/** Signing = the unit's submission of its proposal (the step in which its head signs and sends it). */
async function loadSigning(executor: Executor, proposalId: string, unitId: string, isDraft: boolean) {
  if (isDraft) return { signedAt: null, signerName: null, signing: null };
  const [proposal] = await executor
    .select({ submittedAt: reformProposals.submittedAt })
    .from(reformProposals)
    .where(eq(reformProposals.id, proposalId));
  return {
    signedAt: proposal?.submittedAt ?? null,
    signerName: await findSubmittingLeaderName(executor, proposalId, unitId),
    signing: await loadSigningChoice(executor, proposalId),
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
  const [unitChain, signing] = await Promise.all([
    loadUnitChain(db, proposal.unit.id),
    loadSigning(db, proposal.id, proposal.unit.id, proposal.status === 'draft'),
  ]);
  const data = toDocumentData(proposal, { unitChain, ...signing });
  const body = await renderOnWorker({ kind: 'proposal', format, data }, options.timeoutMs);
  const fileName = `phuong-an-${proposal.year}-${proposal.id.slice(0, 8)}.${format}`;
  return { body, fileName };
}
