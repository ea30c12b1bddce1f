import { sql } from 'drizzle-orm';
import { type AnyPgColumn, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PlanDeadline, PlanMeasure } from '../../contract/plans';
import { planTaskStatuses, planUnitRoles } from '../../contract/plans';
import { users } from './auth';
import { units } from './org';

/**
 * Plans (kế hoạch, issue 14; docs/api/plans.md): a plan issued by a unit, its targets by year and the tasks it
 * assigns to lead and coordinating units, with the progress reports of the lead units. Saved from a reviewed import.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    number: text('number'),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    issuedOn: date('issued_on'),
    title: text('title').notNull(),
    /** The documents the plan implements, as written. */
    implements: jsonb('implements').$type<string[]>().notNull(),
    /** The plan this one implements (a department's plan implementing the province's). */
    parentPlanId: uuid('parent_plan_id').references((): AnyPgColumn => plans.id),
    signer: text('signer'),
    sourceFileName: text('source_file_name'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('plans_issuer_idx').on(table.issuerUnitId), index('plans_parent_idx').on(table.parentPlanId)],
);

export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    year: integer('year'),
    ref: text('ref').notNull(),
    text: text('text').notNull(),
    measures: jsonb('measures').$type<PlanMeasure[]>().notNull(),
  },
  (table) => [index('plan_targets_plan_idx').on(table.planId)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** The task whose reference is the longest prefix of this one's ("II.1" for "II.1.a"): the tree of the plan. */
    parentTaskId: uuid('parent_task_id').references((): AnyPgColumn => planTasks.id),
    position: integer('position').notNull(),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    deliverables: jsonb('deliverables').$type<string[]>().notNull(),
    /** The importer's structured deadlines (src/contract/plans.ts `planDeadlineSchema`). */
    deadlines: jsonb('deadlines').$type<PlanDeadline[]>().notNull(),
    status: text('status', { enum: planTaskStatuses }).notNull().default('not_started'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('plan_tasks_plan_idx').on(table.planId)],
);

/** A unit named by a task, as written, and the unit of the tree it was mapped to (null: left unmatched). */
export const planTaskUnits = pgTable(
  'plan_task_units',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    role: text('role', { enum: planUnitRoles }).notNull(),
    nameAsWritten: text('name_as_written').notNull(),
    position: integer('position').notNull(),
    /** The person responsible in the unit (assigned by the unit's leaders or the issuer's office, migration 0025). */
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    /** Optimistic version of the responsible person's assignment (migration 0025). */
    responsibleVersion: integer('responsible_version').notNull().default(1),
    /** The unit the task was given to before it was merged into `unitId`, its successor (migration 0030). */
    movedFromUnitId: uuid('moved_from_unit_id').references(() => units.id),
  },
  (table) => [index('plan_task_units_task_idx').on(table.taskId), index('plan_task_units_unit_idx').on(table.unitId)],
);

/** A progress report of a lead unit on a task, with the status it set; its evidence files in plan_report_files (plans-reports.ts). */
export const planTaskReports = pgTable(
  'plan_task_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** What was done. */
    text: text('text').notNull(),
    statusAfter: text('status_after', { enum: planTaskStatuses }).notNull(),
    /** The period covered, the difficulties, the proposals and an optional percentage (migration 0025). */
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    percent: integer('percent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('plan_task_reports_task_idx').on(table.taskId)],
);
