import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema/dossiers';
import type { BookEntry } from './forms/types';
import { within } from './uuid-list';

/**
 * "Quyển số / Số thứ tự" (Mẫu 01 and Mẫu 07, docs/formats/dossier-forms.md): each receiving unit keeps one tracking
 * book a year (the Vietnam year of the receipt); a dossier's line is its rank among the dossiers that unit received
 * that year, by `receivedAt` then code. `receivedAt` is written once, at acceptance, and never changes: a line, once
 * given, stays. Dossiers never received (submitted, refused at the desk) have no line.
 */
export type { BookEntry };

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** The Vietnam year of an instant (UTC+7, no daylight saving). */
export const vietnamYear = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);

/** The book and line of each dossier of `ids` that was received (one query per receiving unit and year). */
export async function bookEntries(executor: Executor, ids: readonly string[]): Promise<Map<string, BookEntry>> {
  const entries = new Map<string, BookEntry>();
  if (ids.length === 0) return entries;
  const targets = await executor
    .select({ id: dossiers.id, unitId: dossiers.receivingUnitId, receivedAt: dossiers.receivedAt })
    .from(dossiers)
    .where(and(inArray(dossiers.id, [...ids]), isNotNull(dossiers.receivedAt), isNotNull(dossiers.receivingUnitId)));
  const groups = new Map<string, { unitId: string; year: number; ids: Set<string> }>();
  for (const target of targets) {
    const year = vietnamYear(target.receivedAt!);
    const key = `${target.unitId}:${year}`;
    const group = groups.get(key) ?? { unitId: target.unitId!, year, ids: new Set<string>() };
    group.ids.add(target.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    // The line is the rank in the unit's year, computed by PostgreSQL over `dossiers_book_idx` (unit, received,
    // code; migration 0031) in that order: only the asked-for rows come back, not the year's ids (tens of thousands at
    // a province desk).
    const rows = (await executor.execute(sql`select id, line from (
        select ${dossiers.id} as id, row_number() over (order by ${dossiers.receivedAt}, ${dossiers.code}) as line
        from ${dossiers}
        where ${dossiers.receivingUnitId} = ${group.unitId}
          and ${dossiers.receivedAt} >= ${yearStart(group.year)} and ${dossiers.receivedAt} < ${yearStart(group.year + 1)}
      ) ranked where ${within(sql`id`, [...group.ids])}`)) as unknown as {
      rows: { id: string; line: number | string }[];
    };
    for (const row of rows.rows) entries.set(row.id, { book: String(group.year), line: Number(row.line) });
  }
  return entries;
}
