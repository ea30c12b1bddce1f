import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * `column` is one of `ids` (null: no restriction — a role over the whole tree; empty: nothing). One uuid[] parameter:
 * the planner sees its values (the statement is planned with them), so it estimates the branch and hashes a long list.
 */
export const within = (column: SQLWrapper, ids: readonly string[] | null): SQL =>
  ids === null ? sql`true` : ids.length ? sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])` : sql`false`;
