import { and, asc, gte, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { procedures, procedureVersions, publicationDecisionItems, publicationDecisions } from '../../db/schema/catalog';

/*
 * What the KPI index (metrics module, docs/api/metrics.md) reads of publication: the items of the decisions that took
 * effect in a period, with the dates the two transparency indicators compare.
 */

export type PublishedItem = {
  decisionId: string;
  decisionNumber: string;
  issuedOn: string;
  effectiveDate: string;
  /** The day the decision was made public on the national database (null: not recorded). */
  nationalPublishedOn: string | null;
  /** Entered after its effective date (docs/api/decisions.md). */
  isLatePublication: boolean;
  code: string;
  versionNo: number;
  /** The effective dates of the version's legal bases that give one. */
  legalBasisEffectiveDates: string[];
  /** The units (codes) that handle the version: a caller that read a subtree's items keeps a part's. */
  handlingUnitCodes: string[];
};

/** A list of texts as one parameter, whatever its length. */
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The items (new, amended, replaced — not abolitions) of the decisions effective from `from` to `to` (both
 * included) whose version is handled by one of `handledBy` (unit codes).
 */
export async function listPublishedItems(
  executor: Executor,
  period: { from: string; to: string; handledBy: string[] },
): Promise<PublishedItem[]> {
  if (!period.handledBy.length) return [];
  const rows = await executor
    .select({
      decisionId: publicationDecisions.id,
      decisionNumber: publicationDecisions.number,
      issuedOn: publicationDecisions.issuedOn,
      effectiveDate: publicationDecisions.effectiveDate,
      nationalPublishedOn: publicationDecisions.nationalPublishedOn,
      isLatePublication: publicationDecisions.isLatePublication,
      code: procedures.code,
      versionNo: procedureVersions.versionNo,
      legalBasisEffectiveDates: sql<string[]>`coalesce((
        select array_agg(basis->>'effectiveDate') from jsonb_array_elements(
          case when jsonb_typeof(${procedureVersions.details}->'legalBasis') = 'array'
            then ${procedureVersions.details}->'legalBasis' else '[]'::jsonb end) as basis
        where basis->>'effectiveDate' is not null), '{}')`,
      handlingUnitCodes: procedureVersions.handlingUnitCodes,
    })
    .from(publicationDecisionItems)
    .innerJoin(publicationDecisions, sql`${publicationDecisions.id} = ${publicationDecisionItems.decisionId}`)
    .innerJoin(procedureVersions, sql`${procedureVersions.id} = ${publicationDecisionItems.versionId}`)
    .innerJoin(procedures, sql`${procedures.id} = ${procedureVersions.procedureId}`)
    .where(
      and(
        gte(publicationDecisions.effectiveDate, period.from),
        lte(publicationDecisions.effectiveDate, period.to),
        ne(publicationDecisionItems.action, 'abolished'),
        sql`${procedureVersions.handlingUnitCodes} && ${textArray(period.handledBy)}`,
      ),
    )
    .orderBy(asc(publicationDecisions.effectiveDate), asc(procedures.code));
  return rows;
}
