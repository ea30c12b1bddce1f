import { useSearchParams } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import type { Unit } from '../../../../src/contract/org';
import { reportingPeriod } from '../../../../src/core/metrics/periods';
import type { MetricsPeriod } from '../../api/metrics';
import { useMetricsSettings } from '../../api/metrics-settings';
import { todayInVietnam } from '../../lib/format';

/*
 * The unit and period of the monitoring pages, kept in the address (so a drill link, a reload or a shared link keeps
 * them): `unit`, `ky` (thang, quy, nam, tuy-chon), `nam`, `so` (the month or quarter), `tu` and `den` for a custom one.
 * Months are reporting months of Thông tư 01/2020: from the start day (setting metrics.monthStartDay, GET
 * /api/metrics/settings; the 21st by default) of the month before to the day before it.
 */

/** TT 01/2020's 21st: the server's default, and what a page uses if the settings cannot be read. */
export const DEFAULT_MONTH_START_DAY = 21;
export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];
const kindParam: Record<PeriodKind, string> = { month: 'thang', quarter: 'quy', year: 'nam', custom: 'tuy-chon' };

/**
 * The reporting year, month and quarter today belongs to (with the 21st, on 21/12 the next year's December-to-December
 * starts; with the 1st, calendar months).
 */
export function currentReportingPosition(monthStartDay: number, today = todayInVietnam()) {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (monthStartDay > 1 && Number(today.slice(8, 10)) >= monthStartDay) month += 1;
  if (month === 13) {
    month = 1;
    year += 1;
  }
  return { year, month, quarter: Math.ceil(month / 3) };
}

export type PeriodChoice = { kind: PeriodKind; year: number; index: number; from: string; to: string };

export type ResolvedPeriod = { from: string; to: string; isClipped: boolean };

/** The days of a choice; a period that ends after today ends today (the in-progress figures are counted at its end). */
export function resolvePeriod(choice: PeriodChoice, monthStartDay: number, today = todayInVietnam()): ResolvedPeriod {
  if (choice.kind === 'custom') return { from: choice.from, to: choice.to, isClipped: false };
  const period = reportingPeriod(choice.kind, choice.year, choice.index, monthStartDay);
  return period.to > today ? { from: period.from, to: today, isClipped: true } : { ...period, isClipped: false };
}

/** The units the user may read the figures of: province-wide roles every unit, leaders their units' subtrees. */
export function visibleUnits(user: SessionUser, units: Unit[]): Unit[] {
  const live = units.filter((unit) => !unit.validTo && unit.type !== 'desk');
  if (user.roles.some((held) => ['admin', 'procedure_controller', 'provincial_office'].includes(held.role))) return live;
  const roots = new Set(
    user.roles.filter((held) => ['unit_leader', 'division_head'].includes(held.role) && held.unitId).map((held) => held.unitId as string),
  );
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const isBelow = (unit: Unit) => {
    for (let id: string | null | undefined = unit.id; id; id = parentOf.get(id)) if (roots.has(id)) return true;
    return false;
  };
  return live.filter(isBelow);
}

/** The unit a page opens on: the root of what the user sees (the province for province-wide roles). */
export function defaultUnit(units: Unit[]): Unit | undefined {
  const ids = new Set(units.map((unit) => unit.id));
  return units.find((unit) => !unit.parentId || !ids.has(unit.parentId));
}

/** The month start day once the settings are read (undefined until then; the default if they cannot be read). */
export function useMonthStartDay(): number | undefined {
  const settings = useMetricsSettings();
  return settings.data?.monthStartDay ?? (settings.isError ? DEFAULT_MONTH_START_DAY : undefined);
}

export function useMonitoringParams(defaultKind: PeriodKind = 'year') {
  const [params, setParams] = useSearchParams();
  const monthStartDay = useMonthStartDay();
  const position = currentReportingPosition(monthStartDay ?? DEFAULT_MONTH_START_DAY);
  const kindText = params.get('ky');
  const kind = (Object.entries(kindParam).find(([, text]) => text === kindText)?.[0] as PeriodKind | undefined) ?? defaultKind;
  const year = Number(params.get('nam')) || position.year;
  const defaultIndex = kind === 'month' ? position.month : kind === 'quarter' ? position.quarter : 1;
  const index = Number(params.get('so')) || defaultIndex;
  const today = todayInVietnam();
  const choice: PeriodChoice = { kind, year, index, from: params.get('tu') ?? `${today.slice(0, 8)}01`, to: params.get('den') ?? today };
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    next.delete('trang');
    setParams(next, { replace: true });
  };
  return {
    unitCode: params.get('unit') ?? '',
    monthStartDay,
    choice,
    setUnit: (code: string | null) => update({ unit: code }),
    setChoice: (changes: Partial<PeriodChoice>) => {
      const nextKind = changes.kind ?? kind;
      const nextYear = changes.year ?? year;
      let nextIndex =
        changes.index ?? (changes.kind ? (nextKind === 'month' ? position.month : nextKind === 'quarter' ? position.quarter : 1) : index);
      if (nextKind === 'quarter' && nextIndex > 4) nextIndex = position.quarter;
      update({
        ky: kindParam[nextKind],
        nam: nextKind === 'custom' ? null : String(nextYear),
        so: nextKind === 'month' || nextKind === 'quarter' ? String(nextIndex) : null,
        tu: nextKind === 'custom' ? (changes.from ?? choice.from) : null,
        den: nextKind === 'custom' ? (changes.to ?? choice.to) : null,
      });
    },
    params,
    update,
  };
}

/** The same unit and period as a query string, for links between the monitoring pages. */
export function monitoringQuery(params: URLSearchParams, unitCode: string): string {
  const next = new URLSearchParams();
  for (const key of ['ky', 'nam', 'so', 'tu', 'den']) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  if (unitCode) next.set('unit', unitCode);
  const text = next.toString();
  return text ? `?${text}` : '';
}

export type MonitoringSelection = { period: MetricsPeriod; resolved: ResolvedPeriod };
