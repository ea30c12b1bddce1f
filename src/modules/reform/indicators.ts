import type { IndicatorStatus, ReformIndicator } from '../../contract/enums';
import { indicatorLabels } from '../../contract/labels';
import { aggregateReduction, type ReductionMethod } from '../../core/reform/cost';
import { dossierVolume, type ReformRow } from './figures';

export type ConditionFact = {
  id: string;
  unitId: string;
  text: string;
  field: string;
  unitName: string;
  assessment: string;
  status: string;
};
export type RegimeFact = { id: string; unitId: string; name: string; unitName: string; isElectronic: boolean };
export type Target = { target: number; source: string };

export type IndicatorValue = {
  key: ReformIndicator;
  label: string;
  target: number | null;
  targetSource: string | null;
  value: number | null;
  numerator: number;
  denominator: number;
  status: IndicatorStatus;
  note: string | null;
};

export type DrillItem = {
  code: string;
  name: string;
  field: string;
  unitName: string;
  baseline: number | null;
  current: number | null;
  reduction: number | null;
  meets: boolean;
  note: string | null;
};

export type IndicatorInput = {
  rows: ReformRow[];
  conditions: ConditionFact[];
  regimes: RegimeFact[];
  targets: Map<ReformIndicator, Target>;
  method: ReductionMethod;
  unitNameOf: (row: ReformRow) => string;
};

type Measured = { value: number | null; numerator: number; denominator: number; note: string | null; items: DrillItem[] };

/** Procedures that are still offered (abolished ones have left the catalog and count only in reductions). */
const offered = (rows: ReformRow[]) => rows.filter((row) => !row.current.isAbolished);

function reduction(input: IndicatorInput, figure: 'hours' | 'cost', target: number | null): Measured {
  const { rows, method } = input;
  const pickValue = (snapshot: ReformRow['current'] | null) => {
    if (!snapshot) return null;
    if (figure === 'hours') return snapshot.hours;
    if (!snapshot.worksheet) return null;
    // Unweighted compares the cost of one dossier; weighted the annual cost (cost × dossiers a year).
    return method === 'weighted' ? snapshot.worksheet.result.annualCost : snapshot.worksheet.result.costPerDossier;
  };
  const items = rows.map((row) => {
    const baseline = pickValue(row.baseline);
    const current = pickValue(row.current);
    const ratio = baseline !== null && current !== null && baseline > 0 ? (baseline - current) / baseline : null;
    const missing =
      row.baseline === null ? 'Chưa có phiên bản năm 2024' : baseline === null || current === null ? 'Chưa có bảng tính chi phí' : null;
    return {
      item: {
        code: row.code,
        name: row.name,
        field: row.field,
        unitName: input.unitNameOf(row),
        baseline,
        current,
        reduction: ratio,
        meets: ratio !== null && target !== null && ratio >= target,
        note: missing,
      },
      weight: figure === 'cost' || method === 'unweighted' ? 1 : dossierVolume(row),
    };
  });
  const aggregate = aggregateReduction(
    items.map(({ item, weight }) => ({ baseline: item.baseline, current: item.current, weight })),
    figure === 'cost' ? 'unweighted' : method,
  );
  const excluded = items.filter(({ item }) => item.note !== null).length;
  // Holding back first: the largest shortfall against the target, in the figure's own unit.
  const shortfall = (item: DrillItem) =>
    item.baseline === null || item.current === null ? -Infinity : (target ?? 0) * item.baseline - (item.baseline - item.current);
  return {
    value: aggregate.ratio,
    numerator: aggregate.currentTotal,
    denominator: aggregate.baselineTotal,
    note: excluded ? `${excluded} thủ tục chưa có số liệu so sánh (không tính vào tỷ lệ).` : null,
    items: items.map(({ item }) => item).sort((a, b) => Number(a.meets) - Number(b.meets) || shortfall(b) - shortfall(a)),
  };
}

function share(items: DrillItem[], note: string | null = null): Measured {
  const numerator = items.filter((item) => item.meets).length;
  return {
    value: items.length ? numerator / items.length : null,
    numerator,
    denominator: items.length,
    note,
    items: [...items].sort((a, b) => Number(a.meets) - Number(b.meets)),
  };
}

function procedureShare(input: IndicatorInput, rows: ReformRow[], meets: (row: ReformRow) => boolean): Measured {
  return share(
    rows.map((row) => ({
      code: row.code,
      name: row.name,
      field: row.field,
      unitName: input.unitNameOf(row),
      baseline: null,
      current: null,
      reduction: null,
      meets: meets(row),
      note: null,
    })),
  );
}

function measure(key: ReformIndicator, input: IndicatorInput): Measured {
  const target = input.targets.get(key)?.target ?? null;
  const live = offered(input.rows);
  const internal = live.filter((row) => row.isInternal);
  switch (key) {
    case 'time_reduction':
      return reduction(input, 'hours', target);
    case 'cost_reduction':
      return reduction(input, 'cost', target);
    case 'business_procedures_online':
      return procedureShare(
        input,
        live.filter((row) => row.businessRelated && !row.isInternal),
        (row) => row.onlineLevel === 'full',
      );
    case 'location_independent':
      return procedureShare(
        input,
        live.filter((row) => !row.isInternal),
        (row) => row.locationIndependent,
      );
    case 'internal_procedures_published':
      return procedureShare(input, internal, (row) => row.current.effectiveFrom >= '2025-01-01');
    case 'internal_procedures_electronic':
      return procedureShare(input, internal, (row) => row.onlineLevel === 'full');
    case 'business_conditions_cut':
      return share(
        input.conditions
          .filter((condition) => condition.assessment !== 'necessary')
          .map((condition) => ({
            code: condition.id,
            name: condition.text,
            field: condition.field,
            unitName: condition.unitName,
            baseline: null,
            current: null,
            reduction: null,
            meets: condition.status === 'abolished' || condition.status === 'simplified',
            note: null,
          })),
      );
    case 'business_reporting_electronic':
      return share(
        input.regimes.map((regime) => ({
          code: regime.id,
          name: regime.name,
          field: '',
          unitName: regime.unitName,
          baseline: null,
          current: null,
          reduction: null,
          meets: regime.isElectronic,
          note: null,
        })),
      );
  }
}

export function computeIndicator(key: ReformIndicator, input: IndicatorInput): { indicator: IndicatorValue; items: DrillItem[] } {
  const target = input.targets.get(key) ?? null;
  const measured = measure(key, input);
  const status = measured.value === null ? 'no_data' : !target || measured.value + 1e-9 >= target.target ? 'met' : 'behind';
  return {
    indicator: {
      key,
      label: indicatorLabels[key],
      target: target?.target ?? null,
      targetSource: target?.source ?? null,
      value: measured.value,
      numerator: measured.numerator,
      denominator: measured.denominator,
      status,
      note: measured.note,
    },
    items: measured.items,
  };
}
