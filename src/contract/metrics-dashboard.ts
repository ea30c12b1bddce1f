/**
 * The monitoring dashboards (issue 13, docs/api/metrics-exports.md): the trend by reporting month and the ranking of
 * a unit's children, for staff, and the province's public statistics. Built on the KPI index and Biểu 06 of
 * src/contract/metrics.ts.
 */
import { z } from 'zod';
import { pageSchema } from './common';
import { unitTypes } from './enums';
import {
  bieu06FiguresSchema,
  drillDossierSchema,
  METRICS_MAX_DAYS,
  metricsIndexSchema,
  metricsPeriodQuerySchema,
  metricsUnitSchema,
  ratingBands,
} from './metrics';

/** At most this many reporting months in one trend (two years). */
export const TREND_MAX_MONTHS = 24;

export const metricsTrendQuerySchema = metricsPeriodQuerySchema;
export const metricsRankingQuerySchema = metricsPeriodQuerySchema;

/** The score of a unit in a period, with the dossier counts behind the progress indicators. */
const scoreFields = {
  score: z.number().nullable(),
  rating: z.enum(ratingBands).nullable(),
  ratingLabel: z.string().nullable(),
  points: z.number(),
  availableMaxPoints: z.number(),
  maxPoints: z.number(),
  /** Points per group (its code), null when no indicator of the group has data. */
  groupPoints: z.record(z.string(), z.number().nullable()),
  /** Per indicator (its code): its fraction and points, null without data (a chart per indicator). */
  indicators: z.record(
    z.string(),
    z.object({
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      ratio: z.number().nullable(),
      points: z.number().nullable(),
    }),
  ),
  /** Received in the period (online, direct/postal). */
  received: z.number(),
  receivedOnline: z.number(),
  resolvedEarly: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  /** In progress at the period's end, and of them past their due day. */
  inProgress: z.number(),
  overdue: z.number(),
};

export const trendPointSchema = z.object({
  /** The reporting month: month `month` of `year` runs from the start day of the month before (21/11 → 20/12). */
  year: z.number(),
  month: z.number(),
  from: z.string(),
  to: z.string(),
  ...scoreFields,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const metricsTrendSchema = z.object({
  unit: metricsUnitSchema,
  from: z.string(),
  to: z.string(),
  /** The reporting months that overlap [from, to], each cut to it; months that start after today are left out. */
  months: z.array(trendPointSchema),
});
export type MetricsTrendView = z.infer<typeof metricsTrendSchema>;

export const rankingItemSchema = z.object({ unit: metricsUnitSchema, type: z.enum(unitTypes), ...scoreFields });
export type RankingItem = z.infer<typeof rankingItemSchema>;

export const metricsRankingSchema = z.object({
  unit: metricsUnitSchema,
  from: z.string(),
  to: z.string(),
  /** The unit's direct children (one-stop desks left out: they hand dossiers on), best score first, no score last. */
  items: z.array(rankingItemSchema),
});
export type MetricsRankingView = z.infer<typeof metricsRankingSchema>;

export const publicStatisticsQuerySchema = z.object({
  year: z.coerce
    .number('Năm không hợp lệ.')
    .int('Năm không hợp lệ.')
    .min(2000, 'Năm không hợp lệ.')
    .max(2100, 'Năm không hợp lệ.')
    .optional(),
});

/** The province's results (công khai): no dossier, no person, only the figures. */
export const publicStatisticsSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  /** The year's reporting period so far: from its first day to today (or its last day for a past year). */
  from: z.string(),
  to: z.string(),
  index: metricsIndexSchema.omit({ unit: true }),
  totals: bieu06FiguresSchema,
  months: z.array(trendPointSchema),
});
export type PublicStatisticsView = z.infer<typeof publicStatisticsSchema>;

/**
 * The dossiers behind the dashboard's warnings: `late` resolved late in the period; `overdue` in progress at its end
 * and past their due day; `due_soon` in progress at its end and due within `DUE_SOON_DAYS` days after it.
 */
export const dossierWarningLists = ['late', 'overdue', 'due_soon'] as const;
export type DossierWarningList = (typeof dossierWarningLists)[number];
export const DUE_SOON_DAYS = 3;

export const metricsDossierListQuerySchema = z
  .object({
    ...metricsPeriodQuerySchema.shape,
    list: z.enum(dossierWarningLists, 'Danh sách phải là late (trả quá hạn), overdue (đang quá hạn) hoặc due_soon (sắp đến hạn).'),
    page: pageSchema,
  })
  // The period's rules, as metricsPeriodQuerySchema checks them.
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < METRICS_MAX_DAYS, {
    path: ['to'],
    message: `Một kỳ tối đa ${METRICS_MAX_DAYS} ngày; hãy chia thành nhiều kỳ.`,
  });
export type MetricsDossierListQuery = z.infer<typeof metricsDossierListQuerySchema>;

export const metricsDossierListSchema = z.object({
  list: z.enum(dossierWarningLists),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(drillDossierSchema),
});
export type MetricsDossierListView = z.infer<typeof metricsDossierListSchema>;
