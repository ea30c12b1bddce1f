/*
 * The popularity prior of search (docs/adr/0001-vietnamese-search.md): how often citizens use a procedure, in [0, 1],
 * times a weight (setting `search.popularityWeight`, default DEFAULT_POPULARITY_WEIGHT) raises its score. Read when
 * the search snapshot is built (after a publication, a dictionary change or a change of a `search.*` setting —
 * trigger of migration 0010), never per query.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_POPULARITY_WEIGHT } from '../../core/search/rank';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';

export const POPULARITY_WEIGHT_KEY = 'search.popularityWeight';
const weightSchema = z.number().min(0).max(1);

/**
 * The seam the ranking reads: a procedure's popularity in [0, 1]. 0 for every code until the dossier engine counts
 * dossiers; it will then give, per code, the dossiers of the last twelve months relative to the most used procedure
 * (a count loaded with the snapshot, so that this stays a synchronous look-up).
 */
export type PopularityOf = (code: string) => number;
export const noPopularity: PopularityOf = () => 0;

/** The weight of the prior: the setting when it holds a number in [0, 1], else the default. */
export async function loadPopularityWeight(executor: Executor): Promise<number> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, POPULARITY_WEIGHT_KEY));
  const parsed = row ? weightSchema.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_POPULARITY_WEIGHT;
}
