import { eq, like, sql } from 'drizzle-orm';
import type { YearDeadlines, YearDeadlinesInput } from '../../contract/reform-proposals';
import { forbidden, invalid } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { can } from './policy';

/**
 * The programme's yearly deadlines (NQ 66 practice): units submit their proposals by 15/6, the province approves them
 * by 30/6. The rule for every year (MM-DD, setting `reform.deadlines`, admin) applies unless a year has deadlines of
 * its own (setting `reform.deadlines.YYYY`, full dates, admin or procedure control), e.g. a deadline moved for
 * one year.
 */
export const DEADLINES_KEY = 'reform.deadlines';
export const defaultDeadlines = { submissionDeadline: '06-15', approvalDeadline: '06-30' };
const yearKey = (year: number) => `${DEADLINES_KEY}.${year}`;

type StoredYear = { submissionDeadline: string; approvalDeadline: string };

/** The rule for every year (MM-DD). */
export async function readDeadlines(executor: Executor): Promise<typeof defaultDeadlines> {
  const [row] = await executor.select().from(settings).where(eq(settings.key, DEADLINES_KEY));
  return (row?.value as typeof defaultDeadlines | undefined) ?? defaultDeadlines;
}

/** Every year's deadlines in two small reads: a function from the year to its deadlines. */
export async function loadDeadlineCalendar(executor: Executor): Promise<(year: number) => YearDeadlines> {
  // In turn, not at once: the executor may be a transaction's client (one query at a time).
  const rule = await readDeadlines(executor);
  const rows = await executor
    .select()
    .from(settings)
    .where(like(settings.key, `${DEADLINES_KEY}.%`));
  const stored = new Map(rows.map((row) => [row.key, row.value as StoredYear]));
  return (year) => {
    const own = stored.get(yearKey(year));
    if (own) return { year, ...own, isDefault: false };
    return {
      year,
      submissionDeadline: `${year}-${rule.submissionDeadline}`,
      approvalDeadline: `${year}-${rule.approvalDeadline}`,
      isDefault: true,
    };
  };
}

export async function getYearDeadlines(executor: Executor, year: number): Promise<YearDeadlines> {
  return (await loadDeadlineCalendar(executor))(year);
}

function checkYearDeadlines(year: number, input: YearDeadlinesInput) {
  const details: { path: string; message: string }[] = [];
  for (const field of ['submissionDeadline', 'approvalDeadline'] as const) {
    if (!input[field].startsWith(`${year}-`)) details.push({ path: field, message: `Hạn phải là một ngày của năm ${year}.` });
  }
  if (details.length === 0 && input.approvalDeadline < input.submissionDeadline) {
    details.push({
      path: 'approvalDeadline',
      message: `Hạn phê duyệt không thể trước hạn trình (${formatVietnameseDate(input.submissionDeadline)}).`,
    });
  }
  if (details.length) throw invalid(details, 'Hạn trình, hạn phê duyệt không hợp lệ.');
}

/** Sets one year's deadlines (both days of that year, approval not before submission); audited. */
export async function setYearDeadlines(db: Database, actor: Actor | null, year: number, input: YearDeadlinesInput) {
  if (!can(actor, 'reform.configure')) throw forbidden();
  checkYearDeadlines(year, input);
  const value: StoredYear = { submissionDeadline: input.submissionDeadline, approvalDeadline: input.approvalDeadline };
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: yearKey(year), value })
      .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.update',
      entityType: 'setting',
      entityId: yearKey(year),
      data: value,
    });
  });
  return getYearDeadlines(db, year);
}
