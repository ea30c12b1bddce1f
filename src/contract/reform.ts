import { z } from 'zod';
import { procedureCodeSchema } from './catalog';
import { figureSources, indicatorStatuses, reductionMethods, reformIndicators, reformScopes, timeUnits, unitTypes } from './enums';

/** Money in đồng and yearly counts: never negative, bounded so that sums stay exact in a float. */
export const moneySchema = z.number().min(0, 'Không được âm.').max(1e13, 'Số tiền quá lớn.');
export const countSchema = z.number().min(0, 'Không được âm.').max(1e9, 'Số quá lớn.');
export const reformYearSchema = z.coerce.number().int().min(2024).max(2100);

// Compliance cost (TT 02/2017/TT-VPCP Điều 27)

export const activitySchema = z.strictObject({
  name: z.string().trim().min(1, 'Nhập tên hoạt động.').max(300),
  hours: z.number().min(0, 'Số giờ không được âm.').max(100_000, 'Số giờ quá lớn.'),
  /** Time spent waiting for the agency to decide, valued as the cost method says (`waitingIncomeShare`). */
  waiting: z.boolean().optional(),
});

/** A share of the hourly income, 0–1. */
export const incomeShareSchema = z.number().min(0, 'Tỷ lệ từ 0 đến 1.').max(1, 'Tỷ lệ từ 0 đến 1.');

export const costInputSchema = z.strictObject({
  hourlyIncome: moneySchema,
  activities: z.array(activitySchema).max(50),
  fees: moneySchema,
  otherCosts: moneySchema,
  timesPerYear: countSchema,
  subjectsPerYear: countSchema,
  /** Default 1: waiting time counted as activity at full income. */
  waitingIncomeShare: incomeShareSchema.optional(),
});

export const costResultSchema = z.object({
  costPerDossier: z.number(),
  annualCost: z.number(),
  terms: z.object({
    activities: z.array(z.object({ name: z.string(), hours: z.number(), cost: z.number() })),
    totalHours: z.number(),
    hourlyIncome: z.number(),
    timeCost: z.number(),
    fees: z.number(),
    otherCosts: z.number(),
    dossiersPerYear: z.number(),
  }),
});

export const incomeRateInputSchema = z.strictObject({
  hourlyIncomeVnd: z.number().int().min(1).max(10_000_000),
  hoursPerDay: z.number().int().min(1).max(24).default(8),
  source: z.string().trim().max(500).nullable().default(null),
});
export const incomeRateParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const incomeRateSchema = z.object({
  year: z.number(),
  hourlyIncomeVnd: z.number(),
  hoursPerDay: z.number(),
  source: z.string().nullable(),
});
export const incomeRateListSchema = z.object({ items: z.array(incomeRateSchema) });

// Worksheets and the figures of one procedure

/** Where a worksheet's subjects per year may come from when it is saved: entered, or counted by the server. */
export const worksheetSubjectsSources = ['entered', 'measured'] as const;

/**
 * PUT: the whole worksheet; `version` is the one read (left out when the version has no worksheet yet).
 * `subjectsSource` 'entered' (the default) needs `subjectsPerYear`; 'measured' has the server count the distinct
 * applicants of the dossiers received in the last 12 months, and refuses a `subjectsPerYear` sent with it
 * (docs/api/reform.md, "Measured figures").
 */
export const worksheetInputSchema = z
  .strictObject({
    activities: z.array(activitySchema).min(1, 'Cần ít nhất một hoạt động.').max(50),
    feesVnd: moneySchema,
    otherCostsVnd: moneySchema,
    timesPerYear: countSchema,
    subjectsSource: z.enum(worksheetSubjectsSources).default('entered'),
    subjectsPerYear: countSchema.optional(),
    incomeYear: z.number().int().min(2000).max(2100),
    note: z.string().trim().max(2000).nullable().default(null),
    version: z.number().int().min(1).optional(),
  })
  .superRefine((input, context) => {
    if (input.subjectsSource === 'entered' && input.subjectsPerYear === undefined) {
      context.addIssue({ code: 'custom', path: ['subjectsPerYear'], message: 'Nhập số đối tượng thực hiện trong năm.' });
    }
    if (input.subjectsSource === 'measured' && input.subjectsPerYear !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['subjectsPerYear'],
        message: 'Số đối tượng lấy từ hồ sơ thực tế do hệ thống tự đếm: không gửi kèm số.',
      });
    }
  });

/** A period of whole Vietnamese calendar days, both ends included (YYYY-MM-DD). */
export const dayPeriodSchema = z.object({ from: z.string(), to: z.string() });

export const worksheetParamsSchema = z.object({
  code: procedureCodeSchema,
  versionNo: z.coerce.number().int().min(1).max(100_000),
});
export const reformProcedureParamsSchema = z.object({ code: procedureCodeSchema });

export const worksheetSchema = z.object({
  id: z.string(),
  activities: z.array(z.object({ name: z.string(), hours: z.number(), waiting: z.boolean().optional() })),
  feesVnd: z.number(),
  otherCostsVnd: z.number(),
  timesPerYear: z.number(),
  subjectsPerYear: z.number(),
  subjectsSource: z.enum(figureSources),
  /**
   * Source 'measured': what was counted and when. The figure stays as measured (the NQ 66 figures do not move by
   * themselves); saving again with 'measured' measures again.
   */
  subjectsMeasured: z.object({ period: dayPeriodSchema, dossiers: z.number(), measuredAt: z.string() }).nullable(),
  incomeYear: z.number(),
  /** The year whose hourly income `result` is costed at: in the NQ 66 figures, the baseline year's for both versions. */
  costedAtYear: z.number(),
  hourlyIncomeVnd: z.number(),
  note: z.string().nullable(),
  version: z.number(),
  result: costResultSchema,
});

/** How compliance cost is valued (docs/api/reform.md, "Cost method"); a setting, shown on the dashboard. */
export const costMethodSchema = z.strictObject({
  /** 1 = waiting time counted as activity at full income (the default). */
  waitingIncomeShare: incomeShareSchema,
});
export const costMethodViewSchema = costMethodSchema.extend({
  /** The year whose hourly income values both the baseline and the current worksheet: the baseline year, 2024. */
  incomeYear: z.number(),
  hourlyIncomeVnd: z.number().nullable(),
  isDefault: z.boolean(),
});

export const snapshotSchema = z.object({
  versionNo: z.number(),
  effectiveFrom: z.string(),
  decisionNumber: z.string().nullable(),
  processingTime: z.object({ amount: z.number(), unit: z.enum(timeUnits) }),
  /** An abolished procedure takes no time and costs nothing: abolition is a 100 % cut. */
  hours: z.number(),
  worksheet: worksheetSchema.nullable(),
  /**
   * Set when the version has no worksheet of its own and shows the one of an earlier version it amends (carried over,
   * to review): the version number the worksheet belongs to.
   */
  worksheetFromVersionNo: z.number().nullable(),
  /** The procedure code this version replaced, when the baseline is the replaced procedure's 2024 version. */
  replacesCode: z.string().nullable(),
});

/** 2024 baseline (version in force on 31/12/2024) and current figures of one procedure. */
export const procedureReformSchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  businessRelated: z.boolean(),
  isInternal: z.boolean(),
  scope: z.enum(reformScopes),
  baseline: snapshotSchema.nullable(),
  current: snapshotSchema,
  timeReduction: z.number().nullable(),
  costReduction: z.number().nullable(),
  canEdit: z.boolean(),
});

/** A duration as the catalog states it: amount, unit and its Vietnamese wording. */
const statedTimeSchema = z.object({ amount: z.number(), unit: z.enum(timeUnits), text: z.string() });

/**
 * What the dossier engine measured for one procedure over the last 12 months (docs/api/reform.md, "Measured
 * figures"), beside the statutory and the committed time of the version in force today.
 */
export const procedureMeasuresSchema = z.object({
  code: z.string(),
  /** The last 12 months of whole Vietnamese calendar days before today. */
  period: dayPeriodSchema,
  received: z.object({
    /** Dossiers received (accepted, the clock started) in the period. */
    dossiers: z.number(),
    /** Distinct applicants (CCCD or tax code) among them: the subjects a measured worksheet takes. */
    applicants: z.number(),
  }),
  processing: z.object({
    statutory: statedTimeSchema,
    /** The committed time of the approved internal process in force, or the statutory time when none applies. */
    committed: statedTimeSchema,
    hasApprovedProcess: z.boolean(),
    /** Dossiers resolved (result issued or refused in processing) in the period. */
    resolvedDossiers: z.number(),
    /** Their median working time from receipt to resolution, paused time excluded; null when none was resolved. */
    medianWorkingMinutes: z.number().nullable(),
    /** The same in working days of 8 working hours (DOMAIN §4), 0.1 precision; null when none was resolved. */
    medianWorkingDays: z.number().nullable(),
  }),
});

// NQ 66 summary

export const summaryQuerySchema = z.object({
  unit: z.string().uuid().optional(),
  year: reformYearSchema.default(2026),
  method: z.enum(reductionMethods).default('unweighted'),
});

export const drillQuerySchema = summaryQuerySchema.extend({ indicator: z.enum(reformIndicators) });

export const indicatorSchema = z.object({
  key: z.enum(reformIndicators),
  label: z.string(),
  /** A share: 0.3 = 30 %. */
  target: z.number().nullable(),
  targetSource: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  status: z.enum(indicatorStatuses),
  note: z.string().nullable(),
});

export const childRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(unitTypes),
  procedures: z.number(),
  timeReduction: z.number().nullable(),
  costReduction: z.number().nullable(),
  indicatorsBehind: z.number(),
});

export const reformSummarySchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), type: z.enum(unitTypes) }),
  year: z.number(),
  method: z.enum(reductionMethods),
  hasDemoData: z.boolean(),
  indicators: z.array(indicatorSchema),
  children: z.array(childRowSchema),
  /** Procedures of the unit by scope: only `province` counts in the province's NQ 66 reductions. */
  scopes: z.object({ province: z.number(), vertical: z.number(), internal: z.number() }),
  costMethod: costMethodViewSchema,
});

export const drillItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  unitName: z.string(),
  baseline: z.number().nullable(),
  current: z.number().nullable(),
  reduction: z.number().nullable(),
  meets: z.boolean(),
  note: z.string().nullable(),
  /** The worksheet compared is carried over from an earlier version: to review. */
  toReview: z.boolean(),
});

export const reformDrillSchema = z.object({ indicator: indicatorSchema, items: z.array(drillItemSchema) });

// Targets

export const targetParamsSchema = z.object({ year: reformYearSchema, indicator: z.enum(reformIndicators) });
export const targetInputSchema = z.strictObject({
  target: z.number().min(0).max(1, 'Mục tiêu là tỷ lệ từ 0 đến 1.'),
  source: z.string().trim().min(2).max(500),
});
export const reformTargetSchema = z.object({
  year: z.number(),
  indicator: z.enum(reformIndicators),
  target: z.number(),
  source: z.string(),
});
export const reformTargetListSchema = z.object({ items: z.array(reformTargetSchema) });

export type CostActivity = z.infer<typeof activitySchema>;
export type CostInput = z.infer<typeof costInputSchema>;
export type CostResult = z.infer<typeof costResultSchema>;
export type CostTerms = CostResult['terms'];
export type IncomeRate = z.infer<typeof incomeRateSchema>;
export type WorksheetInput = z.infer<typeof worksheetInputSchema>;
export type WorksheetRequest = z.input<typeof worksheetInputSchema>;
export type Worksheet = z.infer<typeof worksheetSchema>;
export type ProcedureMeasures = z.infer<typeof procedureMeasuresSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type ProcedureReform = z.infer<typeof procedureReformSchema>;
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ChildRow = z.infer<typeof childRowSchema>;
export type ReformSummary = z.infer<typeof reformSummarySchema>;
export type DrillItem = z.infer<typeof drillItemSchema>;
export type ReformDrill = z.infer<typeof reformDrillSchema>;
export type ReformTarget = z.infer<typeof reformTargetSchema>;
export type CostMethod = z.infer<typeof costMethodSchema>;
export type CostMethodView = z.infer<typeof costMethodViewSchema>;
