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

/**
 * The application's tables whose size moved away from what the planner last recorded (`relpages`, set by ANALYZE and
 * VACUUM) by more than 8 pages and a fifth, analysed: the embedded database's stand-in for autovacuum's analyze
 * (job `database-statistics`, PGlite only). Without it, a server started on a small database keeps the plans it made
 * then — PGlite is one connection that never closes, and only new statistics invalidate a cached plan — and scans
 * whole tables as they grow (measured in session 10 with bench:dossiers: a dossier's state read 1.4 → 2.9 ms as its
 * tables grew from nothing to 2,000 rows). Reading the sizes costs a catalog scan; a table that did not move is not
 * touched. Returns the tables analysed.
 */
export async function refreshStaleStatistics(db: Executor): Promise<string[]> {
  const result = await db.execute(sql`select quote_ident(c.relname) as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > 8 + 0.2 * c.relpages
    order by c.relname`);
  const names = (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
  if (names.length > 0) await db.execute(sql.raw(`analyze ${names.join(', ')}`));
  return names;
}
