import { randomId } from '@mantine/hooks';
import type { CostActivity, CostInput } from '../../../../../src/contract/reform';
import { vi } from '../../../i18n/vi';

export type NumberField = number | '';

/** `key` keeps React rows stable while activities are added and removed. */
export interface ActivityValue {
  key: string;
  name: string;
  hours: NumberField;
  /** Waiting for the agency's decision: valued as the cost method says. */
  waiting: boolean;
}

export function toActivityValues(activities: CostActivity[]): ActivityValue[] {
  return activities.map((activity) => ({ key: randomId(), name: activity.name, hours: activity.hours, waiting: !!activity.waiting }));
}

export function emptyActivity(): ActivityValue {
  return { key: randomId(), name: '', hours: '', waiting: false };
}

/** The activities as the API takes them, or null while one is incomplete. */
export function toActivities(values: ActivityValue[]): CostActivity[] | null {
  const activities: CostActivity[] = [];
  for (const value of values) {
    if (value.name.trim() === '' || value.hours === '') return null;
    activities.push({ name: value.name.trim(), hours: value.hours, ...(value.waiting ? { waiting: true } : {}) });
  }
  return activities;
}

export interface CostFigures {
  hourlyIncome: NumberField;
  activities: ActivityValue[];
  fees: NumberField;
  otherCosts: NumberField;
  timesPerYear: NumberField;
  subjectsPerYear: NumberField;
}

/** What the server needs to compute the cost, or null while a figure is missing. */
export function toCostInput(figures: CostFigures): CostInput | null {
  const activities = toActivities(figures.activities);
  const { hourlyIncome, fees, otherCosts, timesPerYear, subjectsPerYear } = figures;
  if (activities === null || hourlyIncome === '' || timesPerYear === '' || subjectsPerYear === '') return null;
  return { hourlyIncome, activities, fees: fees || 0, otherCosts: otherCosts || 0, timesPerYear, subjectsPerYear };
}

/** Checks shared by every form that holds a list of activities. */
export const activityValidation = {
  name: (value: string) => (value.trim() ? null : vi.common.required),
  hours: (value: NumberField) => (value === '' ? vi.common.required : null),
};

export const requiredNumber = (value: NumberField) => (value === '' ? vi.common.required : null);
