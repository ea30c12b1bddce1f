import { levelLabels } from '../../contract/labels';
import type { Bieu06Figures, Bieu06View, MetricsPeriodQuery } from '../../contract/metrics';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { type Counters, type CountersByField, sumCounters } from './counters';
import { countersFromRollups } from './rollups';
import { type MetricsScope, resolveScope } from './scope';

/*
 * Biểu 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP, docs/DOMAIN.md §6): per field grouped by level, the dossiers received
 * (carried over + online + direct/postal), resolved (early, on time, late) and in progress at the period's end
 * (within time, overdue). Carried over = in progress at the end of the day before the period, so one period's
 * carry-over is the previous one's in progress.
 */

export function toBieu06Figures(counters: Counters): Bieu06Figures {
  return {
    received: {
      total: counters.carriedOver + counters.received,
      online: counters.receivedOnline,
      directOrPostal: counters.received - counters.receivedOnline,
      carriedOver: counters.carriedOver,
    },
    resolved: {
      total: counters.early + counters.onTime + counters.late,
      early: counters.early,
      onTime: counters.onTime,
      late: counters.late,
    },
    closedWithoutResult: counters.closed,
    inProgress: { total: counters.inProgress, withinTime: counters.inProgress - counters.overdue, overdue: counters.overdue },
  };
}

const levelOrder = (level: string) => {
  const index = Object.keys(levelLabels).indexOf(level);
  return index === -1 ? 99 : index;
};

/** The table from counters per level and field (either source: rollups or raw). */
export function bieu06FromCounters(scope: MetricsScope, from: string, to: string, rows: CountersByField): Bieu06View {
  const levels = [...new Set(rows.map((row) => row.level))].sort((a, b) => levelOrder(a) - levelOrder(b) || a.localeCompare(b));
  return {
    unit: scope.unit,
    from,
    to,
    levels: levels.map((level) => {
      const fields = rows.filter((row) => row.level === level);
      return {
        level,
        levelLabel: (levelLabels as Record<string, string>)[level] ?? level,
        totals: toBieu06Figures(sumCounters(fields.map((row) => row.counters))),
        fields: fields.map((row) => ({ field: row.field, figures: toBieu06Figures(row.counters) })),
      };
    }),
    totals: toBieu06Figures(sumCounters(rows.map((row) => row.counters))),
  };
}

export async function computeBieu06ForScope(executor: Executor, scope: MetricsScope, from: string, to: string): Promise<Bieu06View> {
  return bieu06FromCounters(scope, from, to, await countersFromRollups(executor, scope.unitIds, from, to));
}

/** `GET /api/reports/bieu-06`. */
export async function computeBieu06(executor: Executor, actor: Actor | null, query: MetricsPeriodQuery): Promise<Bieu06View> {
  const scope = await resolveScope(executor, actor, query);
  return computeBieu06ForScope(executor, scope, query.from, query.to);
}
