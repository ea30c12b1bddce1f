import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  conditionActions,
  conditionAssessments,
  conditionForms,
  conditionSourceLevels,
  conditionStatuses,
  figureSources,
  proposalStatuses,
  type ReformMeasure,
  reformIndicators,
} from '../../contract/enums';
import type { CostActivity } from '../../contract/reform';
import type { ProposedFigures } from '../../contract/reform-proposals';
import { procedureVersions, publicationDecisions } from './catalog';
import { units } from './org';

/** Hourly income used to value citizens' time (TT 02/2017 Điều 27), per year; editable data (2024: 40,000 đ). */
export const reformIncomeRates = pgTable('reform_income_rates', {
  year: integer('year').primaryKey(),
  hourlyIncomeVnd: integer('hourly_income_vnd').notNull(),
  hoursPerDay: integer('hours_per_day').notNull().default(8),
  source: text('source'),
});

/**
 * The compliance-cost worksheet of one procedure version. Counts per year may be entered or, once the dossier
 * engine exists, measured from the dossiers of the last 12 months: the source of each figure is kept.
 */
export const costWorksheets = pgTable('cost_worksheets', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  procedureVersionId: uuid('procedure_version_id')
    .notNull()
    .unique()
    .references(() => procedureVersions.id),
  activities: jsonb('activities').$type<CostActivity[]>().notNull(),
  feesVnd: numeric('fees_vnd', { mode: 'number' }).notNull().default(0),
  otherCostsVnd: numeric('other_costs_vnd', { mode: 'number' }).notNull().default(0),
  timesPerYear: numeric('times_per_year', { mode: 'number' }).notNull().default(1),
  subjectsPerYear: numeric('subjects_per_year', { mode: 'number' }).notNull(),
  subjectsSource: text('subjects_source', { enum: figureSources }).notNull().default('entered'),
  /** Source 'measured' (migration 0020): the period of received dossiers counted, their number and when it was counted. */
  subjectsMeasuredFrom: date('subjects_measured_from', { mode: 'string' }),
  subjectsMeasuredTo: date('subjects_measured_to', { mode: 'string' }),
  subjectsMeasuredDossiers: integer('subjects_measured_dossiers'),
  subjectsMeasuredAt: timestamp('subjects_measured_at', { withTimezone: true }),
  incomeYear: integer('income_year').notNull(),
  note: text('note'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A unit's simplification proposal (phương án cắt giảm, đơn giản hóa) for one year. */
export const reformProposals = pgTable(
  'reform_proposals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    consolidatedAt: timestamp('consolidated_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    approvalReference: text('approval_reference'),
    rejectionReason: text('rejection_reason'),
    /** A central vertical agency's proposal: its ministry's decision (number, day, ministry), recorded by the province. */
    centralDecisionNumber: text('central_decision_number'),
    centralDecisionDate: date('central_decision_date', { mode: 'string' }),
    centralDecisionIssuer: text('central_decision_issuer'),
    implementedDecisionId: uuid('implemented_decision_id').references(() => publicationDecisions.id),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('reform_proposals_unit_year_idx').on(table.unitId, table.year)],
);

/** One procedure in a proposal: the measures, the proposed time and cost (a second worksheet), the law to amend. */
export const reformProposalItems = pgTable(
  'reform_proposal_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => reformProposals.id, { onDelete: 'cascade' }),
    procedureCode: text('procedure_code').notNull(),
    position: integer('position').notNull(),
    measures: text('measures').array().$type<ReformMeasure[]>().notNull(),
    proposed: jsonb('proposed').$type<ProposedFigures>().notNull(),
    legalText: text('legal_text'),
    reason: text('reason').notNull(),
  },
  (table) => [unique('reform_proposal_items_unique').on(table.proposalId, table.procedureCode)],
);

/** Inventory of business conditions (điều kiện đầu tư kinh doanh) per field. */
export const businessConditions = pgTable('business_conditions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  field: text('field').notNull(),
  text: text('text').notNull(),
  form: text('form', { enum: conditionForms }).notNull(),
  sourceRegulation: text('source_regulation').notNull(),
  /** Central (law, decree, circular) or provincial text: the province abolishes only its own and proposes the others. */
  sourceLevel: text('source_level', { enum: conditionSourceLevels }).notNull().default('central'),
  /** The central text that abolished a central condition: needed before such a condition is recorded as abolished. */
  abolishedByText: text('abolished_by_text'),
  /** The sector is outside the Investment Law's list of conditional business sectors (Phụ lục IV): NQ 66 2026, all to go. */
  isOutsideConditionalList: boolean('is_outside_conditional_list').notNull().default(false),
  procedureCodes: text('procedure_codes').array().notNull().default(sql`'{}'::text[]`),
  complianceCostVnd: numeric('compliance_cost_vnd', { mode: 'number' }),
  assessment: text('assessment', { enum: conditionAssessments }).notNull(),
  proposedAction: text('proposed_action', { enum: conditionActions }).notNull(),
  reason: text('reason'),
  status: text('status', { enum: conditionStatuses }).notNull().default('in_force'),
  statusChangedOn: date('status_changed_on'),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Business reporting regimes (chế độ báo cáo của doanh nghiệp): NQ 66 wants all of them electronic by 2026. */
export const businessReportingRegimes = pgTable('business_reporting_regimes', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  name: text('name').notNull(),
  legalBasis: text('legal_basis'),
  isElectronic: boolean('is_electronic').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
});

/** NQ 66 targets as data: the value (a share, 0–1) to reach by the end of a year, with the text that sets it. */
export const reformTargets = pgTable(
  'reform_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    indicator: text('indicator', { enum: reformIndicators }).notNull(),
    target: numeric('target', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
  },
  (table) => [unique('reform_targets_unique').on(table.year, table.indicator)],
);
