import { z } from 'zod';
import {
  conditionActions,
  conditionAssessments,
  conditionForms,
  conditionStatuses,
  proposalStatuses,
  reformIndicators,
  reformMeasures,
} from '../../db/schema';
import { timeUnits } from '../catalog/schemas';

const money = z.number().min(0, 'Không được âm.').max(1e13, 'Số tiền quá lớn.');
const count = z.number().min(0, 'Không được âm.').max(1e9, 'Số quá lớn.');

export const activitySchema = z.strictObject({
  name: z.string().trim().min(1, 'Nhập tên hoạt động.').max(300),
  hours: z.number().min(0, 'Số giờ không được âm.').max(100_000, 'Số giờ quá lớn.'),
});

export const costInputSchema = z.strictObject({
  hourlyIncome: money,
  activities: z.array(activitySchema).max(50),
  fees: money,
  otherCosts: money,
  timesPerYear: count,
  subjectsPerYear: count,
});

export const worksheetInputSchema = z.strictObject({
  activities: z.array(activitySchema).min(1, 'Cần ít nhất một hoạt động.').max(50),
  feesVnd: money,
  otherCostsVnd: money,
  timesPerYear: count,
  subjectsPerYear: count,
  incomeYear: z.number().int().min(2000).max(2100),
  note: z.string().trim().max(2000).nullable().default(null),
  version: z.number().int().min(1).optional(),
});

export const incomeRateInputSchema = z.strictObject({
  hourlyIncomeVnd: z.number().int().min(1).max(10_000_000),
  hoursPerDay: z.number().int().min(1).max(24).default(8),
  source: z.string().trim().max(500).nullable().default(null),
});

export const proposedFiguresSchema = z.strictObject({
  timeAmount: z.number().min(0).max(3650),
  timeUnit: z.enum(timeUnits),
  activities: z.array(activitySchema).max(50),
  feesVnd: money,
  otherCostsVnd: money,
});

export const proposalItemInputSchema = z.strictObject({
  measures: z.array(z.enum(reformMeasures, 'Biện pháp không hợp lệ.')).min(1, 'Chọn ít nhất một biện pháp.').max(reformMeasures.length),
  proposed: proposedFiguresSchema,
  legalText: z.string().trim().max(4000).nullable().default(null),
  reason: z.string().trim().min(3, 'Nêu lý do.').max(4000),
  version: z.number().int().min(1),
});

export const proposalCreateSchema = z.strictObject({
  unitId: z.string().uuid(),
  year: z.number().int().min(2024).max(2100),
  title: z.string().trim().min(3, 'Tiêu đề quá ngắn.').max(500),
});

export const proposalActions = ['submit', 'reopen', 'consolidate', 'approve', 'reject', 'implement'] as const;
export type ProposalAction = (typeof proposalActions)[number];

export const proposalActionSchema = z.strictObject({
  action: z.enum(proposalActions, 'Thao tác không hợp lệ.'),
  version: z.number().int().min(1),
  reason: z.string().trim().max(2000).optional(),
  approvalReference: z.string().trim().max(200).optional(),
  decisionNumber: z.string().trim().max(100).optional(),
});

export const proposalListQuerySchema = z.object({
  unit: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2024).max(2100).optional(),
  status: z.enum(proposalStatuses).optional(),
});

export const summaryQuerySchema = z.object({
  unit: z.string().uuid().optional(),
  year: z.coerce.number().int().min(2024).max(2100).default(2026),
  method: z.enum(['unweighted', 'weighted']).default('unweighted'),
});

export const drillQuerySchema = summaryQuerySchema.extend({ indicator: z.enum(reformIndicators) });

const conditionFields = {
  unitId: z.string().uuid(),
  field: z.string().trim().min(2).max(300),
  text: z.string().trim().min(5, 'Nhập nội dung điều kiện.').max(4000),
  form: z.enum(conditionForms),
  sourceRegulation: z.string().trim().min(2).max(500),
  procedureCodes: z.array(z.string().trim().max(20)).max(50).default([]),
  complianceCostVnd: money.nullable().default(null),
  assessment: z.enum(conditionAssessments),
  proposedAction: z.enum(conditionActions),
  reason: z.string().trim().max(2000).nullable().default(null),
  status: z.enum(conditionStatuses).default('in_force'),
  statusChangedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
};
export const conditionCreateSchema = z.strictObject(conditionFields);
export const conditionUpdateSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(conditionFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof conditionFields]: z.ZodOptional<(typeof conditionFields)[K]>;
    },
  )
  .extend({ version: z.number().int().min(1) });
export const conditionListQuerySchema = z.object({
  field: z.string().max(300).optional(),
  unit: z.string().uuid().optional(),
  status: z.enum(conditionStatuses).optional(),
  assessment: z.enum(conditionAssessments).optional(),
});

export const targetInputSchema = z.strictObject({
  target: z.number().min(0).max(1, 'Mục tiêu là tỷ lệ từ 0 đến 1.'),
  source: z.string().trim().min(2).max(500),
});

export const deadlineSettingsSchema = z.strictObject({
  submissionDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn có dạng MM-DD.'),
  approvalDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn có dạng MM-DD.'),
});

export type WorksheetInput = z.infer<typeof worksheetInputSchema>;
export type ProposalItemInput = z.infer<typeof proposalItemInputSchema>;
