import type { SQL } from 'drizzle-orm';
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
