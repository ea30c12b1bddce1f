import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { escapeLikePattern, toSearchForm } from '../../core/text';

export type ProcedureSearchQuery = {
  q?: string;
  field?: string;
  level?: 'province' | 'commune' | 'ministry';
  unit?: string;
  online?: 'full' | 'partial' | 'none';
  page: number;
  pageSize: number;
};

export type ProcedureSearchRow = {
  code: string;
  versionNo: number;
  name: string;
  field: string;
  levels: string[];
  onlineLevel: 'full' | 'partial' | 'none';
  handlingUnitCodes: string[];
  businessRelated: boolean;
  locationIndependent: boolean;
  timeAmount: number;
  timeUnit: 'working_days' | 'working_hours' | 'calendar_days';
  details: Record<string, unknown>;
  total: number;
};

/** Queries longer than this are cut: nobody types more, and trigram work grows with length. */
const MAX_QUERY_LENGTH = 200;

/**
 * Vietnamese search as people type: the query and the index share one search form (no accents, đ → d, i = y,
 * lower case), so "ly lich tu phap" finds "Cấp Phiếu lý lịch tư pháp". A procedure matches when every word of
 * the query occurs in it (any order) or, to forgive a typo, when the query is trigram-similar to a stretch of it.
 * Best first: exact code, then all words present, then the number of query words found as whole words in the
 * name (what a typo leaves intact), then trigram closeness of the name, then the shorter name.
 */
export async function searchProcedures(executor: Executor, query: ProcedureSearchQuery, day: string) {
  const searchForm = toSearchForm((query.q ?? '').slice(0, MAX_QUERY_LENGTH));
  const words = [...new Set(searchForm.split(' ').filter(Boolean))].slice(0, 12);
  const conditions: SQL[] = [
    sql`v.effective_from <= ${day}`,
    sql`(v.effective_to is null or v.effective_to > ${day})`,
    sql`not v.is_abolished`,
  ];
  if (query.field) conditions.push(sql`v.field = ${query.field}`);
  if (query.level) conditions.push(sql`${query.level} = any(v.levels)`);
  if (query.online) conditions.push(sql`v.online_level = ${query.online}`);
  if (query.unit) conditions.push(sql`(${query.unit} = any(v.handling_unit_codes) or ${query.unit} = any(v.receiving_unit_codes))`);

  let ranking: SQL = sql`v.name asc`;
  if (words.length > 0) {
    const allWordsMatch = sql.join(
      words.map((word) => sql`v.search_text like ${`%${escapeLikePattern(word)}%`}`),
      sql` and `,
    );
    // Words are [a-z0-9]+ (search form), so they are safe inside a regular expression.
    const wholeWordsInName = sql.join(
      words.map((word) => sql`(v.name_norm ~ ${`\\m${word}\\M`})::int`),
      sql` + `,
    );
    conditions.push(sql`((${allWordsMatch}) or ${searchForm} <% v.search_text)`);
    ranking = sql`(v.code_text = ${query.q?.trim() ?? ''}) desc, (${allWordsMatch}) desc, (${wholeWordsInName}) desc,
      strict_word_similarity(${searchForm}, v.name_norm) desc, length(v.name) asc, v.code_text asc`;
  }
  const result = await executor.execute(sql`
    select v.code_text as "code", v.version_no as "versionNo", v.name, v.field, v.levels,
      v.online_level as "onlineLevel", v.handling_unit_codes as "handlingUnitCodes",
      v.business_related as "businessRelated", v.location_independent as "locationIndependent",
      v.time_amount::float8 as "timeAmount", v.time_unit as "timeUnit",
      jsonb_build_object('fees', v.details->'fees', 'processingTime', v.details->'processingTime') as details,
      count(*) over()::int as total
    from procedure_versions v
    where ${sql.join(conditions, sql` and `)}
    order by ${ranking}
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  const rows = (result as unknown as { rows: ProcedureSearchRow[] }).rows;
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countMatches(executor, conditions) : 0) };
}

/** Only needed when a page past the end is asked for: the window count is then absent. */
async function countMatches(executor: Executor, conditions: SQL[]): Promise<number> {
  const result = await executor.execute(sql`select count(*)::int as total from procedure_versions v where ${sql.join(conditions, sql` and `)}`);
  return (result as unknown as { rows: { total: number }[] }).rows[0]?.total ?? 0;
}
