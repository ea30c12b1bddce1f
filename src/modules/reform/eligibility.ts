import type { Executor } from '../../db/client';
import { isFlagPublishedOn, procedureFlagsOn } from '../catalog';

/**
 * The procedures eligible for full online service (đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình): the
 * denominator of "eligible procedures offered fully online". The province publishes this as a list: a list decision
 * of the catalog sets the flag `fullOnlineEligible` per procedure, with its own date (catalog `procedureFlagsOn`).
 * Eligibility is read from that list as it stands on `day`, never guessed from the online level. `null` when no list
 * decision in force on `day` has ever set the flag in this installation: the province has not published its list
 * yet, and the indicator says it has no data instead of inventing a denominator.
 */
export async function readFullOnlineEligibility(executor: Executor, day: string, codes: string[]): Promise<Set<string> | null> {
  if (!(await isFlagPublishedOn(executor, 'fullOnlineEligible', day))) return null;
  if (codes.length === 0) return new Set();
  const flags = await procedureFlagsOn(executor, day, codes);
  return new Set([...flags].filter(([, value]) => value.fullOnlineEligible).map(([code]) => code));
}
