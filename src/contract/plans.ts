import { z } from 'zod';
import { isoDateSchema } from './common';
import { planReportSchema } from './plans-reports';

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
  z.object({
    kind: z.literal('periodic'),
    ...deadlineText,
    every: z.enum(['week', 'month', 'quarter', 'year']),
    /** The day of the month it falls on ("trước ngày 20 hằng tháng"; of the quarter's last month for "hằng quý"). */
    day: z.number().int().min(1).max(31).optional(),
  }),
  z.object({ kind: z.literal('ongoing'), ...deadlineText }),
  z.object({
    kind: z.literal('relative'),
    ...deadlineText,
    amount: z.number().int().min(0),
    unit: z.enum(['days', 'working_days', 'months']),
    after: z.string(),
    /**
     * The day the event happened (a Vietnam calendar day), recorded after the fact (PUT
     * /api/plans/tasks/{id}/deadlines/{index}/event); the importer never sets it. From it the deadline falls due;
     * without it, a deadline after another event than the plan's own issue has no due date.
     */
    eventDate: isoDateSchema.optional(),
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

// ---------------------------------------------------------------------------------------------------------------
// The plans module (the save side, docs/api/plans.md): what the review page sends, what the API answers.

/** A task's status: not started, in progress, done, overdue, cancelled. */
export const planTaskStatuses = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type PlanTaskStatus = (typeof planTaskStatuses)[number];
export const planTaskStatusLabels: Record<PlanTaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  overdue: 'Quá hạn',
  cancelled: 'Đã hủy',
};
/** A unit named by a task: the lead unit (chủ trì) or a coordinating one (phối hợp). */
export const planUnitRoles = ['lead', 'coordinating'] as const;
export type PlanUnitRole = (typeof planUnitRoles)[number];
/** The statuses a lead unit's report may set. */
export const planReportStatuses = ['in_progress', 'done'] as const;

const uuid = (what: string) => z.string().uuid(`Mã ${what} không hợp lệ.`);
const requiredText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Thiếu ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} quá dài (tối đa ${max} ký tự).`);
const optionalText = (max: number) => z.string().max(max, `Quá dài (tối đa ${max} ký tự).`);
const validDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && !value.startsWith('0000');
  }, 'Ngày không tồn tại.');

export const planImportQuerySchema = z.object({
  name: z.string().trim().min(1, 'Thiếu tên tệp.').max(255, 'Tên tệp quá dài (tối đa 255 ký tự).'),
});

/** One unit name of the plan and the unit of the tree it matched (null: for the user to map). */
export const planUnitMatchSchema = z.object({
  name: z.string(),
  unitId: z.string().uuid().nullable(),
  unitName: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string().uuid(), name: z.string(), score: z.number() })),
  isCollective: z.boolean(),
});
export const planImportResultSchema = z.object({
  fileName: z.string(),
  imported: importedPlanSchema,
  /** The unit of the tree the document's issuer names ("SỞ TƯ PHÁP"), when one alone fits: the review's default. */
  issuer: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** Every distinct unit name of the tasks, matched against the unit tree (accent-insensitive, abbreviations resolved). */
  units: z.array(planUnitMatchSchema),
});

const deadlineInputSchema = planDeadlineSchema;
export const planTaskInputSchema = z.object({
  ref: requiredText('số thứ tự của nhiệm vụ', 50),
  title: requiredText('tên nhiệm vụ', 2000),
  content: optionalText(20_000),
  items: z.array(optionalText(4000)).max(200),
  lead: z.array(requiredText('tên đơn vị chủ trì', 500)).max(100),
  coordinating: z.array(requiredText('tên đơn vị phối hợp', 500)).max(200),
  deliverables: z.array(optionalText(2000)).max(100),
  deadlines: z.array(deadlineInputSchema).max(20),
});
export const planTargetInputSchema = z.object({
  year: z.number().int().min(2000).max(2100).nullable(),
  ref: optionalText(50),
  text: requiredText('nội dung chỉ tiêu', 4000),
  measures: z.array(planMeasureSchema).max(50),
});

/** The reviewed plan the upload page saves: every unit name of the tasks mapped (unitId) or explicitly left unmatched (null). */
export const planSaveSchema = z.object({
  plan: z.object({
    number: optionalText(100).nullable(),
    issuerUnitId: uuid('đơn vị ban hành'),
    date: validDate.nullable(),
    title: requiredText('tên kế hoạch', 2000),
    implements: z.array(requiredText('văn bản thực hiện', 2000)).max(50),
    parentPlanId: uuid('kế hoạch cấp trên').nullable(),
    signer: optionalText(200).nullable(),
    sourceFileName: optionalText(255).nullable(),
  }),
  targets: z.array(planTargetInputSchema).max(500),
  tasks: z.array(planTaskInputSchema).min(1, 'Kế hoạch chưa có nhiệm vụ nào.').max(2000),
  units: z.array(z.object({ name: requiredText('tên đơn vị', 500), unitId: uuid('đơn vị').nullable() })).max(1000),
});
export type PlanSaveInput = z.infer<typeof planSaveSchema>;

const unitRefSchema = z.object({ id: z.string().uuid(), name: z.string() });
export const planTaskUnitSchema = z.object({
  role: z.enum(planUnitRoles),
  /** The name as the plan writes it. */
  name: z.string(),
  /** The unit it was mapped to; null when left unmatched. */
  unit: unitRefSchema.nullable(),
  /** The person responsible in the unit (PUT /api/plans/tasks/{id}/units/{taskUnitId}/responsible), and its version. */
  taskUnitId: z.string().uuid(),
  responsible: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  responsibleVersion: z.number().int(),
  /** Whether the actor leads the unit (the issuer's office may assign too: the plan's `canEdit`). */
  canAssign: z.boolean(),
  /** The unit the task was given to before that unit was merged into `unit` (migration 0030); null when never moved. */
  movedFrom: unitRefSchema.nullable(),
});
/** One deadline of a task as the task view computes it (Vietnam days). */
export const planDeadlineDueSchema = z.object({
  /** Its next due date (null: ongoing, as written, or an event whose day is not recorded yet). */
  dueOn: isoDate.nullable(),
  /** Relative to an event other than the plan's own issue: the day of that event is recorded on the task. */
  isEventDated: z.boolean(),
  /** Why it has no due date, in Vietnamese ("Chờ ghi nhận ngày tiếp nhận văn bản"); null otherwise. */
  note: z.string().nullable(),
});
export type PlanDeadlineDue = z.infer<typeof planDeadlineDueSchema>;

export const planTaskViewSchema = z.object({
  id: z.string().uuid(),
  planId: z.string().uuid(),
  parentTaskId: z.string().uuid().nullable(),
  depth: z.number().int(),
  ref: z.string(),
  title: z.string(),
  content: z.string(),
  items: z.array(z.string()),
  deliverables: z.array(z.string()),
  deadlines: z.array(planDeadlineSchema),
  /** The next due date of its deadlines, in Vietnam days (null: ongoing, as written, or after an event of unknown date). */
  nextDue: isoDate.nullable(),
  /** Per deadline, in the order of `deadlines`: its own next due date, and why there is none. */
  deadlineDues: z.array(planDeadlineDueSchema),
  status: z.enum(planTaskStatuses),
  version: z.number().int(),
  units: z.array(planTaskUnitSchema),
  reports: z.array(planReportSchema),
  canReport: z.boolean(),
  /**
   * Whether the actor may record the day of the events its deadlines count from (PUT
   * /api/plans/tasks/{id}/deadlines/{index}/event): the issuer's office, administrators and the lead units' staff,
   * for a task with such a deadline.
   */
  canRecordEvent: z.boolean(),
});
export const planSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.string().nullable(),
  issuer: unitRefSchema,
  date: isoDate.nullable(),
  title: z.string(),
  parentPlanId: z.string().uuid().nullable(),
  taskCount: z.number().int(),
  doneCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export const planListSchema = z.object({ items: z.array(planSummarySchema) });
export const planDetailSchema = planSummarySchema.extend({
  implements: z.array(z.string()),
  signer: z.string().nullable(),
  sourceFileName: z.string().nullable(),
  parentPlan: z.object({ id: z.string().uuid(), number: z.string().nullable(), title: z.string() }).nullable(),
  /** The plans implementing this one ("Kế hoạch thực hiện": a department's plans implementing the province's), oldest first. */
  children: z.array(
    z.object({ id: z.string().uuid(), number: z.string().nullable(), title: z.string(), date: isoDate.nullable(), issuer: unitRefSchema }),
  ),
  targets: z.array(planTargetSchema),
  /** Tasks in the plan's order; `parentTaskId` and `depth` give the tree. */
  tasks: z.array(planTaskViewSchema),
  canEdit: z.boolean(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;
export type PlanTaskView = z.infer<typeof planTaskViewSchema>;

export const planTaskListQuerySchema = z.object({
  /** A unit's id: the tasks where it leads or coordinates; absent: the units of the actor's roles (every task for an administrator). */
  unit: uuid('đơn vị').optional(),
  status: z.enum(planTaskStatuses, 'Trạng thái không hợp lệ.').optional(),
  /** Tasks whose next due date is on or before this day. */
  due_before: validDate.optional(),
});
export const planTaskListItemSchema = planTaskViewSchema.extend({
  plan: z.object({ id: z.string().uuid(), number: z.string().nullable(), title: z.string() }),
  /** The unit's role on the task (lead or coordinating) for the unit asked about. */
  roles: z.array(z.enum(planUnitRoles)),
});
export const planTaskListSchema = z.object({ items: z.array(planTaskListItemSchema) });
export type PlanTaskListItem = z.infer<typeof planTaskListItemSchema>;

/** A progress report and its input: src/contract/plans-reports.ts. */
export { type PlanReportInput, planReportInputSchema, planReportSchema } from './plans-reports';
