import { and, asc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { metricsIndicatorGroups, metricsIndicators } from '../../db/schema/metrics';

/*
 * The indicator set of the KPI index in force on a day (versioned data, migration 0018; docs/api/metrics.md): a
 * group or indicator is in force from `validFrom` to the day before `validTo`.
 */

export type IndicatorDefinition = typeof metricsIndicators.$inferSelect;
export type IndicatorGroupDefinition = typeof metricsIndicatorGroups.$inferSelect & { indicators: IndicatorDefinition[] };

export type IndicatorSet = { validFrom: string | null; groups: IndicatorGroupDefinition[] };

const isInForce = (row: { validFrom: string; validTo: string | null }, day: string) =>
  row.validFrom <= day && (row.validTo === null || row.validTo > day);

export async function indicatorSetOn(executor: Executor, day: string): Promise<IndicatorSet> {
  return (await indicatorSetsOn(executor, [day])).get(day)!;
}

/** The sets in force on each of `days`, read in one pass (the dashboard's months). */
export async function indicatorSetsOn(executor: Executor, days: readonly string[]): Promise<Map<string, IndicatorSet>> {
  const sets = new Map<string, IndicatorSet>();
  if (!days.length) return sets;
  const first = [...days].sort()[0]!;
  const last = [...days].sort().at(-1)!;
  const groups = await executor
    .select()
    .from(metricsIndicatorGroups)
    .where(
      and(
        lte(metricsIndicatorGroups.validFrom, last),
        or(isNull(metricsIndicatorGroups.validTo), gt(metricsIndicatorGroups.validTo, first)),
      ),
    )
    .orderBy(asc(metricsIndicatorGroups.position));
  const indicators = await executor
    .select()
    .from(metricsIndicators)
    .where(and(lte(metricsIndicators.validFrom, last), or(isNull(metricsIndicators.validTo), gt(metricsIndicators.validTo, first))))
    .orderBy(asc(metricsIndicators.position));
  for (const day of days) {
    const groupsOn = groups.filter((group) => isInForce(group, day));
    const indicatorsOn = indicators.filter((indicator) => isInForce(indicator, day));
    const validFrom =
      [...groupsOn.map((group) => group.validFrom), ...indicatorsOn.map((indicator) => indicator.validFrom)].sort().at(-1) ?? null;
    sets.set(day, {
      validFrom,
      groups: groupsOn.map((group) => ({ ...group, indicators: indicatorsOn.filter((indicator) => indicator.groupCode === group.code) })),
    });
  }
  return sets;
}
