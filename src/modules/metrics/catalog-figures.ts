import type { WorkCalendar } from '../../core/calendar';
import { dayAfter } from '../../core/metrics/periods';
import type { Executor } from '../../db/client';
import { isFlagPublishedOn, listPublishedItems, type PublishedItem, procedureFlagsOn, versionsInForce } from '../catalog';

/*
 * The index's indicators read from the catalog (docs/api/metrics.md): procedures offered fully online among those
 * the province's list makes eligible, procedures published on time, decisions made public on the national database in
 * time. Each answers a numerator and a denominator, or why there is no figure.
 */

export type Fraction = { numerator: number; denominator: number } | { noDataReason: string };

/** Procedures in force on `day` handled in the scope and eligible for full online (the list flag) → offered fully online. */
export async function proceduresOnline(executor: Executor, unitCodes: string[], day: string): Promise<Fraction> {
  return (await proceduresOnlineReader(executor, unitCodes, day))(unitCodes);
}

/**
 * The catalog figures of `proceduresOnline` for `unitCodes` read once; the answer gives the fraction of any part of
 * them (the ranking's children: the versions handled by one of its codes).
 */
export async function proceduresOnlineReader(
  executor: Executor,
  unitCodes: string[],
  day: string,
): Promise<(part: readonly string[]) => Fraction> {
  if (!(await isFlagPublishedOn(executor, 'fullOnlineEligible', day))) {
    return () => ({
      noDataReason: 'Chưa có dữ liệu: chưa có quyết định công bố danh mục TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình.',
    });
  }
  const relation = versionsInForce('v', day, { handledBy: unitCodes });
  const versions = (await executor.select().from(relation)).filter((version) => !version.isAbolished);
  const flags = await procedureFlagsOn(
    executor,
    day,
    versions.map((version) => version.code),
  );
  const eligible = versions.filter((version) => flags.get(version.code)?.fullOnlineEligible);
  return (part) => {
    const codes = new Set(part);
    const handled = eligible.filter((version) => version.handlingUnitCodes.some((code) => codes.has(code)));
    return { numerator: handled.filter((version) => version.onlineLevel === 'full').length, denominator: handled.length };
  };
}

/**
 * Items of the decisions effective in the period: on time when the decision was not entered late and takes effect
 * no later than the latest effective date of the version's legal bases (the text that called for it).
 */
export async function proceduresPublishedOnTime(items: readonly PublishedItem[]): Promise<Fraction> {
  const onTime = items.filter((item) => {
    if (item.isLatePublication) return false;
    const latestBasis = [...item.legalBasisEffectiveDates].sort().at(-1);
    return !latestBasis || item.effectiveDate <= latestBasis;
  });
  return { numerator: onTime.length, denominator: items.length };
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`), stopping past `limit`. */
function workingDaysAfter(calendar: WorkCalendar, from: string, to: string, limit: number): number {
  let count = 0;
  for (let day = dayAfter(from); day <= to && count <= limit; day = dayAfter(day)) if (calendar.isWorkingDay(day)) count++;
  return count;
}

/** Decisions effective in the period: made public on the national database within N working days of their issue. */
export async function decisionsPublicInTime(
  items: readonly PublishedItem[],
  calendar: WorkCalendar,
  withinWorkingDays: number,
): Promise<Fraction> {
  const decisions = new Map(items.map((item) => [item.decisionId, item]));
  let inTime = 0;
  for (const decision of decisions.values()) {
    const published = decision.nationalPublishedOn;
    if (published && workingDaysAfter(calendar, decision.issuedOn, published, withinWorkingDays) <= withinWorkingDays) inTime++;
  }
  return { numerator: inTime, denominator: decisions.size };
}

/** The items of the decisions effective in the period, read once for both transparency indicators. */
export function publishedItemsLoader(executor: Executor, unitCodes: string[], from: string, to: string): () => Promise<PublishedItem[]> {
  let items: Promise<PublishedItem[]> | undefined;
  return () => {
    items ??= listPublishedItems(executor, { from, to, handledBy: unitCodes });
    return items;
  };
}
