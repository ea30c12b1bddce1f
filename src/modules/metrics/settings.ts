import { eq, sql } from 'drizzle-orm';
import { ratingBands } from '../../contract/metrics';
import { DEFAULT_RATING_BANDS, type RatingThreshold } from '../../core/metrics/score';
import type { Database, Executor } from '../../db/client';
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

/**
 * Changes the first day of the reporting months and rebuilds the monthly rollup (its rows are reporting months) from
 * the daily one, in one transaction: the figures of any period stay the same, only their speed depends on it.
 */
export async function setMonthStartDay(db: Database, startDay: number): Promise<void> {
  await db.transaction((tx) => writeMonthStartDay(tx, startDay));
}

/**
 * The same within the caller's transaction (the settings API writes the bands and its audit event with it). The
 * monthly rollup is locked while it is rebuilt: a dossier's trigger waits, then counts into the new months.
 */
export async function writeMonthStartDay(tx: Executor, startDay: number): Promise<void> {
  if (!Number.isInteger(startDay) || startDay < 1 || startDay > 28) throw new RangeError(`monthStartDay must be 1–28, got ${startDay}`);
  await tx
    .insert(settings)
    .values({ key: MONTH_START_DAY_KEY, value: startDay })
    .onConflictDoUpdate({ target: settings.key, set: { value: startDay, updatedAt: new Date(), version: sql`${settings.version} + 1` } });
  await tx.execute(sql`lock table metrics_monthly in exclusive mode`);
  await tx.execute(sql`delete from metrics_monthly`);
  await tx.execute(sql`
    insert into metrics_monthly
    select unit_id, field, level, metrics_month_bucket(day, ${startDay}::int) as month, sum(received), sum(received_online),
      sum(received_digitised), sum(received_reused), sum(received_synced), sum(ended), sum(resolved_early), sum(resolved_on_time),
      sum(resolved_late), sum(resolved_electronic), sum(timed), sum(processing_days), sum(allotted_days), sum(due), sum(due_or_end)
    from metrics_daily group by unit_id, month, field, level`);
}

/** Stores the rating bands (checked by the caller: src/contract/metrics-settings.ts). */
export async function writeRatingBands(tx: Executor, bands: readonly RatingThreshold[]): Promise<void> {
  const value = bands.map((entry) => ({ band: entry.band, minScore: entry.minScore }));
  await tx
    .insert(settings)
    .values({ key: RATING_BANDS_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(), version: sql`${settings.version} + 1` } });
}
