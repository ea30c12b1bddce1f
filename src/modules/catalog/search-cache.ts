/*
 * The catalog and the dictionary held in memory for search (docs/adr/0001-vietnamese-search.md). The catalog changes
 * only on publication: two counters (table search_state, bumped by statement triggers on procedure_versions and
 * search_synonyms, migration 0008) are read after a change announced on channel motcua_search_state (migration 0010,
 * `watchSearchState`) — on every query where nothing listens — and what changed is rebuilt — so a publication or a new
 * synonym is seen on the next query, in every process, without a restart. Concurrent queries share one check and one
 * rebuild.
 */
import { sql } from 'drizzle-orm';
import type { Level, OnlineLevel, TimeUnit } from '../../contract/enums';
import { CatalogIndex } from '../../core/search/catalog-index';
import { SearchDictionary } from '../../core/search/dictionary';
import type { DatabaseHandle, Executor } from '../../db/client';
import { loadPopularityWeight, loadStoredPopularity, type PopularityOf, popularityFromCounts } from './popularity';
import { inForceOn } from './read';

export type CatalogEntry = {
  code: string;
  versionNo: number;
  name: string;
  field: string;
  levels: Level[];
  onlineLevel: OnlineLevel;
  handlingUnitCodes: string[];
  receivingUnitCodes: string[];
  businessRelated: boolean;
  locationIndependent: boolean;
  timeAmount: number;
  timeUnit: TimeUnit;
  details: Record<string, unknown>;
};

type Row = CatalogEntry & { result: string | null; components: string | null };
export type Versions = { catalog: number; dictionary: number };

export type SearchSnapshot = {
  index: CatalogIndex;
  dictionary: SearchDictionary;
  /** Weight of the popularity prior (setting `search.popularityWeight`), reloaded with the dictionary. */
  popularityWeight: number;
  /** Same order as the index's documents. */
  entries: CatalogEntry[];
  /** Entries in the order of a listing without words: shorter names first, then alphabetical. */
  listingOrder: number[];
};

type CacheState = {
  day: string;
  versions: Versions;
  snapshot: SearchSnapshot;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** One cache per database handle (tests open many). */
const states = new WeakMap<object, CacheState>();
const pending = new WeakMap<object, Map<string, Promise<SearchSnapshot>>>();

const pendingVersions = new WeakMap<object, Promise<Versions>>();

/**
 * What a process listening to channel motcua_search_state (migration 0010) knows of the counters: while no
 * notification came since its last read, the counters are as read, and a public request reads nothing. Trusted for
 * at most TRUST_MS all the same, in case a notification was lost with its connection.
 */
type Watch = { isListening: boolean; isStale: boolean; versions?: Versions; readAt: number };
const watches = new WeakMap<object, Watch>();
/** The same watches, to mark them all stale after a write of this process. */
const allWatches = new Set<Watch>();
const TRUST_MS = 5_000;

/**
 * A write answered by this process may have changed the catalog or the dictionary: its notification reaches the
 * listener a moment later (PostgreSQL delivers it asynchronously), so the next query of this process reads the
 * counters instead of trusting them — "effective on the next query" holds for the one who made the change.
 */
export function markSearchStateStale(): void {
  for (const watch of allWatches) watch.isStale = true;
}

/**
 * Starts listening to the counters' changes on this database (once per handle). Until it listens, and if the
 * listening connection is lost, every request reads the counters as before.
 */
export async function watchSearchState(handle: DatabaseHandle): Promise<void> {
  if (watches.has(handle.db)) return;
  const watch: Watch = { isListening: false, isStale: true, readAt: 0 };
  watches.set(handle.db, watch);
  allWatches.add(watch);
  try {
    await handle.listen(
      'motcua_search_state',
      () => {
        watch.isStale = true;
      },
      () => {
        watch.isListening = false;
      },
    );
    // A change committed before LISTEN took effect sent nothing: read once more.
    watch.isStale = true;
    watch.isListening = true;
  } catch {
    watch.isListening = false;
  }
}

/**
 * The counters of search_state. On a watched database, the last read while no change was announced; otherwise one
 * primary-key read, shared by every query that arrives while it runs — under a crowd the embedded database's one
 * connection sees one read per batch of requests, not one per request.
 */
export function readVersions(executor: Executor): Promise<Versions> {
  const key = executor as object;
  const watch = watches.get(key);
  if (watch?.isListening && !watch.isStale && watch.versions && Date.now() - watch.readAt < TRUST_MS) {
    return Promise.resolve(watch.versions);
  }
  const running = pendingVersions.get(key);
  if (running) return running;
  const startedAt = Date.now();
  // A notification arriving while this read runs marks it stale again.
  if (watch) watch.isStale = false;
  const promise = executor
    .execute(sql`select catalog_version as catalog, dictionary_version as dictionary from search_state where id = 1`)
    .then((result) => {
      const [row] = rowsOf<{ catalog: string | number; dictionary: string | number }>(result);
      const versions = { catalog: Number(row?.catalog ?? 0), dictionary: Number(row?.dictionary ?? 0) };
      if (watch) {
        watch.versions = versions;
        watch.readAt = startedAt;
      }
      return versions;
    })
    .catch((error: unknown) => {
      if (watch) watch.isStale = true;
      throw error;
    })
    .finally(() => pendingVersions.delete(key));
  pendingVersions.set(key, promise);
  return promise;
}

async function readEntries(executor: Executor, day: string): Promise<Row[]> {
  return rowsOf<Row>(
    await executor.execute(sql`
      select v.code_text as "code", v.version_no as "versionNo", v.name, v.field, v.levels,
        v.online_level as "onlineLevel", v.handling_unit_codes as "handlingUnitCodes",
        v.receiving_unit_codes as "receivingUnitCodes",
        v.business_related as "businessRelated", v.location_independent as "locationIndependent",
        v.time_amount::float8 as "timeAmount", v.time_unit as "timeUnit",
        jsonb_build_object('fees', v.details->'fees', 'processingTime', v.details->'processingTime') as details,
        v.details->>'result' as result,
        (select string_agg(c->>'name', ' ') from jsonb_array_elements(
          case when jsonb_typeof(v.details->'components') = 'array' then v.details->'components' else '[]'::jsonb end) c) as components
      from procedure_versions v
      where ${inForceOn(day, { from: sql.raw('v.effective_from'), to: sql.raw('v.effective_to') })} and not v.is_abolished
      order by v.code_text`),
  );
}

async function readDictionary(executor: Executor): Promise<SearchDictionary> {
  const rows = rowsOf<{ term: string; expansion: string }>(await executor.execute(sql`select term, expansion from search_synonyms`));
  return new SearchDictionary(rows);
}

function buildSnapshot(rows: Row[], dictionary: SearchDictionary, popularityWeight: number, popularityOf: PopularityOf): SearchSnapshot {
  const index = new CatalogIndex(
    rows.map((row) => ({
      code: row.code,
      name: row.name,
      field: row.field,
      result: row.result ?? '',
      components: row.components ?? '',
      popularity: popularityOf(row.code),
    })),
  );
  const entries = rows.map(({ result: _result, components: _components, ...entry }) => entry);
  const listingOrder = entries.map((_, position) => position).sort((a, b) => index.listingRank[a]! - index.listingRank[b]!);
  return { index, dictionary, popularityWeight, entries, listingOrder };
}

async function refresh(database: object, executor: Executor, day: string): Promise<SearchSnapshot> {
  const versions = await readVersions(executor);
  const current = states.get(database);
  if (
    current &&
    current.day === day &&
    current.versions.catalog === versions.catalog &&
    current.versions.dictionary === versions.dictionary
  ) {
    return current.snapshot;
  }
  let snapshot: SearchSnapshot;
  if (current && current.day === day && current.versions.catalog === versions.catalog) {
    snapshot = { ...current.snapshot, dictionary: await readDictionary(executor), popularityWeight: await loadPopularityWeight(executor) };
  } else {
    const [rows, dictionary] = [await readEntries(executor, day), await readDictionary(executor)];
    // The dossier counts of the job search-popularity (popularity.ts): read with the catalog, never per query.
    const popularity = await loadStoredPopularity(executor);
    snapshot = buildSnapshot(rows, dictionary, await loadPopularityWeight(executor), popularityFromCounts(popularity?.counts ?? {}));
  }
  states.set(database, { day, versions, snapshot });
  return snapshot;
}

/**
 * The search snapshot of `day` for this database, up to date with its last publication and dictionary change.
 * Queries that arrive while a check runs wait for that check instead of starting their own.
 */
export function searchSnapshot(executor: Executor, day: string): Promise<SearchSnapshot> {
  const key = executor as object;
  const byDay = pending.get(key) ?? new Map<string, Promise<SearchSnapshot>>();
  pending.set(key, byDay);
  const running = byDay.get(day);
  if (running) return running;
  const promise = refresh(key, executor, day).finally(() => byDay.delete(day));
  byDay.set(day, promise);
  return promise;
}

/**
 * For a change that alters what the public sees of the catalog without writing procedure_versions (a decision's
 * document, a unit's opening hours shown on procedure pages…): bumps the counter so that every process drops its
 * cached answers and search snapshot. Call inside the change's transaction.
 */
export async function invalidatePublicCatalog(executor: Executor): Promise<void> {
  await executor.execute(sql`update search_state set catalog_version = catalog_version + 1 where id = 1`);
}
