import { eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { procedures, procedureVersions } from '../../db/schema/catalog';

/*
 * More of the catalog's read API (docs/adr/0002-module-walls.md): every version of a procedure, not only the one in
 * force, and what its dossier components reuse. Reform uses them to carry a worksheet over to a new version and to
 * measure "information provided once".
 */

/** A list of texts as one parameter, whatever its length. */
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * Every version of the procedures with the given codes, as a relation named `alias` that another module joins its
 * own tables to (reform joins its cost worksheets on `versionId`).
 */
export function versionHistory<Alias extends string>(alias: Alias, codes: string[]) {
  return new QueryBuilder()
    .select({
      versionId: procedureVersions.id,
      code: procedures.code,
      versionNo: procedureVersions.versionNo,
      effectiveFrom: procedureVersions.effectiveFrom,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(sql`${procedures.code} = any(${textArray(codes)})`)
    .as(alias);
}

export type VersionHistory<Alias extends string = string> = ReturnType<typeof versionHistory<Alias>>;

/**
 * For each version: how many dossier components it asks for, and how many of them reuse a digitised document type
 * (`reusableDocumentType` of the component: the applicant provides the information once, the agency reads it back).
 */
export async function componentReuseOf(
  executor: Executor,
  versionIds: string[],
): Promise<Map<string, { components: number; reusable: number }>> {
  if (versionIds.length === 0) return new Map();
  // One pass over each version's components (its JSON document is read once, not once per figure).
  const result = await executor.execute(sql`
    select v.id as version_id,
      count(c.item)::int as components,
      count(c.item) filter (where coalesce(c.item->>'reusableDocumentType', '') <> '')::int as reusable
    from ${procedureVersions} as v
    left join lateral jsonb_array_elements(coalesce(v.details->'components', '[]'::jsonb)) as c(item) on true
    where v.id = any(array(select jsonb_array_elements_text(${JSON.stringify(versionIds)}::jsonb))::uuid[])
    group by v.id`);
  // node-postgres and PGlite both answer with `rows`.
  const rows = (result as unknown as { rows: { version_id: string; components: number; reusable: number }[] }).rows.map((row) => ({
    versionId: row.version_id,
    components: row.components,
    reusable: row.reusable,
  }));
  return new Map(rows.map((row) => [row.versionId, { components: Number(row.components), reusable: Number(row.reusable) }]));
}
