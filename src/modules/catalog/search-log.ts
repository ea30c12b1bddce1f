/*
 * Queries that found nothing, only approximate matches or needed a correction, counted per Vietnamese day (table
 * search_query_log) so that administrators see what citizens look for in vain and add a synonym. No personal data:
 * the query is kept in search form only, never with an address or a user, and a query holding a long number (an ID,
 * a phone) or an e-mail address is not kept at all. Counts are gathered in memory and written in batches, so that a
 * search never waits for a write.
 */
import { sql } from 'drizzle-orm';
import { toSearchForm } from '../../core/text';
import type { Database, Executor } from '../../db/client';

type Counts = { searches: number; withoutResult: number; approximate: number };
type Buffer = { entries: Map<string, Counts & { query: string; day: string }>; timer: NodeJS.Timeout | null };

const FLUSH_AFTER_MS = 30_000;
const FLUSH_AT_ENTRIES = 200;
const MAX_LOGGED_LENGTH = 120;
const buffers = new WeakMap<object, Buffer>();

/** Digits runs of 5 or more (ID card, phone, tax numbers…) or an @: personal data, never logged. Procedure codes are. */
const PERSONAL_DATA = /@|\d{5,}/;
const PROCEDURE_CODE = /^\d\.\d{6}$/;

export function loggableQuery(query: string): string | null {
  const trimmed = query.trim();
  if (!trimmed || PROCEDURE_CODE.test(trimmed)) return null;
  if (PERSONAL_DATA.test(trimmed.replace(/\s+/g, ''))) return null;
  const form = toSearchForm(trimmed).slice(0, MAX_LOGGED_LENGTH);
  return form || null;
}

export function recordSearch(
  db: Database,
  outcome: { query: string; total: number; isApproximate: boolean; isCorrected: boolean; day: string },
): void {
  const isPoor = outcome.total === 0 || outcome.isApproximate || outcome.isCorrected;
  const query = isPoor ? loggableQuery(outcome.query) : null;
  if (!query) return;
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = { entries: new Map(), timer: null };
    buffers.set(db, buffer);
  }
  const key = `${outcome.day}\u0000${query}`;
  const counts = buffer.entries.get(key) ?? { query, day: outcome.day, searches: 0, withoutResult: 0, approximate: 0 };
  counts.searches++;
  if (outcome.total === 0) counts.withoutResult++;
  if (outcome.isApproximate) counts.approximate++;
  buffer.entries.set(key, counts);
  if (buffer.entries.size >= FLUSH_AT_ENTRIES) void flushSearchLog(db).catch(() => {});
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushSearchLog(db).catch(() => {}), FLUSH_AFTER_MS);
    buffer.timer.unref();
  }
}

/** Writes the counts gathered so far (called before the log is read, and on a timer). */
export async function flushSearchLog(db: Executor): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer || buffer.entries.size === 0) return;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const rows = [...buffer.entries.values()];
  buffer.entries.clear();
  await db.execute(sql`
    insert into search_query_log (query, day, searches, without_result, approximate)
    select r.query, r.day::date, r.searches, r.without_result, r.approximate
    from jsonb_to_recordset(${JSON.stringify(
      rows.map((row) => ({
        query: row.query,
        day: row.day,
        searches: row.searches,
        without_result: row.withoutResult,
        approximate: row.approximate,
      })),
    )}::jsonb) as r(query text, day text, searches int, without_result int, approximate int)
    on conflict (query, day) do update set
      searches = search_query_log.searches + excluded.searches,
      without_result = search_query_log.without_result + excluded.without_result,
      approximate = search_query_log.approximate + excluded.approximate`);
}
