/**
 * Measured, not only published (issue 13, docs/api/metrics.md "Measured processing time"): per procedure or per
 * child unit, how long the dossiers resolved in a period really took in working time — median and p90, paused time
 * excluded — beside the statutory and committed time, and the change against the same dates of 2024 (NQ 66's
 * baseline).
 */
import { z } from 'zod';
import { committedTimeViewSchema } from './catalog-processes';
import { isoDateSchema, pageSchema } from './common';
import { metricsUnitSchema } from './metrics';

/** At most this many days in one question: a year (a reporting year 21/12 → 20/12 included) and a leap day. */
export const PROCESSING_TIMES_MAX_DAYS = 366;
export const PROCESSING_TIMES_PAGE_SIZE = 50;

/** What a row stands for when there were no dossiers in 2024 to compare with. */
export const NO_BASELINE_NOTE = 'Không có hồ sơ năm 2024 để so sánh';
export const NO_DOSSIERS_NOTE = 'Không có hồ sơ được giải quyết trong kỳ';
export const ZERO_BASELINE_NOTE = 'Trung vị năm 2024 bằng 0: không tính được tỉ lệ thay đổi';

export const processingTimesGroupings = ['procedure', 'unit'] as const;
export type ProcessingTimesGrouping = (typeof processingTimesGroupings)[number];

export const processingTimesQuerySchema = z
  .object({
    unit: z.string().trim().min(2, 'Mã đơn vị không hợp lệ.').max(40, 'Mã đơn vị không hợp lệ.'),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Only this procedure (its code). */
    procedure: z.string().trim().min(1, 'Mã thủ tục không hợp lệ.').max(40, 'Mã thủ tục không hợp lệ.').optional(),
    groupBy: z.enum(processingTimesGroupings, 'Nhóm theo procedure (thủ tục) hoặc unit (đơn vị).').default('procedure'),
    page: pageSchema,
    pageSize: z.coerce.number().int().min(1).max(100).default(PROCESSING_TIMES_PAGE_SIZE),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < PROCESSING_TIMES_MAX_DAYS, {
    path: ['to'],
    message: `Thời gian xử lý thực tế tính cho một kỳ tối đa ${PROCESSING_TIMES_MAX_DAYS} ngày; hãy chọn kỳ ngắn hơn.`,
  });
export type ProcessingTimesQuery = z.infer<typeof processingTimesQuerySchema>;

/** The measured time of a set of resolved dossiers: working minutes and working days of 8 hours (DOMAIN §4). */
export const measuredTimesSchema = z.object({
  /** Dossiers resolved (result issued) in the period. */
  dossiers: z.number(),
  /** Null when there were none (never 0 for "no data"). */
  medianWorkingMinutes: z.number().nullable(),
  p90WorkingMinutes: z.number().nullable(),
  medianWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
});
export type MeasuredTimes = z.infer<typeof measuredTimesSchema>;

const statedTimeSchema = committedTimeViewSchema.shape.statutory;

export const processingTimesRowSchema = z.object({
  /** The procedure's code (groupBy=procedure) or the unit's code (groupBy=unit); null on the totals row. */
  key: z.string().nullable(),
  /** groupBy=procedure: the name of the version in force on the period's end (or today); null when none is. */
  procedure: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  /** groupBy=unit: the direct child unit (its subtree counts), or the unit itself for the dossiers it handles directly. */
  unit: metricsUnitSchema.extend({ isSelf: z.boolean() }).nullable(),
  measured: measuredTimesSchema,
  /** The same for the same dates of 2024 (`baselinePeriod`); null when no dossier of 2024 was resolved then. */
  baseline: measuredTimesSchema.nullable(),
  /** (median − 2024 median) ÷ 2024 median × 100, one decimal: negative is shorter; null without a baseline. */
  medianChangePercent: z.number().nullable(),
  /** Why there is no change figure ("Không có hồ sơ năm 2024 để so sánh"); null when there is one. */
  note: z.string().nullable(),
  /** groupBy=procedure: the statutory and committed time in force on the period's end (or today); else null. */
  statutory: statedTimeSchema.nullable(),
  committed: statedTimeSchema.nullable(),
  hasApprovedProcess: z.boolean().nullable(),
});
export type ProcessingTimesRow = z.infer<typeof processingTimesRowSchema>;

export const processingTimesSchema = z.object({
  unit: metricsUnitSchema,
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(processingTimesGroupings),
  procedure: z.string().nullable(),
  /** The period compared with: both ends moved by whole years so that the end falls in 2024. */
  baselinePeriod: z.object({ from: z.string(), to: z.string() }),
  /** The whole unit (its subtree): every procedure, or the one asked for. */
  total: processingTimesRowSchema,
  /** Rows with dossiers resolved in the period, most dossiers first (then by code), one page. */
  items: z.array(processingTimesRowSchema),
  totalItems: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProcessingTimesView = z.infer<typeof processingTimesSchema>;
