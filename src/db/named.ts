import { createHash } from 'node:crypto';
import type { Query, SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Runs `query` as the named prepared statement `name`: node-postgres prepares it once per connection and PostgreSQL
 * keeps its plan (no parse, no plan on the next runs); PGlite runs it as any statement. For the hot statements whose
 * text never changes (the dossier state read, the intake's catalog read). Every `query` given one name must have the
 * same text — only its parameters' values may differ — and a result of fixed column types.
 */
export async function executeNamed(executor: Executor, name: string, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  const { session, dialect } = executor as unknown as { session: PgSession; dialect: PgDialect };
  return (await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute()) as { rows: Record<string, unknown>[] };
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
  const { session } = executor as unknown as { session: PgSession };
  return (await session.prepareQuery({ sql: text, params }, undefined, name, false).execute()) as { rows: Record<string, unknown>[] };
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
  const { session, dialect } = executor as unknown as { session: PgSession; dialect: PgDialect };
  let query = builtQueries.get(name);
  if (!query) {
    query = dialect.sqlToQuery(build());
    builtQueries.set(name, query);
  }
  return (await session.prepareQuery(query, undefined, name, false).execute(values)) as { rows: Record<string, unknown>[] };
}
