import type { ControlReportFigures } from '../../contract/control-reports';
import type { Bieu06Figures } from '../../contract/metrics';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { computeBieu06ForScope, computeIndexForScope, type MetricsScope } from '../metrics';
import { getReformSummary } from '../reform';

/*
 * The figures of a report, from the other modules' public API (never their tables): Biểu 06 of the unit's subtree
 * for the period, the KPI index of QĐ 766 for the same days, and the NQ 66 programme of the reform module for the
 * year the period ends in. Stored with the report, recomputed on request while it is a draft, frozen once signed.
 */

type FigureSet = ControlReportFigures['dossiers'];

function toFigureSet(figures: Bieu06Figures): FigureSet {
  return {
    received: figures.received.total - figures.received.carriedOver,
    receivedOnline: figures.received.online,
    carriedOver: figures.received.carriedOver,
    resolved: figures.resolved.total,
    resolvedEarly: figures.resolved.early,
    resolvedOnTime: figures.resolved.onTime,
    resolvedLate: figures.resolved.late,
    inProgress: figures.inProgress.total,
    overdue: figures.inProgress.overdue,
    closedWithoutResult: figures.closedWithoutResult,
  };
}

type StoredFigureSet = Omit<FigureSet, 'closedWithoutResult'> & { closedWithoutResult?: number };
type StoredFigures = Omit<ControlReportFigures, 'dossiers' | 'bieu06'> & {
  dossiers: StoredFigureSet;
  bieu06: { level: string; levelLabel: string; fields: { field: string; figures: StoredFigureSet }[] }[];
};

const completeSet = (set: StoredFigureSet): FigureSet => ({
  ...set,
  closedWithoutResult: set.closedWithoutResult ?? Math.max(0, set.received + set.carriedOver - set.resolved - set.inProgress),
});

/**
 * The figures as stored, with the dossiers ended without a result of reports made before they were kept: every
 * dossier of a line is resolved, still in progress or ended without a result, so they are what the balance leaves.
 */
export function completeFigures(figures: StoredFigures): ControlReportFigures {
  return {
    ...figures,
    dossiers: completeSet(figures.dossiers),
    bieu06: figures.bieu06.map((level) => ({
      ...level,
      fields: level.fields.map((field) => ({ ...field, figures: completeSet(field.figures) })),
    })),
  };
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** NQ 66/NQ-CP targets when the reform module has none for the year: −30 % in 2025, −50 % in 2026 (vs 2024). */
export const DEFAULT_REFORM_TARGETS: Record<number, number> = { 2025: 0.3, 2026: 0.5 };

export async function computeFigures(
  db: Database,
  actor: Actor,
  scope: MetricsScope,
  period: { from: string; to: string },
  now: Date,
): Promise<ControlReportFigures> {
  const year = Number(period.to.slice(0, 4));
  const [bieu06, index, reform] = await Promise.all([
    computeBieu06ForScope(db, scope, period.from, period.to),
    computeIndexForScope(db, scope, period.from, period.to),
    getReformSummary(db, actor, { unit: scope.unit.id, year, method: 'unweighted' }),
  ]);
  const dossiers = toFigureSet(bieu06.totals);
  const indicator = (key: string) => reform.indicators.find((entry) => entry.key === key);
  const time = indicator('time_reduction');
  const cost = indicator('cost_reduction');
  const fallbackTarget = DEFAULT_REFORM_TARGETS[year] ?? null;
  return {
    dossiers,
    bieu06: bieu06.levels.map((level) => ({
      level: level.level,
      levelLabel: level.levelLabel,
      fields: level.fields.map((field) => ({ field: field.field, figures: toFigureSet(field.figures) })),
    })),
    onTimeRatio: ratio(dossiers.resolvedEarly + dossiers.resolvedOnTime, dossiers.resolved),
    onlineRatio: ratio(dossiers.receivedOnline, dossiers.received),
    index: { score: index.score, maxScore: index.maxPoints, rating: index.ratingLabel },
    reform: {
      year,
      hasDemoData: reform.hasDemoData,
      timeReduction: time?.value ?? null,
      timeTarget: time?.target ?? fallbackTarget,
      costReduction: cost?.value ?? null,
      costTarget: cost?.target ?? fallbackTarget,
      procedures: reform.scopes.province + reform.scopes.vertical + reform.scopes.internal,
    },
    computedAt: now.toISOString(),
  };
}
