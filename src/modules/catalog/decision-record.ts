import { and, eq, sql } from 'drizzle-orm';
import { AppError, type ErrorDetail, invalid } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { publicationDecisions } from '../../db/schema/catalog';
import { findUnitsByCodes, getRootUnit } from '../org';
import * as repo from './repo';
import { checkSignedFile } from './signed-files';

/** A decision as a publication names it; fields left out take their defaults (its `type` belongs to each item). */
export type DecisionInput = repo.DecisionRecordInput;

/** The decision with its issuing authority filled in: the unit named, or the root of the tree (UBND tỉnh). */
export async function resolveIssuer(
  executor: Executor,
  decision: DecisionInput,
): Promise<{ decision: DecisionInput; details: ErrorDetail[] }> {
  if (decision.issuerUnitCode) {
    const [unit] = await findUnitsByCodes(executor, [decision.issuerUnitCode]);
    if (!unit)
      return { decision, details: [{ path: 'decision.issuerUnitCode', message: `Không có đơn vị mã ${decision.issuerUnitCode}.` }] };
    return { decision: { ...decision, issuerName: decision.issuerName ?? unit.name }, details: [] };
  }
  if (decision.issuerName) return { decision, details: [] };
  const root = await getRootUnit(executor);
  return { decision: { ...decision, issuerUnitCode: root.code, issuerName: root.name }, details: [] };
}

/** The decision already recorded under this number by this issuing authority (numbers are unique per authority). */
export async function findRecordedDecision(executor: Executor, decision: DecisionInput): Promise<repo.DecisionRow | undefined> {
  const issuer = decision.issuerUnitCode ?? decision.issuerName;
  if (!issuer) return undefined;
  const [row] = await executor
    .select()
    .from(publicationDecisions)
    .where(
      and(
        eq(publicationDecisions.number, decision.number),
        sql`coalesce(${publicationDecisions.issuerUnitCode}, ${publicationDecisions.issuerName}) = ${issuer}`,
      ),
    );
  return row;
}

export function duplicateNumberDetail(decision: DecisionInput, recorded: repo.DecisionRow): ErrorDetail {
  return {
    path: 'decision.number',
    message: `Số quyết định ${decision.number} của ${recorded.issuerName ?? decision.issuerName} đã được dùng (quyết định ngày ${formatVietnameseDate(recorded.issuedOn)}, hiệu lực từ ${formatVietnameseDate(recorded.effectiveDate)}).`,
  };
}

const isSameDocument = (decision: DecisionInput, recorded: repo.DecisionRow) =>
  recorded.issuedOn === decision.date && recorded.signer === decision.signer && recorded.effectiveDate === decision.effectiveDate;

/**
 * The record of a decision that one procedure's publication names (single-procedure API, catalog files): the one
 * already recorded under its number and issuing authority when it describes the same document (its items then grow
 * one by one), a new one otherwise; a number used for another document is refused.
 */
export async function decisionRecordFor(executor: Executor, decision: DecisionInput, actorId: string | null): Promise<string> {
  const resolved = await resolveIssuer(executor, decision);
  if (resolved.details.length) throw invalid(resolved.details, 'Quyết định công bố không hợp lệ.');
  const fileDetails = await checkSignedFile(executor, decision.signedFileId);
  if (fileDetails.length) throw invalid(fileDetails, 'Quyết định công bố không hợp lệ.');
  const recorded = await findRecordedDecision(executor, resolved.decision);
  if (recorded) {
    if (isSameDocument(resolved.decision, recorded)) return recorded.id;
    throw new AppError('validation_failed', 'Số quyết định đã được dùng.', [duplicateNumberDetail(resolved.decision, recorded)]);
  }
  return (await repo.insertDecision(executor, resolved.decision, actorId)).id;
}
