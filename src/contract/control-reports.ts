import { z } from 'zod';
import { idParamsSchema, isoDateSchema } from './common';
import { signingForms } from './enums';

/*
 * Periodic reports of the procedure-control office (issue 13, docs/api/control-reports.md): the monthly, quarterly
 * and yearly report on procedure control of a unit, its figures (Biểu 06, the KPI index, the NQ 66 programme), the
 * narrative parts the office writes, signed and frozen.
 */

export const controlReportKinds = ['monthly', 'quarterly', 'yearly'] as const;
export type ControlReportKind = (typeof controlReportKinds)[number];
export const controlReportKindLabels: Record<ControlReportKind, string> = { monthly: 'Tháng', quarterly: 'Quý', yearly: 'Năm' };
export const controlReportStatuses = ['draft', 'signed'] as const;
export const controlReportStatusLabels = { draft: 'Dự thảo', signed: 'Đã ký' } as const;
export const controlReportDocumentFormats = ['docx', 'pdf'] as const;

/** The narrative parts, in the order of section III; keys are stable, labels Vietnamese. */
export const narrativeParts = ['achievements', 'shortcomings', 'causes', 'nextTasks', 'proposals'] as const;
export type NarrativePart = (typeof narrativeParts)[number];
export const narrativePartLabels: Record<NarrativePart, string> = {
  achievements: 'Kết quả đạt được',
  shortcomings: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  nextTasks: 'Phương hướng, nhiệm vụ kỳ tới',
  proposals: 'Đề xuất, kiến nghị',
};

const narrativeText = z.string().max(20_000, 'Nội dung quá dài (tối đa 20.000 ký tự).');
export const controlReportNarrativeSchema = z.strictObject({
  achievements: narrativeText,
  shortcomings: narrativeText,
  causes: narrativeText,
  nextTasks: narrativeText,
  proposals: narrativeText,
});
export type ControlReportNarrative = z.infer<typeof controlReportNarrativeSchema>;

const figureSet = z.object({
  received: z.number().int(),
  receivedOnline: z.number().int(),
  carriedOver: z.number().int(),
  resolved: z.number().int(),
  resolvedEarly: z.number().int(),
  resolvedOnTime: z.number().int(),
  resolvedLate: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  /** Ended without a result (stopped on request, refused): Biểu 06's "Ghi chú"; received + carriedOver = resolved + inProgress + this. */
  closedWithoutResult: z.number().int(),
});

export const controlReportFiguresSchema = z.object({
  /** Biểu 06 totals of the period. */
  dossiers: figureSet,
  /** Biểu 06 by level and field, for the annex table. */
  bieu06: z.array(
    z.object({ level: z.string(), levelLabel: z.string(), fields: z.array(z.object({ field: z.string(), figures: figureSet })) }),
  ),
  /** Share of the resolved dossiers resolved early or on time, null without any. */
  onTimeRatio: z.number().nullable(),
  /** Share of the dossiers received online, null without any. */
  onlineRatio: z.number().nullable(),
  index: z.object({ score: z.number().nullable(), maxScore: z.number().nullable(), rating: z.string().nullable() }),
  /** The NQ 66 programme (reform module) for the year of the period's end. */
  reform: z.object({
    year: z.number().int(),
    hasDemoData: z.boolean(),
    timeReduction: z.number().nullable(),
    timeTarget: z.number().nullable(),
    costReduction: z.number().nullable(),
    costTarget: z.number().nullable(),
    procedures: z.number().int(),
  }),
  computedAt: z.string(),
});
export type ControlReportFigures = z.infer<typeof controlReportFiguresSchema>;

export const controlReportSignerSchema = z.object({
  form: z.enum(signingForms),
  collectiveBody: z.string().nullable(),
  headTitle: z.string(),
  deputyTitle: z.string().nullable(),
  name: z.string().nullable(),
});
export type ControlReportSigner = z.infer<typeof controlReportSignerSchema>;

export const controlReportSchema = z.object({
  id: z.string().uuid(),
  unit: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }),
  kind: z.enum(controlReportKinds),
  year: z.number().int(),
  periodIndex: z.number().int(),
  periodLabel: z.string(),
  from: isoDateSchema,
  to: isoDateSchema,
  dueOn: isoDateSchema,
  isOverdue: z.boolean(),
  status: z.enum(controlReportStatuses),
  figures: controlReportFiguresSchema,
  narrative: controlReportNarrativeSchema,
  number: z.string().nullable(),
  signedOn: isoDateSchema.nullable(),
  signer: controlReportSignerSchema.nullable(),
  canEdit: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ControlReportView = z.infer<typeof controlReportSchema>;

export const controlReportSummarySchema = controlReportSchema.omit({ figures: true, narrative: true, signer: true });
export const controlReportListSchema = z.object({ items: z.array(controlReportSummarySchema) });
export type ControlReportSummary = z.infer<typeof controlReportSummarySchema>;

export const controlReportListQuerySchema = z.object({
  unit: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  kind: z.enum(controlReportKinds).optional(),
});

export const controlReportCreateSchema = z.strictObject({
  unitId: z.string().uuid(),
  kind: z.enum(controlReportKinds).default('monthly'),
  year: z.number().int().min(2020).max(2100),
  /** Month 1–12, quarter 1–4, 1 for a year. */
  periodIndex: z.number().int().min(1).max(12),
});

export const controlReportUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  narrative: controlReportNarrativeSchema.partial().optional(),
  /** Recompute the figures (and nothing else) from today's data. */
  refreshFigures: z.boolean().optional(),
});

export const controlReportSignSchema = z.strictObject({
  version: z.number().int().min(1),
  /** The registered number, e.g. "15" (written "Số: 15/BC-…"). */
  number: z.string().trim().min(1, 'Nhập số văn bản.').max(30),
  signedOn: isoDateSchema,
});

export const controlReportParamsSchema = idParamsSchema;
export const controlReportDocumentParamsSchema = idParamsSchema.extend({ format: z.enum(controlReportDocumentFormats) });
