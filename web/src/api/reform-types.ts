// Shapes of the reform API (NQ 66 simplification programme), as agreed in docs/api/reform.md.
import type { Duration, TimeUnit, UnitType } from './types';

export const REFORM_YEARS = [2025, 2026] as const;

export const REDUCTION_METHODS = ['unweighted', 'weighted'] as const;
export type ReductionMethod = (typeof REDUCTION_METHODS)[number];

export const INDICATOR_KEYS = [
  'time_reduction',
  'cost_reduction',
  'business_procedures_online',
  'location_independent',
  'internal_procedures_published',
  'internal_procedures_electronic',
  'business_conditions_cut',
  'business_reporting_electronic',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type IndicatorStatus = 'met' | 'behind' | 'no_data';

export interface Indicator {
  key: IndicatorKey;
  label: string;
  /** A fraction: 0.3 = 30 %. */
  target: number | null;
  targetSource: string | null;
  value: number | null;
  numerator: number;
  denominator: number;
  status: IndicatorStatus;
  note: string | null;
}

export interface ChildRow {
  unitId: string;
  unitName: string;
  unitType: UnitType;
  procedures: number;
  timeReduction: number | null;
  costReduction: number | null;
  indicatorsBehind: number;
}

export interface ReformSummary {
  unit: { id: string; name: string; type: UnitType };
  year: number;
  method: ReductionMethod;
  hasDemoData: boolean;
  indicators: Indicator[];
  children: ChildRow[];
}

export interface DrillItem {
  code: string;
  name: string;
  field: string;
  unitName: string;
  baseline: number | null;
  current: number | null;
  reduction: number | null;
  meets: boolean;
  note: string | null;
}

export interface ReformDrill {
  /** The contract only says `indicator`; the server sends the whole indicator, as in the summary. */
  indicator: Indicator;
  items: DrillItem[];
}

export interface CostActivity {
  name: string;
  hours: number;
}

export interface CostInput {
  hourlyIncome: number;
  activities: CostActivity[];
  fees: number;
  otherCosts: number;
  timesPerYear: number;
  subjectsPerYear: number;
}

export interface CostTerms {
  activities: (CostActivity & { cost: number })[];
  totalHours: number;
  hourlyIncome: number;
  timeCost: number;
  fees: number;
  otherCosts: number;
  dossiersPerYear: number;
}

export interface CostResult {
  costPerDossier: number;
  annualCost: number;
  terms: CostTerms;
}

export interface IncomeRate {
  year: number;
  hourlyIncomeVnd: number;
  hoursPerDay: number;
  source: string | null;
}

export type FigureSource = 'entered' | 'measured' | 'demo';

export interface Worksheet {
  id: string;
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
  subjectsSource: FigureSource;
  incomeYear: number;
  hourlyIncomeVnd: number;
  note: string | null;
  version: number;
  result: CostResult;
}

export interface WorksheetInput {
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
  timesPerYear: number;
  subjectsPerYear: number;
  incomeYear: number;
  note: string | null;
  version?: number;
}

export interface Snapshot {
  versionNo: number;
  effectiveFrom: string;
  decisionNumber: string | null;
  processingTime: Duration;
  hours: number;
  worksheet: Worksheet | null;
}

export interface ProcedureReform {
  code: string;
  name: string;
  field: string;
  businessRelated: boolean;
  isInternal: boolean;
  baseline: Snapshot | null;
  current: Snapshot;
  timeReduction: number | null;
  costReduction: number | null;
}

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'consolidated', 'approved', 'implemented', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_ACTIONS = ['submit', 'reopen', 'consolidate', 'approve', 'reject', 'implement'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const MEASURES = [
  'abolish',
  'cut_components',
  'shorten_time',
  'move_online_full',
  'move_online_partial',
  'reuse_data',
  'location_independent',
  'ex_post_control',
  'single_inspection',
  'decentralise',
  'hand_to_organisations',
  'merge_procedures',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface ProposalSummary {
  id: string;
  unit: { id: string; name: string };
  year: number;
  title: string;
  status: ProposalStatus;
  itemCount: number;
  isOverdue: boolean;
  deadline: string;
  submittedAt: string | null;
  isDemo: boolean;
}

export interface ProposedFigures {
  timeAmount: number;
  timeUnit: TimeUnit;
  activities: CostActivity[];
  feesVnd: number;
  otherCostsVnd: number;
}

export interface ProposalItem {
  id: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  measures: Measure[];
  baseline: { timeAmount: number; timeUnit: TimeUnit; hours: number; costPerDossier: number; annualCost: number } | null;
  proposed: ProposedFigures & { hours: number; costPerDossier: number; annualCost: number };
  timeReduction: number | null;
  costReduction: number | null;
  legalText: string | null;
  reason: string;
}

export interface ProposalEvent {
  at: string;
  actorName: string;
  action: string;
  note: string | null;
}

export interface Proposal extends ProposalSummary {
  version: number;
  approvalReference: string | null;
  rejectionReason: string | null;
  implementedDecision: { number: string; date: string } | null;
  items: ProposalItem[];
  totals: {
    timeReduction: number | null;
    costReduction: number | null;
    annualCostBefore: number;
    annualCostAfter: number;
    procedures: number;
    withoutBaseline: number;
  };
  allowedActions: ProposalAction[];
  canEdit: boolean;
  events: ProposalEvent[];
}

export interface ProposalItemInput {
  measures: Measure[];
  proposed: ProposedFigures;
  legalText: string | null;
  reason: string;
  version: number;
}

export interface ProposalActionInput {
  action: ProposalAction;
  version: number;
  reason?: string;
  approvalReference?: string;
  decisionNumber?: string;
}

export const CONDITION_FORMS = ['licence', 'certificate', 'practising_certificate', 'written_confirmation', 'approval'] as const;
export type ConditionForm = (typeof CONDITION_FORMS)[number];
export const CONDITION_ASSESSMENTS = ['necessary', 'unnecessary', 'overlapping', 'vague'] as const;
export type ConditionAssessment = (typeof CONDITION_ASSESSMENTS)[number];
export const CONDITION_ACTIONS = ['abolish', 'simplify', 'keep'] as const;
export type ConditionAction = (typeof CONDITION_ACTIONS)[number];
export const CONDITION_STATUSES = ['in_force', 'proposed', 'abolished', 'simplified'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export interface ConditionContent {
  field: string;
  text: string;
  form: ConditionForm;
  sourceRegulation: string;
  procedureCodes: string[];
  complianceCostVnd: number | null;
  assessment: ConditionAssessment;
  proposedAction: ConditionAction;
  reason: string | null;
  status: ConditionStatus;
  statusChangedOn: string | null;
}

export interface Condition extends ConditionContent {
  id: string;
  unit: { id: string; name: string };
  isDemo: boolean;
  version: number;
}

export interface ConditionSummary {
  total: number;
  unnecessary: number;
  cut: number;
  share: number | null;
  fields: { field: string; total: number; unnecessary: number; cut: number }[];
}

export interface ReformTarget {
  year: number;
  indicator: IndicatorKey;
  target: number;
  source: string;
}
