import type { PgTable } from 'drizzle-orm/pg-core';
import { AppError, conflict } from '../../core/errors';
import type { Executor } from '../../db/client';
import { bySetColumns, columnsSet, insertFromJson, jsonRow, type RowsInsert, updateByIdFromJson } from '../../db/json-rows';
import { executeNamedText } from '../../db/named';
import { dossiers } from '../../db/schema/dossiers';

/*
 * The writes of one change as ONE statement (data-modifying WITH: every part runs, on the same snapshot, all or
 * nothing, in one round trip). The parts must not write the same row twice (an action merges a step's changes
 * first) nor read each other's rows. Foreign keys are checked at the end of the statement.
 */

/** The guard matched no row: nothing of the statement was written (409, or the caller tries again under a lock). */
export class GuardMissedError extends AppError {
  constructor() {
    super('conflict', conflict().message);
  }
}

/*
 * When the guard matches no row the statement itself fails (a cast that fails only then, and only at run time: the
 * CASE branch depends on the count), so that its other writes are undone even outside a transaction — an action's
 * write runs on its own when nothing else of the action writes (actions/perform.ts).
 */
const GUARD_MARKER = 'dossier-guard-missed';
const guardTail = `select case when count(*) = 0 then ('${GUARD_MARKER}:' || count(*))::int else 1 end as n from g`;

/** The database's own error for that cast (the query-builder's wrapper names the statement's text, marker included). */
function isGuardFailure(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: string }).code === '22P02' && cause.message.includes(GUARD_MARKER)) return true;
  }
  return false;
}

/**
 * The version-guarded update of a dossier: `set` (keyed as in code) on the row of `id` while its version is still
 * `version` — and, when `rowVersion` is given, while the row is the one read (`xmin`, state.ts) — bumping the version.
 */
export type DossierGuard = { id: string; version: number; rowVersion: string | null; set: Partial<typeof dossiers.$inferInsert> };

/** Rows of `table` updated by id, each with the columns it carries. */
export type RowsUpdate = { table: PgTable; rows: readonly Record<string, unknown>[] };

/**
 * Writes `guard`, `updates` and `inserts` in one statement whose text depends only on the tables and columns written
 * (src/db/json-rows.ts: one jsonb parameter per part), run as a named prepared statement. When the guard matches no
 * row, none of the writes happen (`GuardMissedError`, a 409).
 */
export async function runRowWrites(
  executor: Executor,
  writes: { guard?: DossierGuard; updates?: readonly RowsUpdate[]; inserts?: readonly RowsInsert[] },
): Promise<void> {
  const parts: string[] = [];
  const params: unknown[] = [];
  const next = () => `$${params.length + 1}`;
  const { guard } = writes;
  if (guard) {
    const columns = columnsSet(dossiers, [guard.set]).filter(([key]) => key !== 'version');
    const sets = [...columns.map(([, column]) => `"${column.name}" = n."${column.name}"`), '"version" = d."version" + 1'].join(', ');
    const row = next();
    params.push(JSON.stringify(jsonRow(columns, guard.set)));
    const [id, version, rowVersion] = [next(), `$${params.length + 2}`, `$${params.length + 3}`];
    params.push(guard.id, guard.version, guard.rowVersion);
    parts.push(
      `g as (update "dossiers" d set ${sets} from jsonb_populate_record(null::"dossiers", ${row}::jsonb) n where d."id" = ${id}::uuid and d."version" = ${version}::int and d.xmin = coalesce(${rowVersion}::xid, d.xmin) returning d."id")`,
    );
  }
  const add = (part: { text: string; value: string }) => {
    parts.push(`w${parts.length} as (${part.text})`);
    params.push(part.value);
  };
  for (const update of writes.updates ?? []) if (update.rows.length) add(updateByIdFromJson(update.table, update.rows, next()));
  for (const insert of writes.inserts ?? []) for (const part of bySetColumns(insert)) add(insertFromJson(part, next()));
  if (parts.length === 0) return;
  try {
    await executeNamedText(executor, `with ${parts.join(', ')} ${guard ? guardTail : 'select 1 as n'}`, params);
  } catch (error) {
    if (guard && isGuardFailure(error)) throw new GuardMissedError();
    throw error;
  }
}

/**
 * `head` (one row) inserted with `inserts` in one named statement, like `runRowWrites`; answers the row `head` wrote,
 * as `to_jsonb` (its defaults filled in). The inserts may reference that row (foreign keys are checked at the end of
 * the statement) but not read it.
 */
export async function runRowWritesReturning(
  executor: Executor,
  head: RowsInsert,
  inserts: readonly RowsInsert[],
): Promise<Record<string, unknown>> {
  const first = insertFromJson(head, '$1');
  const parts = [`h as (${first.text} returning *)`];
  const params: unknown[] = [first.value];
  for (const insert of inserts) {
    for (const part of bySetColumns(insert)) {
      const written = insertFromJson(part, `$${params.length + 1}`);
      parts.push(`w${parts.length} as (${written.text})`);
      params.push(written.value);
    }
  }
  const { rows } = await executeNamedText(executor, `with ${parts.join(', ')} select to_jsonb(h) as row from h`, params);
  const row = rows[0]!.row;
  return (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
}
