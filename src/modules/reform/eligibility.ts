import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { versionsInForce } from '../catalog';

/**
 * The procedures eligible for full online service (đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình): the
 * denominator of "eligible procedures offered fully online". The province publishes this as a list (a flag of the
 * catalog set by a list decision); until the catalog holds that flag, eligibility is read from the version in force:
 * a procedure offered online at all (online level full or partial) is taken as eligible, one with no online service
 * as not. Replace the body by the catalog's flag reader when it exists — the one place to change.
 */
export async function readFullOnlineEligibility(executor: Executor, day: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const current = versionsInForce('elig', day, { codes });
  const rows = await executor
    .select({ code: current.code, onlineLevel: current.onlineLevel })
    .from(current)
    .where(eq(current.isAbolished, false));
  return new Set(rows.filter((row) => row.onlineLevel !== 'none').map((row) => row.code));
}
