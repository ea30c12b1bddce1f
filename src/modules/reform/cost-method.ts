import { eq, sql } from 'drizzle-orm';
import type { CostMethod, CostMethodView } from '../../contract/reform';
import { costMethodSchema } from '../../contract/reform';
import { forbidden } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { BASELINE_YEAR, incomeRateFor, loadIncomeRates } from './income-rates';
import { can } from './policy';

/** Key of the setting in the shared settings table (docs/adr/0002-module-walls.md, 4c). */
export const COST_METHOD_KEY = 'reform.costMethod';

/** The documented default (docs/api/reform.md, "Cost method"): waiting time counted as activity at full income. */
export const DEFAULT_COST_METHOD: CostMethod = { waitingIncomeShare: 1 };

export async function loadCostMethod(executor: Executor): Promise<{ method: CostMethod; isDefault: boolean }> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, COST_METHOD_KEY));
  const parsed = row ? costMethodSchema.safeParse(row.value) : null;
  return parsed?.success ? { method: parsed.data, isDefault: false } : { method: DEFAULT_COST_METHOD, isDefault: true };
}

export async function getCostMethodView(executor: Executor): Promise<CostMethodView> {
  // In turn: the executor may be a transaction's client (one query at a time).
  const { method, isDefault } = await loadCostMethod(executor);
  const rates = await loadIncomeRates(executor);
  return { ...method, incomeYear: BASELINE_YEAR, hourlyIncomeVnd: incomeRateFor(rates, BASELINE_YEAR)?.hourlyIncomeVnd ?? null, isDefault };
}

/** Who may change it: those who set income rates and targets (policy `reform.configure`). */
export async function saveCostMethod(db: Database, actor: Actor | null, input: CostMethod): Promise<CostMethodView> {
  if (!can(actor, 'reform.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: COST_METHOD_KEY, value: input })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.update',
      entityType: 'setting',
      entityId: COST_METHOD_KEY,
      data: input,
    });
  });
  return getCostMethodView(db);
}
