import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { planOccurrenceStates } from '../../contract/plans-occurrences';
import { planTaskReports, planTaskUnits } from './plans';

/**
 * A due occurrence of a task's deadline for one of its lead units (issue 14, migration 0028; rules in
 * src/core/plans/occurrences.ts): its due day and the first day of its period (Vietnam days), its state and the
 * progress report that met it. Written by src/modules/plans/occurrences.ts.
 */
export const planOccurrences = pgTable(
  'plan_occurrences',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskUnitId: uuid('task_unit_id')
      .notNull()
      .references(() => planTaskUnits.id, { onDelete: 'cascade' }),
    /** The deadline's position in the task's `deadlines`. */
    deadlineIndex: integer('deadline_index').notNull(),
    dueOn: date('due_on').notNull(),
    periodFrom: date('period_from').notNull(),
    state: text('state', { enum: planOccurrenceStates }).notNull().default('pending'),
    reportId: uuid('report_id').references(() => planTaskReports.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('plan_occurrences_key_idx').on(table.taskUnitId, table.deadlineIndex, table.dueOn),
    index('plan_occurrences_due_idx').on(table.dueOn, table.state),
    check('plan_occurrences_state_check', sql`${table.state} IN ('pending', 'reported', 'overdue')`),
  ],
);
