import type { Level, OnlineLevel } from '../../contract/enums';
import { rankDocuments } from '../../core/search/rank';
import type { Executor } from '../../db/client';
import { type CatalogEntry, searchSnapshot } from './search-cache';

export type ProcedureSearchQuery = {
  q?: string;
  field?: string;
  level?: Level;
  unit?: string;
  online?: OnlineLevel;
  page: number;
  pageSize: number;
};

export type ProcedureSearchRow = CatalogEntry;

export type FacetCount = { value: string; count: number };
export type SearchFacets = { levels: FacetCount[]; fields: FacetCount[]; units: FacetCount[] };

export type ProcedureSearchResult = {
  rows: ProcedureSearchRow[];
  total: number;
  suggestion: string | null;
  matchedWords: string[];
  isApproximate: boolean;
  facets: SearchFacets;
};

type Filter = (entry: CatalogEntry) => boolean;

function filtersOf(query: ProcedureSearchQuery): Record<'field' | 'level' | 'unit' | 'online', Filter> {
  const { field, level, unit, online } = query;
  return {
    field: (entry) => !field || entry.field === field,
    level: (entry) => !level || entry.levels.includes(level),
    unit: (entry) => !unit || entry.handlingUnitCodes.includes(unit) || entry.receivingUnitCodes.includes(unit),
    online: (entry) => !online || entry.onlineLevel === online,
  };
}

function countBy(entries: CatalogEntry[], valuesOf: (entry: CatalogEntry) => string[], limit: number): FacetCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const value of new Set(valuesOf(entry))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

/** Counts per level, field and handling unit among the matches, each dimension under the other filters only. */
function facetsOf(matches: CatalogEntry[], filters: ReturnType<typeof filtersOf>): SearchFacets {
  const except = (skipped: keyof typeof filters) =>
    matches.filter((entry) => (Object.keys(filters) as (keyof typeof filters)[]).every((key) => key === skipped || filters[key](entry)));
  return {
    levels: countBy(except('level'), (entry) => entry.levels, 10),
    fields: countBy(except('field'), (entry) => [entry.field], 30),
    units: countBy(except('unit'), (entry) => entry.handlingUnitCodes, 30),
  };
}

/**
 * Vietnamese search as people type (docs/adr/0001-vietnamese-search.md): ranked retrieval over the catalog held in
 * memory — every procedure sharing a word with the query (as typed, corrected, or through the dictionary) is scored,
 * best first; fillers need not match; a misspelt query gets a suggestion; with nothing close, no result. Without
 * words, every procedure under the filters, shorter names first. Only versions in force on `day` and not abolished.
 */
export async function searchProcedures(executor: Executor, query: ProcedureSearchQuery, day: string): Promise<ProcedureSearchResult> {
  const snapshot = await searchSnapshot(executor, day);
  const filters = filtersOf(query);
  const passes = (entry: CatalogEntry) => filters.field(entry) && filters.level(entry) && filters.unit(entry) && filters.online(entry);
  const text = query.q ?? '';
  const outcome = text.trim() ? rankDocuments(snapshot.index, snapshot.dictionary, text, false, snapshot.popularityWeight) : null;
  const order = outcome ? outcome.hits.map((hit) => hit.document) : snapshot.listingOrder;
  const matches = order.map((position) => snapshot.entries[position]!);
  const isEmptyQuery = outcome !== null && outcome.matchedWords.length === 0 && outcome.hits.length === 0 && hasNoWords(text);
  const selected = isEmptyQuery ? snapshot.listingOrder.map((position) => snapshot.entries[position]!) : matches;
  const filtered = selected.filter(passes);
  const start = (query.page - 1) * query.pageSize;
  return {
    rows: filtered.slice(start, start + query.pageSize),
    total: filtered.length,
    suggestion: outcome?.suggestion ?? null,
    matchedWords: outcome?.matchedWords ?? [],
    isApproximate: outcome?.isApproximate ?? false,
    facets: facetsOf(selected, filters),
  };
}

/** A query of punctuation only ("%%%", "_") names no word: it lists everything, as an empty query does. */
const hasNoWords = (text: string) => !/[\p{L}\p{N}]/u.test(text);
