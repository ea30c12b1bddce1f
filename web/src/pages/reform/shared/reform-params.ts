import {
  reductionMethods as REDUCTION_METHODS,
  reformYears as REFORM_YEARS,
  type ReductionMethod,
} from '../../../../../src/contract/enums';
import { todayInVietnam } from '../../../lib/format';

/** This year while the programme runs (2025–2026), otherwise its nearest year. */
export function defaultReformYear(): number {
  const year = Number(todayInVietnam().slice(0, 4));
  return Math.min(Math.max(year, REFORM_YEARS[0]), REFORM_YEARS[REFORM_YEARS.length - 1]!);
}

export function readYear(value: string | null): number {
  const year = Number(value);
  return (REFORM_YEARS as readonly number[]).includes(year) ? year : defaultReformYear();
}

export function readMethod(value: string | null): ReductionMethod {
  return (REDUCTION_METHODS as readonly string[]).includes(value ?? '') ? (value as ReductionMethod) : 'unweighted';
}

/** "?unit=…&year=…&method=…" without the empty parts. */
export function toSearch(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function targetsPath(unit: string, year: number, method: ReductionMethod): string {
  return `/cai-cach/muc-tieu${toSearch({ unit, year, method })}`;
}

export function procedureReformPath(code: string): string {
  return `/cai-cach/thu-tuc/${encodeURIComponent(code)}`;
}

export function proposalPath(id: string): string {
  return `/cai-cach/phuong-an/${encodeURIComponent(id)}`;
}
