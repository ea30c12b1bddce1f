import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { conflict } from '../../core/errors';
import type { Executor } from '../../db/client';

/*
 * The writes of one change as ONE statement (data-modifying WITH: every part runs, on the same snapshot, all or
 * nothing, in one round trip). The parts must not write the same row twice (an action merges a step's changes
 * first) nor read each other's rows. Foreign keys are checked at the end of the statement.
 */

/** A query builder (insert / update / delete) built and not yet run, or raw SQL. */
export type Batchable = SQLWrapper;

/**
 * Runs `writes` in one statement. `guard`, when given, is an UPDATE … RETURNING that must match a row (the
 * version-guarded update of the dossier): when it matches none, the statement's other writes are undone with the
 * transaction (409).
 */
export async function runWrites(executor: Executor, writes: readonly Batchable[], guard?: Batchable): Promise<void> {
  const parts: SQL[] = [];
  if (guard) parts.push(sql`g as (${guard.getSQL()})`);
  for (const [index, write] of writes.entries()) parts.push(sql`${sql.raw(`w${index}`)} as (${write.getSQL()})`);
  if (parts.length === 0) return;
  const tail = guard ? sql`select count(*)::int as n from g` : sql`select 1 as n`;
  const result = await executor.execute(sql`with ${sql.join(parts, sql`, `)} ${tail}`);
  const [row] = (result as unknown as { rows: { n: number | string }[] }).rows;
  if (guard && Number(row?.n ?? 0) === 0) throw conflict();
}

/**
 * `head` (an INSERT … RETURNING of every column) and `writes` in one statement, like `runWrites`; answers the row
 * `head` wrote, as `to_jsonb` (its defaults filled in). The writes may reference that row (foreign keys are checked
 * at the end of the statement) but not read it.
 */
export async function runWritesReturning(
  executor: Executor,
  head: Batchable,
  writes: readonly Batchable[],
): Promise<Record<string, unknown>> {
  const parts: SQL[] = [sql`h as (${head.getSQL()})`];
  for (const [index, write] of writes.entries()) parts.push(sql`${sql.raw(`w${index}`)} as (${write.getSQL()})`);
  const result = await executor.execute(sql`with ${sql.join(parts, sql`, `)} select to_jsonb(h) as row from h`);
  const [row] = (result as unknown as { rows: { row: unknown }[] }).rows;
  return (typeof row!.row === 'string' ? JSON.parse(row!.row) : row!.row) as Record<string, unknown>;
}
