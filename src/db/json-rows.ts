import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/*
 * Rows passed to PostgreSQL as ONE jsonb parameter (`jsonb_populate_recordset`) instead of a placeholder per value:
 * the statement's text then depends only on which tables and columns are written, never on how many rows or what
 * they hold — so it is built by joining a few names (no query builder) and can be a named prepared statement
 * (src/db/named.ts). Values go through each column's own driver mapper, as drizzle's `values()` would send them.
 */

/** An INSERT of `rows` (objects keyed like the table's columns in code, as for drizzle's `values()`). */
export type RowsInsert = {
  table: PgTable;
  rows: readonly Record<string, unknown>[];
  /** The rows carry their identity column's value (`OVERRIDING SYSTEM VALUE`). */
  overridingSystemValue?: boolean;
  /** `ON CONFLICT (column) DO NOTHING`. */
  skipConflictOn?: PgColumn;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * `insert` split so that every row of a part sets the same columns: drizzle's `values()` gives a column a row leaves
 * undefined its default (`DEFAULT`), which a column list shared with rows that set it would turn into null.
 */
export function bySetColumns(insert: RowsInsert): RowsInsert[] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of insert.rows) {
    const key = Object.keys(row)
      .filter((name) => row[name] !== undefined)
      .sort()
      .join(',');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((rows) => ({ ...insert, rows }));
}

/** The columns of `table` that `rows` set (a key whose value is undefined takes the column's default), in table order. */
export function columnsSet(table: PgTable, rows: readonly Record<string, unknown>[]): [string, PgColumn][] {
  return Object.entries(getTableColumns(table)).filter(([key]) => rows.some((row) => row[key] !== undefined));
}

/** One row as `jsonb_populate_record` reads it: database column names, driver values (json columns as they are). */
export function jsonRow(columns: readonly [string, PgColumn][], row: Record<string, unknown>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = row[key];
    if (value === undefined) continue;
    if (value === null || column.columnType === 'PgJsonb' || column.columnType === 'PgJson') json[column.name] = value;
    else {
      const driver = column.mapToDriverValue(value);
      json[column.name] = driver instanceof Date ? driver.toISOString() : driver;
    }
  }
  return json;
}

/**
 * `insert into … select … from jsonb_populate_recordset(null::table, <param>)`, and the parameter's text: for rows
 * that all set the same columns (`bySetColumns`).
 */
export function insertFromJson(insert: RowsInsert, param: string): { text: string; value: string } {
  const columns = columnsSet(insert.table, insert.rows);
  const table = quote(getTableName(insert.table));
  const names = columns.map(([, column]) => quote(column.name)).join(', ');
  const overriding = insert.overridingSystemValue ? ' overriding system value' : '';
  const conflict = insert.skipConflictOn ? ` on conflict (${quote(insert.skipConflictOn.name)}) do nothing` : '';
  return {
    text: `insert into ${table} (${names})${overriding} select ${names} from jsonb_populate_recordset(null::${table}, ${param}::jsonb)${conflict}`,
    value: JSON.stringify(insert.rows.map((row) => jsonRow(columns, row))),
  };
}

/**
 * `update … set` the columns each row carries (by its `id`): a column one row sets and another does not keeps the
 * other's value (`e ? 'column'`). The text depends only on the union of the columns set.
 */
export function updateByIdFromJson(
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  param: string,
): { text: string; value: string } {
  const columns = columnsSet(table, rows).filter(([key]) => key !== 'id');
  const name = quote(getTableName(table));
  const sets = columns
    .map(
      ([, column]) =>
        `${quote(column.name)} = case when e ? '${column.name}' then n.${quote(column.name)} else t.${quote(column.name)} end`,
    )
    .join(', ');
  const id = getTableColumns(table).id!;
  return {
    text: `update ${name} t set ${sets} from jsonb_array_elements(${param}::jsonb) e, jsonb_populate_record(null::${name}, e) n where t."id" = n."id"`,
    value: JSON.stringify(rows.map((row) => jsonRow([['id', id], ...columns], row))),
  };
}
