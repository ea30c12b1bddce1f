import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { reformKey } from './reform';
import type { Condition, ConditionAssessment, ConditionContent, ConditionStatus, ConditionSummary } from './reform-types';

const conditionsKey = [...reformKey, 'conditions'] as const;

export interface ConditionFilter {
  field?: string;
  unit?: string;
  status?: ConditionStatus | '';
  assessment?: ConditionAssessment | '';
}

export function useConditions(filter: ConditionFilter) {
  return useQuery({
    queryKey: [...conditionsKey, filter],
    queryFn: () => api.get<{ items: Condition[]; summary: ConditionSummary }>('/reform/conditions', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export type ConditionCreateInput = ConditionContent & { unitId: string };
export type ConditionUpdateInput = Partial<ConditionContent> & { id: string; version: number };

/** A condition change moves the dashboard's "business conditions cut" figure too. */
function useConditionMutation<TInput>(mutationFn: (input: TInput) => Promise<Condition>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reformKey }) });
}

export function useCreateCondition() {
  return useConditionMutation((input: ConditionCreateInput) => api.post<Condition>('/reform/conditions', input));
}

export function useUpdateCondition() {
  return useConditionMutation(({ id, ...input }: ConditionUpdateInput) =>
    api.patch<Condition>(`/reform/conditions/${encodeURIComponent(id)}`, input),
  );
}
