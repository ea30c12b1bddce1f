import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Gathers the planner's statistics (ANALYZE) after a bulk load. PostgreSQL's autovacuum does it in the background;
 * PGlite runs no autovacuum, so without this an embedded database plans every query as if its tables were empty
 * (nested loops over 1,649 procedures and their versions). Cheap: ANALYZE samples at most 30,000 rows a table; given
 * tables, only those are sampled, else the application's tables (not the system catalogs, which alone take ~0.4 s on
 * PGlite). On PostgreSQL it only brings forward what autovacuum would do.
 */
export async function refreshPlannerStatistics(db: Executor, tables?: PgTable[]) {
  const names = tables ? tables.map((table) => `"${getTableName(table)}"`) : await applicationTables(db);
  if (names.length === 0) return;
  await db.execute(sql.raw(`analyze ${names.join(', ')}`));
}

/** The tables of the schema the migrations create (quoted for SQL). */
async function applicationTables(db: Executor): Promise<string[]> {
  const result = await db.execute(sql`select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()`);
  return (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
}
