import { asc, eq } from 'drizzle-orm';
import { type ProcedureContent, procedureContentSchema } from '../../../contract/catalog';
import type { Executor } from '../../../db/client';
import { procedures, procedureVersions, publicationDecisionItems, publicationDecisions } from '../../../db/schema/catalog';
import { inForceOn } from '../read';
import { joinContent } from '../repo';
import { loadSignedFiles, type SignedFiles } from '../signed-files';
import type { TransferDecision } from './format';

export type ExportRow = {
  code: string;
  versionNo: number;
  decision: TransferDecision | null;
  /** The old codes this version replaces (item "replaced" of its decision). */
  replacesCodes?: string[];
  procedure: ProcedureContent;
};

export type ExportResult = { rows: ExportRow[]; skippedAbolished: number };

/**
 * The version in force on `day` of every procedure, ordered by code. Abolished procedures are left out: their
 * last version is not in force, and a file is meant to be imported as a catalog of procedures one can apply for.
 * Procedures whose first version takes effect after `day` are left out as well (they are not published yet).
 */
export async function collectProceduresInForce(executor: Executor, day: string): Promise<ExportResult> {
  const found = await executor
    .select({ code: procedures.code, version: procedureVersions, decision: publicationDecisions, action: publicationDecisionItems.action })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .leftJoin(publicationDecisionItems, eq(publicationDecisionItems.versionId, procedureVersions.id))
    .where(inForceOn(day))
    .orderBy(asc(procedures.code));
  const rows: ExportRow[] = [];
  const files = await loadSignedFiles(
    executor,
    found.map((entry) => entry.decision),
  );
  let skippedAbolished = 0;
  for (const entry of found) {
    if (entry.version.isAbolished) {
      skippedAbolished += 1;
      continue;
    }
    const decision = entry.decision
      ? {
          number: entry.decision.number,
          date: entry.decision.issuedOn,
          signer: entry.decision.signer,
          type: entry.action ?? (entry.version.versionNo === 1 ? 'new' : 'amended'),
          effectiveDate: entry.decision.effectiveDate,
          ...recordedHeader(entry.decision, files),
        }
      : null;
    // Parsing puts the keys in schema order and proves that what we write can be read back.
    const procedure = procedureContentSchema.parse(joinContent(entry.version));
    rows.push({ code: entry.code, versionNo: entry.version.versionNo, decision, replacesCodes: entry.version.replacesCodes, procedure });
  }
  return { rows, skippedAbolished };
}

/** The parts of the decision's record beyond the first four, as far as they were recorded (rows before migration 0006 have none). */
function recordedHeader(decision: typeof publicationDecisions.$inferSelect, files: SignedFiles): Partial<TransferDecision> {
  const header: Partial<TransferDecision> = {};
  if (decision.issuerUnitCode) header.issuerUnitCode = decision.issuerUnitCode;
  if (decision.issuerName) header.issuerName = decision.issuerName;
  if (decision.signerTitle) header.signerTitle = decision.signerTitle;
  if (decision.form !== 'full') header.form = decision.form;
  if (decision.nationalPublishedOn) header.nationalPublishedOn = decision.nationalPublishedOn;
  if (decision.signedFileUrl) header.signedFileUrl = decision.signedFileUrl;
  // The file's id and name (not its bytes): another installation uploads the file and writes its own id.
  if (decision.signedFileId) {
    header.signedFileId = decision.signedFileId;
    header.signedFileName = files.get(decision.signedFileId)?.name ?? null;
  }
  if (decision.isLatePublication) header.isLatePublication = true;
  return header;
}
