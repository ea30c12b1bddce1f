import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

export const procedures = pgTable('procedures', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  latestVersionNo: integer('latest_version_no').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const decisionTypes = ['new', 'amended', 'replaced', 'abolished'] as const;
export type DecisionType = (typeof decisionTypes)[number];

export const publicationDecisions = pgTable('publication_decisions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  number: text('number').notNull(),
  issuedOn: date('issued_on').notNull(),
  signer: text('signer').notNull(),
  type: text('type').$type<DecisionType>().notNull(),
  effectiveDate: date('effective_date').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A published version never changes. The version in force on a day D is the one with
 * effective_from <= D < effective_to (null = open). Queryable parts are columns; the rest of the
 * record (components, steps, fees, process template...) is one JSON document per version.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    versionNo: integer('version_no').notNull(),
    decisionId: uuid('decision_id').references(() => publicationDecisions.id),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    isAbolished: boolean('is_abolished').notNull().default(false),
    name: text('name').notNull(),
    field: text('field').notNull(),
    levels: text('levels').array().notNull(),
    handlingUnitCodes: text('handling_unit_codes').array().notNull(),
    receivingUnitCodes: text('receiving_unit_codes').array().notNull(),
    onlineLevel: text('online_level').$type<'full' | 'partial' | 'none'>().notNull(),
    locationIndependent: boolean('location_independent').notNull(),
    postalEligible: boolean('postal_eligible').notNull(),
    businessRelated: boolean('business_related').notNull(),
    internalGroup: text('internal_group').$type<'A' | 'B'>(),
    timeAmount: numeric('time_amount', { mode: 'number' }).notNull(),
    timeUnit: text('time_unit').$type<'working_days' | 'working_hours' | 'calendar_days'>().notNull(),
    details: jsonb('details').notNull(),
    nameNorm: text('name_norm')
      .notNull()
      .generatedAlwaysAs(sql`motcua_norm(name)`),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`motcua_norm(name || ' ' || field || ' ' || code_text)`),
    codeText: text('code_text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('procedure_versions_no_unique').on(table.procedureId, table.versionNo),
    index('procedure_versions_effective_idx').on(table.effectiveFrom, table.effectiveTo),
    index('procedure_versions_field_idx').on(table.field),
    index('procedure_versions_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`),
  ],
);
