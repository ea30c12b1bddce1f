import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Condition,
  ConditionUpdateInput as ConditionChanges,
  ConditionCreateRequest,
  ConditionFilter as ConditionQuery,
  ConditionSummary,
} from '../../../src/contract/reform-conditions';
import { api, type Filter } from './client';
import { reformKey } from './reform';

const conditionsKey = [...reformKey, 'conditions'] as const;

export type ConditionFilter = Filter<ConditionQuery>;

export function useConditions(filter: ConditionFilter) {
  return useQuery({
    queryKey: [...conditionsKey, filter],
    queryFn: () => api.get<{ items: Condition[]; summary: ConditionSummary }>('/reform/conditions', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export type ConditionCreateInput = ConditionCreateRequest;
/** A partial change: only the fields sent change. */
export type ConditionUpdateInput = ConditionChanges & { id: string };

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
