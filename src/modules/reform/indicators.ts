import type { ConditionSourceLevel, IndicatorStatus, ReformIndicator, ReformScope } from '../../contract/enums';
import { indicatorLabels } from '../../contract/labels';
import { isConditionAbolished } from '../../core/reform/conditions';
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
  sourceLevel: ConditionSourceLevel;
  /** The central text that abolished a central condition, when recorded. */
  abolishedByText: string | null;
  /** The condition's sector is outside the Investment Law's list of conditional business sectors (Phụ lục IV). */
  isOutsideConditionalList: boolean;
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
  toReview: boolean;
};

export type IndicatorInput = {
  rows: ReformRow[];
  /**
   * Procedures eligible for full online service (đủ điều kiện toàn trình), by code, as the province's list decision
   * sets them; `null` when the province has published no such list (the indicator then has no data).
   */
  fullOnlineEligible: Set<string> | null;
  /** Dossier components of the current version, and how many reuse a digitised document type, by code. */
  componentReuse: Map<string, { components: number; reusable: number }>;
  conditions: ConditionFact[];
  regimes: RegimeFact[];
  targets: Map<ReformIndicator, Target>;
  method: ReductionMethod;
  unitNameOf: (row: ReformRow) => string;
};

type Measured = { value: number | null; numerator: number; denominator: number; note: string | null; items: DrillItem[] };

/** Procedures that are still offered (abolished ones have left the catalog and count only in reductions). */
const offered = (rows: ReformRow[]) => rows.filter((row) => !row.current.isAbolished);

function reduction(input: IndicatorInput, rows: ReformRow[], figure: 'hours' | 'cost', target: number | null): Measured {
  const { method } = input;
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
    const carriedFrom = figure === 'cost' ? row.current.worksheetFromVersionNo : null;
    const replaced = row.baseline?.replacesCode
      ? `So với phiên bản năm 2024 của thủ tục ${row.baseline.replacesCode} được thay thế.`
      : null;
    const carried =
      carriedFrom !== null && current !== null
        ? `Bảng tính chi phí chuyển từ phiên bản ${carriedFrom}, cần rà soát lại cho phiên bản ${row.current.versionNo}.`
        : null;
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
        note: missing ?? ([replaced, carried].filter(Boolean).join(' ') || null),
        toReview: carried !== null,
      },
      weight: figure === 'cost' || method === 'unweighted' ? 1 : dossierVolume(row),
    };
  });
  const aggregate = aggregateReduction(
    items.map(({ item, weight }) => ({ baseline: item.baseline, current: item.current, weight })),
    figure === 'cost' ? 'unweighted' : method,
  );
  const excluded = items.filter(({ item }) => item.baseline === null || item.current === null).length;
  const toReview = items.filter(({ item }) => item.toReview).length;
  // Holding back first: the largest shortfall against the target, in the figure's own unit.
  const shortfall = (item: DrillItem) =>
    item.baseline === null || item.current === null ? -Infinity : (target ?? 0) * item.baseline - (item.baseline - item.current);
  return {
    value: aggregate.ratio,
    numerator: aggregate.currentTotal,
    denominator: aggregate.baselineTotal,
    note:
      [
        excluded ? `${excluded} thủ tục chưa có số liệu so sánh (không tính vào tỷ lệ).` : null,
        toReview ? `${toReview} thủ tục dùng bảng tính chi phí của phiên bản trước (cần rà soát).` : null,
      ]
        .filter(Boolean)
        .join(' ') || null,
    items: items.map(({ item }) => item).sort((a, b) => Number(a.meets) - Number(b.meets) || shortfall(b) - shortfall(a)),
  };
}

/** The note of "eligible procedures offered fully online" before the province has published its list. */
const NO_ELIGIBILITY_LIST =
  'Chưa có dữ liệu: tỉnh chưa ban hành quyết định công bố danh mục thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình.';

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
  return share(rows.map((row) => ({ ...procedureItem(input, row), meets: meets(row) })));
}

function procedureItem(input: IndicatorInput, row: ReformRow): DrillItem {
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    unitName: input.unitNameOf(row),
    baseline: null,
    current: null,
    reduction: null,
    meets: false,
    note: null,
    toReview: false,
  };
}

function conditionShare(conditions: ConditionFact[], meets: (condition: ConditionFact) => boolean): Measured {
  const unconfirmed = conditions.filter((condition) => condition.status === 'abolished' && !isConditionAbolished(condition)).length;
  return share(
    conditions.map((condition) => ({
      code: condition.id,
      name: condition.text,
      field: condition.field,
      unitName: condition.unitName,
      baseline: null,
      current: null,
      reduction: null,
      meets: meets(condition),
      note:
        condition.status === 'abolished' && !isConditionAbolished(condition)
          ? 'Điều kiện do văn bản trung ương quy định: chưa ghi văn bản trung ương bãi bỏ, tính là đã kiến nghị.'
          : null,
      toReview: false,
    })),
    unconfirmed
      ? `${unconfirmed} điều kiện của văn bản trung ương ghi "đã bãi bỏ" nhưng chưa có văn bản bãi bỏ: tính là đã kiến nghị.`
      : null,
  );
}

/** Share of dossier components that reuse a digitised document type, procedure by procedure in the drill-down. */
function informationOnce(input: IndicatorInput, rows: ReformRow[], target: number | null): Measured {
  const items = rows.flatMap((row) => {
    const reuse = input.componentReuse.get(row.code);
    if (!reuse || reuse.components === 0) return [];
    const ratio = reuse.reusable / reuse.components;
    return [
      {
        reuse,
        item: {
          ...procedureItem(input, row),
          reduction: ratio,
          meets: target !== null && ratio + 1e-9 >= target,
          note: `${reuse.reusable}/${reuse.components} thành phần hồ sơ khai thác lại giấy tờ đã số hóa`,
        },
      },
    ];
  });
  const components = items.reduce((sum, { reuse }) => sum + reuse.components, 0);
  const reusable = items.reduce((sum, { reuse }) => sum + reuse.reusable, 0);
  return {
    value: components ? reusable / components : null,
    numerator: reusable,
    denominator: components,
    note: null,
    items: items.map(({ item }) => item).sort((a, b) => Number(a.meets) - Number(b.meets) || (a.reduction ?? 0) - (b.reduction ?? 0)),
  };
}

const inScope = (rows: ReformRow[], scope: ReformScope) => rows.filter((row) => row.scope === scope);

function measure(key: ReformIndicator, input: IndicatorInput): Measured {
  const target = input.targets.get(key)?.target ?? null;
  const province = inScope(input.rows, 'province');
  const business = province.filter((row) => row.businessRelated);
  const live = offered(province);
  const internal = offered(inScope(input.rows, 'internal'));
  switch (key) {
    case 'time_reduction':
      return reduction(input, province, 'hours', target);
    case 'cost_reduction':
      return reduction(input, province, 'cost', target);
    case 'time_reduction_business':
      return reduction(input, business, 'hours', target);
    case 'cost_reduction_business':
      return reduction(input, business, 'cost', target);
    case 'time_reduction_internal':
      return reduction(input, inScope(input.rows, 'internal'), 'hours', target);
    case 'cost_reduction_internal':
      return reduction(input, inScope(input.rows, 'internal'), 'cost', target);
    case 'time_reduction_vertical':
      return reduction(input, inScope(input.rows, 'vertical'), 'hours', target);
    case 'cost_reduction_vertical':
      return reduction(input, inScope(input.rows, 'vertical'), 'cost', target);
    case 'business_procedures_online':
      return procedureShare(
        input,
        live.filter((row) => row.businessRelated),
        (row) => row.onlineLevel === 'full',
      );
    case 'location_independent':
      return procedureShare(input, live, (row) => row.locationIndependent);
    case 'procedures_full_online': {
      const eligible = input.fullOnlineEligible;
      if (!eligible) return { ...share([]), note: NO_ELIGIBILITY_LIST };
      return procedureShare(
        input,
        live.filter((row) => eligible.has(row.code)),
        (row) => row.onlineLevel === 'full',
      );
    }
    case 'information_once':
      return informationOnce(input, live, target);
    case 'internal_procedures_published':
      return procedureShare(input, internal, (row) => row.current.effectiveFrom >= '2025-01-01');
    case 'internal_procedures_electronic':
      return procedureShare(input, internal, (row) => row.onlineLevel === 'full');
    // 2025: abolished ÷ every condition inventoried; simplified ones are counted apart, never as abolished.
    case 'business_conditions_cut':
      return conditionShare(input.conditions, isConditionAbolished);
    case 'business_conditions_simplified':
      return conditionShare(input.conditions, (condition) => condition.status === 'simplified');
    // 2026: the conditions of sectors outside the Investment Law's list (Phụ lục IV), tracked to 100 % abolished.
    case 'business_conditions_outside_list':
      return conditionShare(
        input.conditions.filter((condition) => condition.isOutsideConditionalList),
        isConditionAbolished,
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
          toReview: false,
        })),
      );
  }
}

export function computeIndicator(key: ReformIndicator, input: IndicatorInput): { indicator: IndicatorValue; items: DrillItem[] } {
  const target = input.targets.get(key) ?? null;
  const measured = measure(key, input);
  const status: IndicatorStatus =
    measured.value === null ? 'no_data' : !target ? 'no_target' : measured.value + 1e-9 >= target.target ? 'met' : 'behind';
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
