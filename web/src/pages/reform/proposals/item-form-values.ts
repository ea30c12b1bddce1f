import type { ReformMeasure as Measure, TimeUnit } from '../../../../../src/contract/enums';
import type { ProcedureReform } from '../../../../../src/contract/reform';
import type { ProposalItem, ProposalItemInput } from '../../../../../src/contract/reform-proposals';
import { emptyToNull } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import {
  type ActivityValue,
  activityValidation,
  type NumberField,
  requiredNumber,
  toActivities,
  toActivityValues,
} from '../shared/cost-values';

export interface ItemFormValues {
  code: string | null;
  codeLabel: string | null;
  measures: Measure[];
  timeAmount: NumberField;
  timeUnit: TimeUnit;
  activities: ActivityValue[];
  feesVnd: NumberField;
  otherCostsVnd: NumberField;
  legalText: string;
  reason: string;
}

export function toItemValues(item: ProposalItem | null): ItemFormValues {
  return {
    code: item?.procedureCode ?? null,
    codeLabel: item ? `${item.procedureCode} — ${item.procedureName}` : null,
    measures: item?.measures ?? [],
    timeAmount: item?.proposed.timeAmount ?? '',
    timeUnit: item?.proposed.timeUnit ?? 'working_days',
    activities: item ? toActivityValues(item.proposed.activities) : [],
    feesVnd: item?.proposed.feesVnd ?? 0,
    otherCostsVnd: item?.proposed.otherCostsVnd ?? 0,
    legalText: item?.legalText ?? '',
    reason: item?.reason ?? '',
  };
}

/** A new row starts from what the procedure asks today; the user then cuts it down. */
export function prefillFromProcedure(values: ItemFormValues, procedure: ProcedureReform): ItemFormValues {
  const { current } = procedure;
  const worksheet = current.worksheet;
  return {
    ...values,
    timeAmount: current.processingTime.amount,
    timeUnit: current.processingTime.unit,
    activities: worksheet ? toActivityValues(worksheet.activities) : values.activities,
    feesVnd: worksheet?.feesVnd ?? values.feesVnd,
    otherCostsVnd: worksheet?.otherCostsVnd ?? values.otherCostsVnd,
  };
}

export const itemValidation = {
  code: (value: string | null) => (value ? null : vi.common.required),
  measures: (value: Measure[]) => (value.length > 0 ? null : vi.common.required),
  timeAmount: requiredNumber,
  activities: activityValidation,
  reason: (value: string) => (value.trim() ? null : vi.common.required),
};

export function toItemInput(values: ItemFormValues, version: number): ProposalItemInput & { code: string } {
  return {
    code: values.code ?? '',
    measures: values.measures,
    proposed: {
      timeAmount: Number(values.timeAmount),
      timeUnit: values.timeUnit,
      activities: toActivities(values.activities) ?? [],
      feesVnd: values.feesVnd || 0,
      otherCostsVnd: values.otherCostsVnd || 0,
    },
    legalText: emptyToNull(values.legalText),
    reason: values.reason.trim(),
    version,
  };
}

/** Hours of a processing time, as the API adds them up: a working or calendar day is 8 hours. */
export function toHours(amount: number, unit: TimeUnit, hoursPerDay = 8): number {
  return unit === 'working_hours' ? amount : amount * hoursPerDay;
}

/** (before − after) ÷ before; null without a positive baseline. */
export function reduction(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before === null || before === undefined || after === null || after === undefined || before <= 0) return null;
  return (before - after) / before;
}
