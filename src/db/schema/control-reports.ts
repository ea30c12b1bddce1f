import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ControlReportFigures, ControlReportNarrative, ControlReportSigner } from '../../contract/control-reports';
import { users } from './auth';
import { units } from './org';

/**
 * Periodic reports of the procedure-control office (issue 13, docs/api/control-reports.md; migration 0023): one per
 * unit, kind and reporting period, with the figures frozen at signing and the narrative parts the office wrote.
 */
export const controlReports = pgTable(
  'control_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: ['monthly', 'quarterly', 'yearly'] }).notNull(),
    year: integer('year').notNull(),
    periodIndex: integer('period_index').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: ['draft', 'signed'] })
      .notNull()
      .default('draft'),
    figures: jsonb('figures').$type<ControlReportFigures>().notNull(),
    narrative: jsonb('narrative').$type<ControlReportNarrative>().notNull(),
    number: text('number'),
    signedOn: date('signed_on'),
    signer: jsonb('signer').$type<ControlReportSigner>(),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('control_reports_period_unique').on(table.unitId, table.kind, table.year, table.periodIndex),
    index('control_reports_due_idx').on(table.status, table.dueOn),
  ],
);
