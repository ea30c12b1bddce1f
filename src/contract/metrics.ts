/**
 * Monitoring (issue 13, docs/api/metrics.md): the KPI index of Quyết định 766/QĐ-TTg and the statistical report
 * Biểu 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP), for a unit (its subtree) and a period of Vietnam days. Shared by the
 * server, the web app and the exports built on top of it.
 */
import { z } from 'zod';
import { isoDateSchema, pageSchema } from './common';

/** At most this many days in one query: a longer period is several. */
export const METRICS_MAX_DAYS = 3_660;

/** How an indicator is computed from the data: the indicator set (data, versioned) names one of these. */
export const indicatorFormulas = [
  'procedures_published_on_time',
  'decisions_public_in_time',
  'dossiers_synced',
  'dossiers_on_time',
  'average_processing_time',
  'procedures_online',
  'online_dossiers',
  'online_payments',
  'digitised_dossiers',
  'reused_dossiers',
  'electronic_results',
  'feedback_on_time',
  'satisfaction',
] as const;
export type IndicatorFormula = (typeof indicatorFormulas)[number];

/** Indicators whose numerator and denominator are dossiers: each part lists them (the drill). */
export const dossierIndicatorFormulas = [
  'dossiers_synced',
  'dossiers_on_time',
  'average_processing_time',
  'online_dossiers',
  'digitised_dossiers',
  'reused_dossiers',
  'electronic_results',
] as const satisfies readonly IndicatorFormula[];
export type DossierIndicatorFormula = (typeof dossierIndicatorFormulas)[number];

export const ratingBands = ['xuat_sac', 'tot', 'kha', 'trung_binh', 'yeu'] as const;
export type RatingBand = (typeof ratingBands)[number];
export const ratingBandLabels: Record<RatingBand, string> = {
  xuat_sac: 'Xuất sắc',
  tot: 'Tốt',
  kha: 'Khá',
  trung_binh: 'Trung bình',
  yeu: 'Yếu',
};

const periodQueryShape = {
  unit: z.string().trim().min(2, 'Mã đơn vị không hợp lệ.').max(40, 'Mã đơn vị không hợp lệ.'),
  from: isoDateSchema,
  to: isoDateSchema,
};

function checkPeriod<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((query) => query.from <= query.to, { path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' })
    .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < METRICS_MAX_DAYS, {
      path: ['to'],
      message: `Một kỳ tối đa ${METRICS_MAX_DAYS} ngày; hãy chia thành nhiều kỳ.`,
    });
}

/** `unit` is a unit's code (its subtree counts); `from` and `to` are Vietnam days, both included. */
export const metricsPeriodQuerySchema = checkPeriod(z.object(periodQueryShape));
export type MetricsPeriodQuery = z.infer<typeof metricsPeriodQuerySchema>;

export const indicatorDrillQuerySchema = checkPeriod(
  z.object({
    ...periodQueryShape,
    indicator: z.string().trim().min(1, 'Thiếu mã chỉ số.').max(60, 'Mã chỉ số không hợp lệ.'),
    part: z.enum(['numerator', 'denominator'], 'Phần phải là numerator (tử số) hoặc denominator (mẫu số).'),
    page: pageSchema,
  }),
);
export type IndicatorDrillQuery = z.infer<typeof indicatorDrillQuerySchema>;

export const metricsUnitSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const indicatorViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  formula: z.enum(indicatorFormulas),
  /** Null when the data does not exist yet ("chưa có dữ liệu": feedback, payments, an unpublished list). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** numerator ÷ denominator (0–1; for the average processing time: allotted ÷ used working days); null without data or with a zero denominator. */
  ratio: z.number().nullable(),
  /** The target ratio (0–1): at or above it the indicator scores its maximum. */
  target: z.number(),
  maxPoints: z.number(),
  /** maxPoints when ratio ≥ target, else ratio × maxPoints ÷ target; null when the ratio is null. */
  points: z.number().nullable(),
  /** Why there is no figure, in Vietnamese ("Chưa có dữ liệu…"); null when there is one. */
  noDataReason: z.string().nullable(),
  /** Extra figures of the indicator (the average processing time in working days…). */
  measures: z.record(z.string(), z.number().nullable()),
  /** Whether numerator and denominator list dossiers (GET /api/metrics/index/drill). */
  isDrillable: z.boolean(),
});
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorGroupViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  /** Points of the indicators with data; null when none has data. */
  points: z.number().nullable(),
  /** Maximum of the indicators with data. */
  availableMaxPoints: z.number(),
  indicators: z.array(indicatorViewSchema),
});

export const metricsIndexSchema = z.object({
  unit: metricsUnitSchema,
  from: z.string(),
  to: z.string(),
  /** The indicator set in force on `to` (its version's first day). */
  indicatorSetFrom: z.string(),
  groups: z.array(indicatorGroupViewSchema),
  /** Σ maxPoints of every indicator (100 for the national set). */
  maxPoints: z.number(),
  /** Σ points of the indicators with data. */
  points: z.number(),
  /** Σ maxPoints of the indicators with data: those without are left out of the total. */
  availableMaxPoints: z.number(),
  /** points ÷ availableMaxPoints × maxPoints: the total on the index's scale; null when no indicator has data. */
  score: z.number().nullable(),
  rating: z.enum(ratingBands).nullable(),
  ratingLabel: z.string().nullable(),
});
export type MetricsIndexView = z.infer<typeof metricsIndexSchema>;

export const drillDossierSchema = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  /** Masked as in the inbox (••••••••1234). */
  applicantIdNumber: z.string(),
  applicantName: z.string(),
  handlingUnitName: z.string(),
  channel: z.string(),
  status: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  timing: z.string().nullable(),
});

export const indicatorDrillSchema = z.object({
  indicator: z.string(),
  part: z.enum(['numerator', 'denominator']),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(drillDossierSchema),
});
export type IndicatorDrillView = z.infer<typeof indicatorDrillSchema>;

/** One row's figures of Biểu 06 (TT 01/2020/TT-VPCP). */
export const bieu06FiguresSchema = z.object({
  received: z.object({
    /** carriedOver + online + directOrPostal. */
    total: z.number(),
    online: z.number(),
    directOrPostal: z.number(),
    carriedOver: z.number(),
  }),
  resolved: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number() }),
  /** Stopped on the applicant's request or refused in processing: ended without a result (not a TT 01 column). */
  closedWithoutResult: z.number(),
  inProgress: z.object({ total: z.number(), withinTime: z.number(), overdue: z.number() }),
});
export type Bieu06Figures = z.infer<typeof bieu06FiguresSchema>;

export const bieu06Schema = z.object({
  unit: metricsUnitSchema,
  from: z.string(),
  to: z.string(),
  levels: z.array(
    z.object({
      level: z.string(),
      levelLabel: z.string(),
      totals: bieu06FiguresSchema,
      fields: z.array(z.object({ field: z.string(), figures: bieu06FiguresSchema })),
    }),
  ),
  totals: bieu06FiguresSchema,
});
export type Bieu06View = z.infer<typeof bieu06Schema>;

export const reportingPeriodKinds = ['month', 'quarter', 'year'] as const;
export type ReportingPeriodKind = (typeof reportingPeriodKinds)[number];
