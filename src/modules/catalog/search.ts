import { type SQL, sql } from 'drizzle-orm';
import type { Level, OnlineLevel, TimeUnit } from '../../contract/enums';
import { editDistance, toSearchForm } from '../../core/text';
import type { Executor } from '../../db/client';
import { inForceOn } from './read';

export type ProcedureSearchQuery = {
  q?: string;
  field?: string;
  level?: Level;
  unit?: string;
  online?: OnlineLevel;
  page: number;
  pageSize: number;
};

export type ProcedureSearchRow = {
  code: string;
  versionNo: number;
  name: string;
  field: string;
  levels: Level[];
  onlineLevel: OnlineLevel;
  handlingUnitCodes: string[];
  businessRelated: boolean;
  locationIndependent: boolean;
  timeAmount: number;
  timeUnit: TimeUnit;
  details: Record<string, unknown>;
  total: number;
};

/** Longer queries are cut: nobody types more, and each word costs an index probe. */
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;
const MAX_CORRECTIONS = 4;

type QueryWord = { text: string; isKnown: boolean; corrections: string[] };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Words of the query checked against the catalog's vocabulary (table search_words). A word that starts no
 * known word is taken for a typo and replaced by the known words closest to it (edit distance 1, or 2 for
 * words of 5 letters or more): "lihc" → "lich".
 */
async function resolveWords(executor: Executor, words: string[]): Promise<QueryWord[]> {
  const known = rowsOf<{ word: string; known: boolean }>(
    await executor.execute(sql`
      select w.value as word, exists(select 1 from search_words s where s.word like w.value || '%') as known
      from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w(value)`),
  );
  return Promise.all(
    known.map(async ({ word, known: isKnown }) => {
      if (isKnown) return { text: word, isKnown, corrections: [] };
      const limit = word.length >= 5 ? 2 : 1;
      const candidates = rowsOf<{ word: string }>(
        // A typo seldom hits both of the first two letters: the vocabulary to compare shrinks tenfold.
        await executor.execute(sql`select word from search_words
          where length(word) between ${word.length - limit} and ${word.length + limit}
            and (left(word, 1) = ${word.slice(0, 1)} or substr(word, 2, 1) = ${word.slice(1, 2)})`),
      );
      const scored = candidates
        .map((candidate) => ({ word: candidate.word, distance: editDistance(word, candidate.word, limit) }))
        .filter((candidate) => candidate.distance <= limit)
        .sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word))
        .slice(0, MAX_CORRECTIONS);
      return { text: word, isKnown, corrections: scored.map((candidate) => candidate.word) };
    }),
  );
}

/**
 * Vietnamese search as people type. The query and the index share one search form (no accents, đ → d,
 * i/y alike, lower case), so "ly lich tu phap" finds "Cấp Phiếu lý lịch tư pháp". Every word must occur —
 * in any order, the last ones possibly unfinished (prefix match) — in the name, code or field; a misspelt
 * word is replaced by its closest known words. Best first: the exact code, then the words as a phrase in the
 * given order, then cover-density rank (words close together, in the name rather than the field, shorter
 * texts first), then the shorter name.
 */
export async function searchProcedures(executor: Executor, query: ProcedureSearchQuery, day: string) {
  const words = [
    ...new Set(
      toSearchForm((query.q ?? '').slice(0, MAX_QUERY_LENGTH))
        .split(' ')
        .filter(Boolean),
    ),
  ].slice(0, MAX_WORDS);
  const conditions: SQL[] = [inForceOn(day, { from: sql.raw('v.effective_from'), to: sql.raw('v.effective_to') }), sql`not v.is_abolished`];
  if (query.field) conditions.push(sql`v.field = ${query.field}`);
  if (query.level) conditions.push(sql`${query.level} = any(v.levels)`);
  if (query.online) conditions.push(sql`v.online_level = ${query.online}`);
  if (query.unit) conditions.push(sql`(${query.unit} = any(v.handling_unit_codes) or ${query.unit} = any(v.receiving_unit_codes))`);

  // Ranking keys, best first; without words, alphabetical.
  let exactCode: SQL = sql`false`;
  let isPhrase: SQL = sql`false`;
  let rank: SQL = sql`0::real`;
  if (words.length > 0) {
    const resolved = await resolveWords(executor, words);
    if (resolved.some((word) => !word.isKnown && word.corrections.length === 0)) return { rows: [], total: 0 };
    // Words are [a-z0-9]+ (search form), so they can be written into tsquery syntax as they are.
    const matchQuery = resolved.map((word) => (word.isKnown ? `${word.text}:*` : `(${word.corrections.join(' | ')})`)).join(' & ');
    const phraseQuery = resolved.every((word) => word.isKnown) ? words.join(' <-> ') : matchQuery;
    conditions.push(sql`v.search_vector @@ to_tsquery('simple', ${matchQuery})`);
    exactCode = sql`v.code_text = ${query.q?.trim() ?? ''}`;
    isPhrase = sql`v.search_vector @@ to_tsquery('simple', ${phraseQuery})`;
    rank = sql`ts_rank_cd(v.search_vector, to_tsquery('simple', ${matchQuery}), 1)`;
  }
  // Rank the matches on narrow rows first; read the wide columns of one page only.
  const rows = rowsOf<ProcedureSearchRow>(
    await executor.execute(sql`
      with matches as (
        select v.id, ${exactCode} as exact_code, ${isPhrase} as is_phrase, ${rank} as rank, v.name, v.code_text
        from procedure_versions v
        where ${sql.join(conditions, sql` and `)}
      ), page as (
        select m.*, count(*) over()::int as total from matches m
        order by exact_code desc, is_phrase desc, rank desc, length(name) asc, name asc, code_text asc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
      )
      select v.code_text as "code", v.version_no as "versionNo", v.name, v.field, v.levels,
        v.online_level as "onlineLevel", v.handling_unit_codes as "handlingUnitCodes",
        v.business_related as "businessRelated", v.location_independent as "locationIndependent",
        v.time_amount::float8 as "timeAmount", v.time_unit as "timeUnit",
        jsonb_build_object('fees', v.details->'fees', 'processingTime', v.details->'processingTime') as details,
        page.total
      from page join procedure_versions v on v.id = page.id
      order by page.exact_code desc, page.is_phrase desc, page.rank desc, length(page.name) asc, page.name asc, page.code_text asc`),
  );
  const total = rows[0]?.total ?? (query.page > 1 ? await countMatches(executor, conditions) : 0);
  return { rows, total };
}

/** Only needed when a page past the end is asked for: the window count is then absent. */
async function countMatches(executor: Executor, conditions: SQL[]): Promise<number> {
  const result = await executor.execute(
    sql`select count(*)::int as total from procedure_versions v where ${sql.join(conditions, sql` and `)}`,
  );
  return rowsOf<{ total: number }>(result)[0]?.total ?? 0;
}
