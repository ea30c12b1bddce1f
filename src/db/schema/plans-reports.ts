import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { storedFiles } from './files';
import { units } from './org';
import { planTaskReports, planTasks } from './plans';

/**
 * The evidence files of a progress report (issue 14, migration 0025): uploads of the files module made for this use
 * (stored_files.purpose 'plan_evidence'), each attached to one report only.
 */
export const planReportFiles = pgTable(
  'plan_report_files',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => planTaskReports.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.reportId, table.fileId], name: 'plan_report_files_pk' }),
    uniqueIndex('plan_report_files_file_idx').on(table.fileId),
  ],
);

/**
 * A comment on a task by a coordinating or lead unit's staff or the issuer's office (migration 0025). Its author edits
 * it (optimistic `version`, `editedAt`) or deletes it: the row stays as a tombstone (`deletedAt`, text emptied) and the
 * text before is in the audit events (migration 0037).
 */
export const planTaskComments = pgTable(
  'plan_task_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id),
  },
  (table) => [index('plan_task_comments_task_idx').on(table.taskId)],
);
