import { useQuery } from '@tanstack/react-query';
import type { PlanCalendar, PlanOccurrence, PlanRollup } from '../../../src/contract/plans-occurrences';
import { api } from './client';

/** The overdue list, the month's calendar and the roll-up by unit (docs/api/plans.md "Occurrences, reminders, overdue"). */
const key = ['plans', 'occurrences'] as const;

export function useOverdueOccurrences(unit: string | undefined) {
  return useQuery({
    queryKey: [...key, 'overdue', unit ?? null],
    queryFn: () => api.get<{ today: string; items: PlanOccurrence[] }>('/plans/overdue', { unit }),
  });
}

export function usePlanCalendar(month: string, unit: string | undefined) {
  return useQuery({
    queryKey: [...key, 'calendar', month, unit ?? null],
    queryFn: () => api.get<PlanCalendar>('/plans/calendar', { month, unit }),
  });
}

export function usePlanRollup(filter: { unit?: string; plan?: string }) {
  return useQuery({ queryKey: [...key, 'rollup', filter], queryFn: () => api.get<PlanRollup>('/plans/rollup', { ...filter }) });
}
