import { z } from 'zod';
import { durationSchema, processStepSchema } from './catalog';
import { isoDateSchema } from './common';
import { timeUnits } from './enums';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống.').max(max);

/**
 * The approval of a procedure's internal process (quyết định phê duyệt quy trình nội bộ, docs/DOMAIN.md §4): its own
 * decision and date, a committed time no longer than the statutory one, and the steps whose budgets add up to it.
 * Approvals have their own history, apart from the versions of the procedure.
 */
export const processApprovalBodySchema = z.strictObject({
  decisionNumber: text(100),
  decisionDate: isoDateSchema,
  signer: text(200),
  effectiveFrom: isoDateSchema,
  committedTime: durationSchema,
  steps: z.array(processStepSchema).min(1, 'Quy trình phải có ít nhất một bước.').max(50),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const processApprovalViewSchema = processApprovalBodySchema.extend({
  id: z.string(),
  code: z.string(),
  /** The day the next approval takes over; null = open. */
  effectiveTo: z.string().nullable(),
  createdAt: z.string(),
});

const timeViewSchema = z.object({ amount: z.number(), unit: z.enum(timeUnits), text: z.string() });

/** What applies on a day: the statutory time of the version in force and the time the province commits to. */
export const committedTimeViewSchema = z.object({
  day: z.string(),
  statutory: timeViewSchema,
  committed: timeViewSchema,
  /** The approval that sets the committed time; null: none in force, the committed time is the statutory one. */
  approval: processApprovalViewSchema.nullable(),
});

export const procedureProcessesSchema = z.object({
  committedTime: committedTimeViewSchema.nullable(),
  /** Every approval, newest first. */
  items: z.array(processApprovalViewSchema),
});

export type ProcessApprovalInput = z.input<typeof processApprovalBodySchema>;
export type ProcessApproval = z.infer<typeof processApprovalBodySchema>;
export type ProcessApprovalView = z.infer<typeof processApprovalViewSchema>;
export type CommittedTimeView = z.infer<typeof committedTimeViewSchema>;
export type ProcedureProcesses = z.infer<typeof procedureProcessesSchema>;
