import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Gathers the planner's statistics (ANALYZE) after a bulk load. PostgreSQL's autovacuum does it in the background;
 * PGlite runs no autovacuum, so without this an embedded database plans every query as if its tables were empty
 * (nested loops over 1,649 procedures and their versions). Cheap: ANALYZE samples at most 30,000 rows a table; given
 * tables, only those are sampled. On PostgreSQL it only brings forward what autovacuum would do.
 */
export async function refreshPlannerStatistics(db: Executor, tables?: PgTable[]) {
  if (!tables) {
    await db.execute(sql`analyze`);
    return;
  }
  if (tables.length === 0) return;
  await db.execute(sql.raw(`analyze ${tables.map((table) => `"${getTableName(table)}"`).join(', ')}`));
}
