import type { RatingBand } from '../../contract/metrics';

/*
 * Scoring of the KPI index (Quyết định 766/QĐ-TTg, docs/DOMAIN.md §5): pure, no I/O.
 */

/** Points of an indicator: Pmax when the ratio reaches the target, else ratio × Pmax ÷ target; null without data. */
export function indicatorPoints(ratio: number | null, target: number, maxPoints: number): number | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  if (ratio >= target) return maxPoints;
  return roundPoints((Math.max(ratio, 0) * maxPoints) / target);
}

/** Points kept to two decimals, as the national portal shows them. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/** A ratio or null when the denominator is zero (a unit with no dossiers has no figure, never a division by zero). */
export function ratioOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A rating band: the lowest score of each band, best first (setting `metrics.ratingBands`). */
export type RatingThreshold = { band: RatingBand; minScore: number };

export const DEFAULT_RATING_BANDS: readonly RatingThreshold[] = [
  { band: 'xuat_sac', minScore: 90 },
  { band: 'tot', minScore: 80 },
  { band: 'kha', minScore: 70 },
  { band: 'trung_binh', minScore: 50 },
  { band: 'yeu', minScore: 0 },
];

/** The band of a score on the 100-point scale: the first whose lowest score it reaches. */
export function ratingOf(score: number | null, bands: readonly RatingThreshold[] = DEFAULT_RATING_BANDS): RatingBand | null {
  if (score === null) return null;
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((entry) => score >= entry.minScore)?.band ?? sorted.at(-1)?.band ?? null;
}

/**
 * The total of the index: the points of the indicators with data, brought back to the full scale (the maximum of
 * the indicators without data is left out rather than scored 0), docs/api/metrics.md "Indicators without data".
 */
export function indexScore(points: number, availableMaxPoints: number, maxPoints: number): number | null {
  if (availableMaxPoints <= 0) return null;
  return roundPoints((points / availableMaxPoints) * maxPoints);
}
