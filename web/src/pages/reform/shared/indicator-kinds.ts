import type { ReformIndicator as IndicatorKey } from '../../../../../src/contract/enums';

/** Indicators whose figures are hours of processing time (a reduction against 2024). */
export const TIME_INDICATORS: IndicatorKey[] = [
  'time_reduction',
  'time_reduction_business',
  'time_reduction_internal',
  'time_reduction_vertical',
];
/** Indicators whose figures are compliance costs in đồng (a reduction against 2024). */
export const COST_INDICATORS: IndicatorKey[] = [
  'cost_reduction',
  'cost_reduction_business',
  'cost_reduction_internal',
  'cost_reduction_vertical',
];
/** Indicators whose items are business conditions or reporting regimes, not procedures. */
export const NOT_PROCEDURES: IndicatorKey[] = [
  'business_conditions_cut',
  'business_conditions_simplified',
  'business_conditions_outside_list',
  'business_reporting_electronic',
];
/** The reductions of the central vertical agencies' procedures: shown apart, outside the province's figures. */
export const VERTICAL_INDICATORS: IndicatorKey[] = ['time_reduction_vertical', 'cost_reduction_vertical'];

export const isTimeIndicator = (key: IndicatorKey) => TIME_INDICATORS.includes(key);
export const isCostIndicator = (key: IndicatorKey) => COST_INDICATORS.includes(key);
export const isReduction = (key: IndicatorKey) => isTimeIndicator(key) || isCostIndicator(key);
