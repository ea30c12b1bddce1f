import { and, asc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { metricsIndicatorGroups, metricsIndicators } from '../../db/schema/metrics';

/*
 * The indicator set of the KPI index in force on a day (versioned data, migration 0018; docs/api/metrics.md): a
 * group or indicator is in force from `validFrom` to the day before `validTo`.
 */

export type IndicatorDefinition = typeof metricsIndicators.$inferSelect;
export type IndicatorGroupDefinition = typeof metricsIndicatorGroups.$inferSelect & { indicators: IndicatorDefinition[] };

export async function indicatorSetOn(
  executor: Executor,
  day: string,
): Promise<{ validFrom: string | null; groups: IndicatorGroupDefinition[] }> {
  const groups = await executor
    .select()
    .from(metricsIndicatorGroups)
    .where(
      and(lte(metricsIndicatorGroups.validFrom, day), or(isNull(metricsIndicatorGroups.validTo), gt(metricsIndicatorGroups.validTo, day))),
    )
    .orderBy(asc(metricsIndicatorGroups.position));
  const indicators = await executor
    .select()
    .from(metricsIndicators)
    .where(and(lte(metricsIndicators.validFrom, day), or(isNull(metricsIndicators.validTo), gt(metricsIndicators.validTo, day))))
    .orderBy(asc(metricsIndicators.position));
  const validFrom =
    [...groups.map((group) => group.validFrom), ...indicators.map((indicator) => indicator.validFrom)].sort().at(-1) ?? null;
  return {
    validFrom,
    groups: groups.map((group) => ({ ...group, indicators: indicators.filter((indicator) => indicator.groupCode === group.code) })),
  };
}
