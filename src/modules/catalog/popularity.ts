/*
 * The popularity prior of search (docs/adr/0001-vietnamese-search.md, "Popularity"): how often citizens use a
 * procedure, in [0, 1], times a weight (setting `search.popularityWeight`, default DEFAULT_POPULARITY_WEIGHT) raises
 * its score. The counts are the dossiers each procedure received in the last 12 months, handed over once a day by the
 * job `search-popularity` (src/jobs/search-popularity.ts) and kept in setting `search.popularity`. Both are read when
 * the search snapshot is built (after a publication, a dictionary change, a change of a `search.*` setting — trigger
 * of migration 0010 — or the day's first query), never per query.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_POPULARITY_WEIGHT } from '../../core/search/rank';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';

export const POPULARITY_WEIGHT_KEY = 'search.popularityWeight';
export const POPULARITY_KEY = 'search.popularity';
/** The documented range of the weight: 0 turns the prior off, 1 lets the most used procedure score up to twice. */
export const MAX_POPULARITY_WEIGHT = 1;
const weightSchema = z.number().min(0).max(MAX_POPULARITY_WEIGHT);

/** What the job stored: the period counted (Vietnamese days), when, and the dossiers per procedure code. */
export const storedPopularitySchema = z.object({
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type StoredPopularity = z.infer<typeof storedPopularitySchema>;

/**
 * The seam the ranking reads: a procedure's popularity in [0, 1], a synchronous look-up in counts loaded with the
 * snapshot.
 */
export type PopularityOf = (code: string) => number;
export const noPopularity: PopularityOf = () => 0;

/**
 * popularity(code) = ln(1 + n) / ln(1 + max), n the procedure's dossiers of the last 12 months and max those of the
 * most used procedure: 0 without dossiers, 1 for the most used. The logarithm because dossier counts spread over
 * orders of magnitude (a few procedures take most dossiers): on a linear scale every procedure but the top few would
 * weigh nothing, and a prior that large would override what the query says.
 */
export function popularityFromCounts(counts: Readonly<Record<string, number>>): PopularityOf {
  const max = Math.max(0, ...Object.values(counts));
  if (max === 0) return noPopularity;
  const scale = Math.log1p(max);
  return (code) => {
    const n = counts[code] ?? 0;
    return n > 0 ? Math.log1p(n) / scale : 0;
  };
}

/** The weight of the prior: the setting when it holds a number in [0, 1], else the default. */
export async function loadPopularityWeight(executor: Executor): Promise<number> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, POPULARITY_WEIGHT_KEY));
  const parsed = row ? weightSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_POPULARITY_WEIGHT;
}

/** The counts the job stored last, or null before its first run (or when the stored value is unreadable). */
export async function loadStoredPopularity(executor: Executor): Promise<StoredPopularity | null> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, POPULARITY_KEY));
  const parsed = row ? storedPopularitySchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : null;
}
