import { createHash } from 'node:crypto';
import { fillPlaceholders, is, type Query, type SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite';
import { escapeLiteral } from 'pg';
import type { Executor } from './client';

/*
 * Named prepared statements, for the hot statements whose text never changes (the dossier state read, the intake's
 * catalog read, the actions' one write statement). On PostgreSQL node-postgres prepares a named statement once per
 * connection and the server keeps its plan. PGlite's driver has no named statements — every query was parsed and
 * planned again (bench:dossiers, session 11: the state read 1.72 ms a call, 0.91 ms prepared) —, so there the
 * statement is prepared once with SQL `PREPARE` and run with `EXECUTE`, its values written as quoted literals
 * (`escapeLiteral`: `EXECUTE` takes no bound parameters; each literal is coerced to the type `PREPARE` inferred, as a
 * bound parameter's text is). A prepared statement lives as long as the PGlite session and outlives a rolled-back
 * transaction; schema changes re-plan it, as on the server. Every text given one name must be the same — only the
 * values may differ — with a result of fixed column types.
 */

/** Names prepared on each embedded database, by its drizzle dialect (one per database handle and its transactions). */
const preparedOnPglite = new WeakMap<object, Set<string>>();

/** A value as an SQL literal, or null when it is not one of the plain kinds a bound parameter's text is made from. */
function literalOf(value: unknown): string | null {
  if (value === null || value === undefined) return 'NULL';
  // A NUL would end the query's text early (the protocol sends it as a C string): such a value goes as a bound
  // parameter, which PostgreSQL refuses with its own data exception.
  if (typeof value === 'string') return value.includes('\u0000') ? null : escapeLiteral(value);
  if (typeof value === 'number' || typeof value === 'bigint') return escapeLiteral(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  return null;
}

async function runPrepared(
  executor: Executor,
  name: string,
  text: string,
  params: unknown[],
): Promise<{ rows: Record<string, unknown>[] }> {
  const { session, dialect } = executor as unknown as { session: PgSession; dialect: PgDialect };
  const run = async (query: Query, statementName?: string) =>
    (await session.prepareQuery(query, undefined, statementName, false).execute()) as { rows: Record<string, unknown>[] };
  if (!is(session, PgliteSession)) return run({ sql: text, params }, name);
  const literals = params.map(literalOf);
  if (literals.some((literal) => literal === null)) return run({ sql: text, params });
  let prepared = preparedOnPglite.get(dialect);
  if (!prepared) {
    prepared = new Set();
    preparedOnPglite.set(dialect, prepared);
  }
  if (!prepared.has(name)) {
    await run({ sql: `prepare ${name} as ${text}`, params: [] });
    prepared.add(name);
  }
  return run({ sql: literals.length > 0 ? `execute ${name}(${literals.join(', ')})` : `execute ${name}`, params: [] });
}

/** Runs `query` as the named prepared statement `name`. */
export async function executeNamed(executor: Executor, name: string, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  const { dialect } = executor as unknown as { dialect: PgDialect };
  const built = dialect.sqlToQuery(query);
  return runPrepared(executor, name, built.sql, built.params);
}

const namesOfTexts = new Map<string, string>();

/**
 * `text` with `params` ($1, $2, …) as a named prepared statement whose name is derived from the text itself: for
 * statements assembled from a few names whose text takes a bounded number of forms (src/db/json-rows.ts).
 */
export async function executeNamedText(executor: Executor, text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
  let name = namesOfTexts.get(text);
  if (!name) {
    name = `t_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    // Bounded by the forms the callers build; a guard against a caller that builds unbounded texts.
    if (namesOfTexts.size < 10_000) namesOfTexts.set(text, name);
  }
  return runPrepared(executor, name, text, params);
}

const builtQueries = new Map<string, Query>();

/**
 * `executeNamed` for a query whose text is built once a process: `build` gives its SQL with `sql.placeholder(key)`
 * where `values` change from call to call, and the text drizzle builds from it is kept under `name` (for the dossier
 * state read, building the text took ~0.15 ms of each call). The same rule as `executeNamed`: one text per name.
 */
export async function executeNamedBuilt(
  executor: Executor,
  name: string,
  build: () => SQL,
  values: Record<string, unknown>,
): Promise<{ rows: Record<string, unknown>[] }> {
  const { dialect } = executor as unknown as { dialect: PgDialect };
  let query = builtQueries.get(name);
  if (!query) {
    query = dialect.sqlToQuery(build());
    builtQueries.set(name, query);
  }
  return runPrepared(executor, name, query.sql, fillPlaceholders(query.params, values));
}
