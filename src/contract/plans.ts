import { z } from 'zod';

/**
 * A plan document (kế hoạch) as the importer reads it (`src/core/plans`, rules in docs/plan-import.md): its metadata,
 * its targets by year and the tasks it assigns. Unit names are kept as written; they are matched to the unit tree
 * only when the plan is saved. `motcua plan import --json` prints exactly this shape.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const planMetadataSchema = z.object({
  /** "125/KH-UBND", or "/KH-STP" when the number is left blank until the plan is signed; null when absent. */
  number: z.string().nullable(),
  /** The issuing body as the header (or, failing that, the preamble or the number's suffix) writes it. */
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  /** The signing date; null when the day or month is left blank ("ngày … tháng … năm 2025"). */
  date: isoDate.nullable(),
  title: z.string().nullable(),
  /** The documents the preamble says the plan implements ("Nghị quyết số 66/NQ-CP ngày 26/3/2025 …"). */
  implements: z.array(z.string()),
  signer: z.string().nullable(),
});

/** Metric names are documented in docs/plan-import.md (section "Metrics"). */
export const planMetricNames = [
  'processing_time_cut_percent',
  'compliance_cost_cut_percent',
  'business_conditions_cut_percent',
  'online_business_procedures_percent',
  'online_full_process_percent',
  'location_independent_percent',
  'internal_procedures_reviewed_percent',
  'internal_procedures_electronic_percent',
  'once_only_information_percent',
  'digitised_dossiers_percent',
  'decentralisation_plans_percent',
  'technical_regulation_procedures_percent',
  'electronic_business_reports_percent',
  'other_percent',
] as const;
export const planMetricSchema = z.enum(planMetricNames);

/** What each metric measures, in Vietnamese (the review page and `motcua plan import` show these). */
export const planMetricLabels: Record<(typeof planMetricNames)[number], string> = {
  processing_time_cut_percent: 'Cắt giảm thời gian giải quyết TTHC (%)',
  compliance_cost_cut_percent: 'Cắt giảm chi phí tuân thủ TTHC (%)',
  business_conditions_cut_percent: 'Bãi bỏ điều kiện đầu tư kinh doanh (%)',
  online_business_procedures_percent: 'TTHC liên quan đến doanh nghiệp thực hiện trực tuyến (%)',
  online_full_process_percent: 'TTHC đủ điều kiện thực hiện trực tuyến toàn trình (%)',
  location_independent_percent: 'TTHC không phụ thuộc địa giới hành chính (%)',
  internal_procedures_reviewed_percent: 'TTHC nội bộ được rà soát, cắt giảm, đơn giản hóa (%)',
  internal_procedures_electronic_percent: 'TTHC nội bộ quản trị trên môi trường điện tử (%)',
  once_only_information_percent: 'Thông tin, giấy tờ chỉ cung cấp một lần (%)',
  digitised_dossiers_percent: 'Hồ sơ, kết quả giải quyết TTHC được số hóa (%)',
  decentralisation_plans_percent: 'Phương án phân cấp được thực thi (%)',
  technical_regulation_procedures_percent: 'Thủ tục trong quy chuẩn, tiêu chuẩn được rà soát, cắt giảm (%)',
  electronic_business_reports_percent: 'Chế độ báo cáo của doanh nghiệp thực hiện điện tử (%)',
  other_percent: 'Chỉ tiêu khác (%)',
};

export const planMeasureSchema = z.object({ metric: planMetricSchema, value: z.number() });

export const planTargetSchema = z.object({
  /** The year the target is set for; null when the section names none. */
  year: z.number().int().nullable(),
  /** Where it stands in the document: "I.1.a". */
  ref: z.string(),
  text: z.string(),
  measures: z.array(planMeasureSchema),
});

const deadlineText = { text: z.string() };
export const planDeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), ...deadlineText, date: isoDate }),
  z.object({
    kind: z.literal('annual'),
    ...deadlineText,
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  z.object({ kind: z.literal('year'), ...deadlineText, year: z.number().int() }),
  z.object({ kind: z.literal('quarter'), ...deadlineText, year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('month'), ...deadlineText, year: z.number().int(), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('periodic'), ...deadlineText, every: z.enum(['week', 'month', 'quarter', 'year']) }),
  z.object({ kind: z.literal('ongoing'), ...deadlineText }),
  z.object({
    kind: z.literal('relative'),
    ...deadlineText,
    amount: z.number().int().min(0),
    unit: z.enum(['days', 'working_days', 'months']),
    after: z.string(),
  }),
  z.object({ kind: z.literal('text'), ...deadlineText }),
]);

export const planTaskSchema = z.object({
  /** "II.1.a" for a task in numbered sections, the appendix's STT ("I.2", "3") for a task in a table. */
  ref: z.string(),
  title: z.string(),
  /** The task's own text below its title (paragraphs joined by new lines). */
  content: z.string(),
  /** Its enumerated sub-items ("(i) …", "- …", "a) …"), as written. */
  items: z.array(z.string()),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  deliverables: z.array(z.string()),
  deadlines: z.array(planDeadlineSchema),
});

export const importedPlanSchema = z.object({
  plan: planMetadataSchema,
  targets: z.array(planTargetSchema),
  tasks: z.array(planTaskSchema),
});

export type PlanMetadata = z.infer<typeof planMetadataSchema>;
export type PlanMetric = z.infer<typeof planMetricSchema>;
export type PlanMeasure = z.infer<typeof planMeasureSchema>;
export type PlanTarget = z.infer<typeof planTargetSchema>;
export type PlanDeadline = z.infer<typeof planDeadlineSchema>;
export type PlanTask = z.infer<typeof planTaskSchema>;
export type ImportedPlan = z.infer<typeof importedPlanSchema>;
