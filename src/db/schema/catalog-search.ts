import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** What citizens type → what the catalog says, expanded at query time (migration 0008 ships the defaults). */
export const searchSynonyms = pgTable(
  'search_synonyms',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    term: text('term').notNull(),
    expansion: text('expansion').notNull(),
    termNorm: text('term_norm').notNull().generatedAlwaysAs(sql`motcua_norm(term)`),
    expansionNorm: text('expansion_norm').notNull().generatedAlwaysAs(sql`motcua_norm(expansion)`),
    note: text('note'),
    isShipped: boolean('is_shipped').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('search_synonyms_pair_unique').on(table.termNorm, table.expansionNorm)],
);

/** One row of counters bumped by statement triggers on procedure_versions and search_synonyms: the in-memory index's clock. */
export const searchState = pgTable(
  'search_state',
  {
    id: integer('id').primaryKey().default(1),
    catalogVersion: bigint('catalog_version', { mode: 'number' }).notNull().default(0),
    dictionaryVersion: bigint('dictionary_version', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('search_state_single_row', sql`${table.id} = 1`)],
);

/** Queries with no or poor results per day, in search form (no personal data). */
export const searchQueryLog = pgTable(
  'search_query_log',
  {
    query: text('query').notNull(),
    day: date('day').notNull(),
    searches: integer('searches').notNull().default(0),
    withoutResult: integer('without_result').notNull().default(0),
    approximate: integer('approximate').notNull().default(0),
  },
  (table) => [primaryKey({ name: 'search_query_log_pk', columns: [table.query, table.day] })],
);
