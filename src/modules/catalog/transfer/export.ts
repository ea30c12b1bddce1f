import { asc, eq } from 'drizzle-orm';
import { type Decision, type ProcedureContent, procedureContentSchema } from '../../../contract/catalog';
import type { Executor } from '../../../db/client';
import { procedures, procedureVersions, publicationDecisions } from '../../../db/schema/catalog';
import { inForceOn } from '../read';
import { joinContent } from '../repo';

export type ExportRow = { code: string; versionNo: number; decision: Decision | null; procedure: ProcedureContent };

export type ExportResult = { rows: ExportRow[]; skippedAbolished: number };

/**
 * The version in force on `day` of every procedure, ordered by code. Abolished procedures are left out: their
 * last version is not in force, and a file is meant to be imported as a catalog of procedures one can apply for.
 * Procedures whose first version takes effect after `day` are left out as well (they are not published yet).
 */
export async function collectProceduresInForce(executor: Executor, day: string): Promise<ExportResult> {
  const found = await executor
    .select({ code: procedures.code, version: procedureVersions, decision: publicationDecisions })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(inForceOn(day))
    .orderBy(asc(procedures.code));
  const rows: ExportRow[] = [];
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
          type: entry.decision.type,
          effectiveDate: entry.decision.effectiveDate,
        }
      : null;
    // Parsing puts the keys in schema order and proves that what we write can be read back.
    const procedure = procedureContentSchema.parse(joinContent(entry.version));
    rows.push({ code: entry.code, versionNo: entry.version.versionNo, decision, procedure });
  }
  return { rows, skippedAbolished };
}
