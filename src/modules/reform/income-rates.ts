import type { Executor } from '../../db/client';
import { reformIncomeRates } from '../../db/schema/reform';

/** NQ 66 measures against 2024: the baseline day is 31/12/2024 and both versions are costed at 2024's income. */
export const BASELINE_YEAR = 2024;

export type IncomeRates = Map<number, { hourlyIncomeVnd: number; hoursPerDay: number }>;

export async function loadIncomeRates(executor: Executor): Promise<IncomeRates> {
  const rows = await executor.select().from(reformIncomeRates);
  return new Map(rows.map((row) => [row.year, { hourlyIncomeVnd: row.hourlyIncomeVnd, hoursPerDay: row.hoursPerDay }]));
}

/** The rate of that year, or of the closest earlier year that has one. */
export function incomeRateFor(rates: IncomeRates, year: number): { hourlyIncomeVnd: number; hoursPerDay: number } | null {
  const years = [...rates.keys()].filter((candidate) => candidate <= year).sort((a, b) => b - a);
  return years.length ? rates.get(years[0]!)! : null;
}
