import { boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorFormula } from '../../contract/metrics';
import { dossiers } from './dossiers';

/*
 * The metrics module's tables (migration 0018, docs/api/metrics.md). The indicator set is versioned data; the facts
 * and the rollups are written only by the triggers of migration 0018, in the transaction of each dossier change.
 */

/** An indicator group of the KPI index (QĐ 766) in force from `validFrom` to `validTo` (excluded; null: open). */
export const metricsIndicatorGroups = pgTable(
  'metrics_indicator_groups',
  {
    code: text('code').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    name: text('name').notNull(),
    maxPoints: numeric('max_points', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ name: 'metrics_indicator_groups_pk', columns: [table.code, table.validFrom] })],
);

/** An indicator: its formula (what the code computes), target ratio and maximum points, for a validity period. */
export const metricsIndicators = pgTable(
  'metrics_indicators',
  {
    code: text('code').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    groupCode: text('group_code').notNull(),
    name: text('name').notNull(),
    formula: text('formula').$type<IndicatorFormula>().notNull(),
    target: numeric('target', { mode: 'number' }).notNull(),
    maxPoints: numeric('max_points', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [primaryKey({ name: 'metrics_indicators_pk', columns: [table.code, table.validFrom] })],
);

/** Working-day ordinals of the work calendar: working days between two days = ordinal(b) − ordinal(a). */
export const metricsWorkDays = pgTable('metrics_work_days', {
  day: date('day').primaryKey(),
  isWorking: boolean('is_working').notNull(),
  ordinal: integer('ordinal').notNull(),
});

/** The working sessions of a day, in milliseconds from the Vietnam midnight (migration 0032, kept by syncWorkDays). */
export const metricsWorkSessions = pgTable('metrics_work_sessions', {
  startMs: integer('start_ms').primaryKey(),
  endMs: integer('end_ms').notNull(),
});

/** One row per accepted dossier: what the index and Biểu 06 count, in Vietnam days. */
export const metricsDossierFacts = pgTable(
  'metrics_dossier_facts',
  {
    dossierId: uuid('dossier_id')
      .primaryKey()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    procedureCode: text('procedure_code').notNull(),
    channel: text('channel').notNull(),
    receivedDay: date('received_day').notNull(),
    /** The day it left "in progress": resolved (result or refusal… with its timing) or closed without a result. */
    endDay: date('end_day'),
    dueDay: date('due_day'),
    /** early | on_time | late (resolved), closed (stopped or refused in processing), null (in progress). */
    outcome: text('outcome').$type<'early' | 'on_time' | 'late' | 'closed'>(),
    isDigitised: boolean('is_digitised').notNull(),
    isReused: boolean('is_reused').notNull(),
    hasElectronicResult: boolean('has_electronic_result').notNull(),
    isSynced: boolean('is_synced').notNull(),
    processingDays: numeric('processing_days', { mode: 'number' }),
    allottedDays: numeric('allotted_days', { mode: 'number' }),
    /**
     * With a result: the working minutes from receipt to result, pauses excluded (measureProcessingMinutes of the
     * dossiers module, kept by the refresh of migration 0032); null without a result.
     */
    workingMinutes: doublePrecision('working_minutes'),
  },
  (table) => [
    index('metrics_dossier_facts_received_idx').on(table.receivedDay, table.unitId),
    index('metrics_dossier_facts_end_idx').on(table.endDay, table.unitId),
  ],
);

const rollupColumns = {
  unitId: uuid('unit_id').notNull(),
  field: text('field').notNull(),
  level: text('level').notNull(),
  day: date('day').notNull(),
  received: integer('received').notNull().default(0),
  receivedOnline: integer('received_online').notNull().default(0),
  receivedDigitised: integer('received_digitised').notNull().default(0),
  receivedReused: integer('received_reused').notNull().default(0),
  receivedSynced: integer('received_synced').notNull().default(0),
  ended: integer('ended').notNull().default(0),
  resolvedEarly: integer('resolved_early').notNull().default(0),
  resolvedOnTime: integer('resolved_on_time').notNull().default(0),
  resolvedLate: integer('resolved_late').notNull().default(0),
  resolvedElectronic: integer('resolved_electronic').notNull().default(0),
  timed: integer('timed').notNull().default(0),
  processingDays: numeric('processing_days', { mode: 'number' }).notNull().default(0),
  allottedDays: numeric('allotted_days', { mode: 'number' }).notNull().default(0),
  due: integer('due').notNull().default(0),
  dueOrEnd: integer('due_or_end').notNull().default(0),
};

/** Counts per unit, field, level and day (docs/api/metrics.md, "Rollups"). */
export const metricsDaily = pgTable('metrics_daily', rollupColumns, (table) => [
  primaryKey({ name: 'metrics_daily_pk', columns: [table.unitId, table.day, table.field, table.level] }),
  index('metrics_daily_day_idx').on(table.day),
]);

/** The same counts per month (`day` is the month's first day). */
export const metricsMonthly = pgTable('metrics_monthly', rollupColumns, (table) => [
  primaryKey({ name: 'metrics_monthly_pk', columns: [table.unitId, table.day, table.field, table.level] }),
  index('metrics_monthly_day_idx').on(table.day),
]);
