import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { decisionForms, decisionTypes, internalGroups, onlineLevels, procedureListFlags, timeUnits } from '../../contract/enums';
import { storedFiles } from './files';

export const procedures = pgTable('procedures', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  latestVersionNo: integer('latest_version_no').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A decision of publication (NĐ 63 Điều 13–15): one document, many items (publicationDecisionItems) and, for list
 * decisions, flag changes. The number ("1234/QĐ-UBND": số and ký hiệu as written) is unique per issuing authority;
 * rows recorded before migration 0006 have no issuing authority and stay out of that rule.
 */
export const publicationDecisions = pgTable(
  'publication_decisions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    number: text('number').notNull(),
    /** A unit of the tree (UBND tỉnh), or null for an authority outside it (a ministry) or a row recorded before 0006. */
    issuerUnitCode: text('issuer_unit_code'),
    issuerName: text('issuer_name'),
    issuedOn: date('issued_on').notNull(),
    signer: text('signer').notNull(),
    signerTitle: text('signer_title'),
    effectiveDate: date('effective_date').notNull(),
    form: text('form', { enum: decisionForms }).notNull().default('full'),
    /** Made public on the national database of procedures (CSDL quốc gia). */
    nationalPublishedOn: date('national_published_on'),
    /** A link to the signed decision, as recorded before the file itself was stored (migration 0017): still shown. */
    signedFileUrl: text('signed_file_url'),
    /** The signed decision (a PDF) kept by the files module; public once attached. */
    signedFileId: uuid('signed_file_id').references(() => storedFiles.id),
    /** Entered after its effective date: its versions start the day it was entered (docs/DOMAIN.md §2). */
    isLatePublication: boolean('is_late_publication').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('publication_decisions_issuer_number_unique').on(sql`coalesce(${table.issuerUnitCode}, ${table.issuerName})`, table.number),
  ],
);

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
    codeText: text('code_text').notNull(),
    /** Codes this version replaces (item "replaced" of its decision); each got an abolished version naming this code. */
    replacesCodes: text('replaces_codes').array().notNull().default(sql`'{}'`),
    /** On the abolished version of a replaced code: the code that replaces it. */
    replacedByCode: text('replaced_by_code'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('procedure_versions_no_unique').on(table.procedureId, table.versionNo),
    index('procedure_versions_effective_idx').on(table.effectiveFrom, table.effectiveTo),
    index('procedure_versions_field_idx').on(table.field),
  ],
);

/** One item of a decision: what it does to one procedure code, and the version it published. */
export const publicationDecisionItems = pgTable(
  'publication_decision_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => publicationDecisions.id),
    position: integer('position').notNull(),
    action: text('action', { enum: decisionTypes }).notNull(),
    procedureCode: text('procedure_code').notNull(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => procedureVersions.id),
    replacesCodes: text('replaces_codes').array().notNull().default(sql`'{}'`),
  },
  (table) => [
    unique('publication_decision_items_position_unique').on(table.decisionId, table.position),
    unique('publication_decision_items_version_unique').on(table.versionId),
    index('publication_decision_items_code_idx').on(table.procedureCode),
  ],
);

/**
 * The flags a province publishes as lists (eligible for full online, one-stop desk...), changed by list decisions
 * without a new version: the value of a flag on day D is the one of its latest change effective on or before D.
 */
export const procedureFlagChanges = pgTable(
  'procedure_flag_changes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => publicationDecisions.id),
    procedureCode: text('procedure_code').notNull(),
    flag: text('flag', { enum: procedureListFlags }).notNull(),
    value: boolean('value').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('procedure_flag_changes_unique').on(table.decisionId, table.procedureCode, table.flag),
    index('procedure_flag_changes_code_idx').on(table.procedureCode, table.flag, table.effectiveFrom),
  ],
);

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
