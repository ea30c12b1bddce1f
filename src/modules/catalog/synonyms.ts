/*
 * The search dictionary, edited by administrators and procedure controllers (docs/api/search.md). Every change is
 * one transaction with its audit event; the statement trigger on search_synonyms bumps search_state, so the next
 * query of every process expands with the new entry — no restart.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { SynonymInput, SynonymUpdate } from '../../contract/search';
import { AppError, conflict, forbidden, notFound } from '../../core/errors';
import { toSearchForm } from '../../core/text';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { searchQueryLog, searchSynonyms } from '../../db/schema/catalog-search';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { can } from './policy';
import { flushSearchLog } from './search-log';

type SynonymRow = typeof searchSynonyms.$inferSelect;

const toView = (row: SynonymRow) => ({
  id: row.id,
  term: row.term,
  expansion: row.expansion,
  note: row.note,
  isShipped: row.isShipped,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listSynonyms(db: Database, actor: Actor | null) {
  if (!can(actor, 'search.dictionary')) throw forbidden();
  const rows = await db.select().from(searchSynonyms).orderBy(searchSynonyms.termNorm, searchSynonyms.expansionNorm);
  return { items: rows.map(toView) };
}

async function checkPair(tx: Executor, input: SynonymInput, exceptId: string | null) {
  const term = toSearchForm(input.term);
  const expansion = toSearchForm(input.expansion);
  if (term === expansion) {
    throw new AppError('validation_failed', 'Từ tìm và từ trong danh mục phải khác nhau.', [
      { path: 'expansion', message: 'Giống từ tìm (không kể dấu, hoa thường).' },
    ]);
  }
  const [existing] = await tx
    .select({ id: searchSynonyms.id })
    .from(searchSynonyms)
    .where(and(eq(searchSynonyms.termNorm, term), eq(searchSynonyms.expansionNorm, expansion)));
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `Từ điển đã có "${input.term}" → "${input.expansion}".`, [{ path: 'term', message: 'Cặp từ đã có.' }]);
  }
}

export async function createSynonym(db: Database, actor: Actor | null, input: SynonymInput) {
  if (!can(actor, 'search.dictionary')) throw forbidden();
  const row = await db.transaction(async (tx) => {
    await checkPair(tx, input, null);
    const [inserted] = await tx
      .insert(searchSynonyms)
      .values({ term: input.term, expansion: input.expansion, note: input.note ?? null, createdBy: actor!.userId })
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'search.synonym_create',
      entityType: 'search_synonym',
      entityId: inserted!.id,
      data: { term: input.term, expansion: input.expansion },
    });
    return inserted!;
  });
  return toView(row);
}

export async function updateSynonym(db: Database, actor: Actor | null, id: string, input: SynonymUpdate) {
  if (!can(actor, 'search.dictionary')) throw forbidden();
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).for('update');
    if (!current) throw notFound('mục từ điển tìm kiếm');
    if (current.version !== input.version) throw conflict();
    await checkPair(tx, input, id);
    const [updated] = await tx
      .update(searchSynonyms)
      .set({ term: input.term, expansion: input.expansion, note: input.note ?? null, version: current.version + 1, updatedAt: new Date() })
      .where(eq(searchSynonyms.id, id))
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'search.synonym_update',
      entityType: 'search_synonym',
      entityId: id,
      data: { before: { term: current.term, expansion: current.expansion }, after: { term: input.term, expansion: input.expansion } },
    });
    return updated!;
  });
  return toView(row);
}

export async function deleteSynonym(db: Database, actor: Actor | null, id: string) {
  if (!can(actor, 'search.dictionary')) throw forbidden();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning();
    if (!row) throw notFound('mục từ điển tìm kiếm');
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'search.synonym_delete',
      entityType: 'search_synonym',
      entityId: id,
      data: { term: row.term, expansion: row.expansion },
    });
  });
}

/** The most frequent queries with no or poor results over the last `days` days (Vietnamese calendar days). */
export async function listSearchMisses(db: Database, actor: Actor | null, options: { days: number; limit: number }, today = vietnamDate()) {
  if (!can(actor, 'search.dictionary')) throw forbidden();
  await flushSearchLog(db);
  const since = sql`(${today}::date - ${options.days - 1}::int)`;
  const rows = await db
    .select({
      query: searchQueryLog.query,
      searches: sql<number>`sum(${searchQueryLog.searches})::int`,
      withoutResult: sql<number>`sum(${searchQueryLog.withoutResult})::int`,
      approximate: sql<number>`sum(${searchQueryLog.approximate})::int`,
      lastDay: sql<string>`max(${searchQueryLog.day})::text`,
    })
    .from(searchQueryLog)
    .where(gte(searchQueryLog.day, since))
    .groupBy(searchQueryLog.query)
    .orderBy(desc(sql`sum(${searchQueryLog.withoutResult})`), desc(sql`sum(${searchQueryLog.searches})`), searchQueryLog.query)
    .limit(options.limit);
  return { items: rows };
}
