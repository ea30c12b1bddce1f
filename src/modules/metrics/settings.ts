import { eq } from 'drizzle-orm';
import { ratingBands } from '../../contract/metrics';
import { DEFAULT_RATING_BANDS, type RatingThreshold } from '../../core/metrics/score';
import type { Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';

/*
 * The metrics module's settings (shared table `settings`, keys of its own — ADR 0002): the day a monthly reporting
 * period starts (TT 01/2020: the 21st) and the rating bands of the index.
 */
export const MONTH_START_DAY_KEY = 'metrics.monthStartDay';
export const RATING_BANDS_KEY = 'metrics.ratingBands';
export const DEFAULT_MONTH_START_DAY = 21;

async function readSetting(executor: Executor, key: string): Promise<unknown> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** The first day of a monthly period (1–28), 21 by default. */
export async function readMonthStartDay(executor: Executor): Promise<number> {
  const value = await readSetting(executor, MONTH_START_DAY_KEY);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 28 ? value : DEFAULT_MONTH_START_DAY;
}

/** The rating bands (lowest score of each), the defaults of docs/DOMAIN.md §5 unless a valid list is stored. */
export async function readRatingBands(executor: Executor): Promise<readonly RatingThreshold[]> {
  const value = await readSetting(executor, RATING_BANDS_KEY);
  if (!Array.isArray(value)) return DEFAULT_RATING_BANDS;
  const bands = value.filter(
    (entry): entry is RatingThreshold =>
      typeof entry === 'object' &&
      entry !== null &&
      ratingBands.includes((entry as RatingThreshold).band) &&
      typeof (entry as RatingThreshold).minScore === 'number',
  );
  return bands.length === value.length && bands.length > 0 ? bands : DEFAULT_RATING_BANDS;
}
