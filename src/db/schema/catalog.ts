import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { decisionTypes, internalGroups, onlineLevels, timeUnits } from '../../contract/enums';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const procedures = pgTable('procedures', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  latestVersionNo: integer('latest_version_no').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const publicationDecisions = pgTable('publication_decisions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  number: text('number').notNull(),
  issuedOn: date('issued_on').notNull(),
  signer: text('signer').notNull(),
  type: text('type', { enum: decisionTypes }).notNull(),
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
    onlineLevel: text('online_level', { enum: onlineLevels }).notNull(),
    locationIndependent: boolean('location_independent').notNull(),
    postalEligible: boolean('postal_eligible').notNull(),
    businessRelated: boolean('business_related').notNull(),
    internalGroup: text('internal_group', { enum: internalGroups }),
    timeAmount: numeric('time_amount', { mode: 'number' }).notNull(),
    timeUnit: text('time_unit', { enum: timeUnits }).notNull(),
    details: jsonb('details').notNull(),
    nameNorm: text('name_norm').notNull().generatedAlwaysAs(sql`motcua_norm(name)`),
    /** Words of the name and code (weight A) and the field (weight C), in search form; GIN-indexed. */
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, motcua_norm(name || ' ' || code_text)), 'A') || setweight(to_tsvector('simple'::regconfig, motcua_norm(field)), 'C')`,
      ),
    codeText: text('code_text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('procedure_versions_no_unique').on(table.procedureId, table.versionNo),
    index('procedure_versions_effective_idx').on(table.effectiveFrom, table.effectiveTo),
    index('procedure_versions_field_idx').on(table.field),
    index('procedure_versions_search_idx').using('gin', table.searchVector),
  ],
);

/** Every word of every procedure's search vector (kept by a trigger, migration 0002): the vocabulary typos are corrected against. */
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});

/**
 * Approvals of a procedure's internal process (quyết định phê duyệt quy trình nội bộ, docs/DOMAIN.md §4), kept apart
 * from the versions: approving a new process needs no new version of the procedure. The approval in force on a day D
 * is the one with the latest effective_from <= D; rows are never changed, a later approval takes over.
 */
export const procedureProcesses = pgTable(
  'procedure_processes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    signer: text('signer').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    committedAmount: numeric('committed_amount', { mode: 'number' }).notNull(),
    committedUnit: text('committed_unit', { enum: timeUnits }).notNull(),
    steps: jsonb('steps').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('procedure_processes_effective_unique').on(table.procedureCode, table.effectiveFrom)],
);
