/*
 * The settings of search ranking (docs/api/search.md, "Settings"): the weight of the popularity prior, set by an
 * administrator, and the dossier counts the prior reads, handed over daily by the job search-popularity. Both live in
 * the shared settings table; a write of a `search.*` key bumps the dictionary counter (trigger of migration 0010),
 * and new counts bump the catalog counter too, so that every process rebuilds its index with them.
 */
import { eq, sql } from 'drizzle-orm';
import type { SearchSettings, SearchSettingsInput } from '../../contract/search';
import { forbidden } from '../../core/errors';
import { DEFAULT_POPULARITY_WEIGHT } from '../../core/search/rank';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { can } from './policy';
import {
  loadPopularityWeight,
  loadStoredPopularity,
  POPULARITY_KEY,
  POPULARITY_WEIGHT_KEY,
  popularityFromCounts,
  type StoredPopularity,
} from './popularity';
import { invalidatePublicCatalog, markSearchStateStale, searchSnapshot } from './search-cache';

const TOP = 10;

export async function getSearchSettings(db: Database, actor: Actor | null): Promise<SearchSettings> {
  if (!can(actor, 'search.configure')) throw forbidden();
  const [saved] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, POPULARITY_WEIGHT_KEY));
  const popularityWeight = await loadPopularityWeight(db);
  const stored = await loadStoredPopularity(db);
  return {
    popularityWeight,
    defaultPopularityWeight: DEFAULT_POPULARITY_WEIGHT,
    isDefault: saved === undefined,
    popularity: stored ? await summarise(db, stored) : null,
  };
}

async function summarise(db: Database, stored: StoredPopularity): Promise<NonNullable<SearchSettings['popularity']>> {
  const entries = Object.entries(stored.counts).filter(([, n]) => n > 0);
  const popularityOf = popularityFromCounts(stored.counts);
  const names = new Map((await searchSnapshot(db, vietnamDate())).entries.map((entry) => [entry.code, entry.name]));
  const top = entries
    .sort(([codeA, a], [codeB, b]) => b - a || codeA.localeCompare(codeB))
    .slice(0, TOP)
    .map(([code, dossiers]) => ({ code, name: names.get(code) ?? null, dossiers, popularity: popularityOf(code) }));
  return {
    period: { from: stored.from, to: stored.to },
    computedAt: stored.computedAt,
    procedures: entries.length,
    dossiers: entries.reduce((sum, [, n]) => sum + n, 0),
    top,
  };
}

/** Administrators only: the weight changes every search's order. Takes effect on the next query of every process. */
export async function saveSearchSettings(db: Database, actor: Actor | null, input: SearchSettingsInput): Promise<SearchSettings> {
  if (!can(actor, 'search.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await loadPopularityWeight(tx);
    await tx
      .insert(settings)
      .values({ key: POPULARITY_WEIGHT_KEY, value: input.popularityWeight })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: input.popularityWeight, version: sql`${settings.version} + 1`, updatedAt: new Date() },
      });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.update',
      entityType: 'setting',
      entityId: POPULARITY_WEIGHT_KEY,
      data: { before, after: input.popularityWeight },
    });
  });
  markSearchStateStale();
  return getSearchSettings(db, actor);
}

/**
 * Hands search the dossiers each procedure received in `period` (the job search-popularity, once a day). Stored in
 * setting `search.popularity`, so that a restart and every other process use them; the catalog counter is bumped
 * in the same transaction, so that every process rebuilds its index with them on its next query. Counts equal to
 * the stored ones change nothing. Returns whether they changed.
 */
export async function setPopularity(
  db: Database,
  input: { period: { from: string; to: string }; computedAt: Date; counts: ReadonlyMap<string, number> },
): Promise<{ isChanged: boolean; procedures: number }> {
  const counts = Object.fromEntries([...input.counts].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
  const value: StoredPopularity = { ...input.period, computedAt: input.computedAt.toISOString(), counts };
  const stored = await loadStoredPopularity(db);
  const procedures = Object.keys(counts).length;
  if (stored && stored.from === value.from && stored.to === value.to && sameCounts(stored.counts, counts)) {
    return { isChanged: false, procedures };
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: POPULARITY_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await invalidatePublicCatalog(tx);
  });
  markSearchStateStale();
  return { isChanged: true, procedures };
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
