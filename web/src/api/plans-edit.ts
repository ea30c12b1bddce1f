import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail, PlanTaskView } from '../../../src/contract/plans';
import type {
  PlanDeadlineEventInput,
  PlanLiveTargets,
  PlanTaskCreateInput,
  PlanTaskUpdateInput,
  PlanUpdateInput,
} from '../../../src/contract/plans-edit';
import { api } from './client';

/** Editing a saved plan and its tasks, and its targets' live figures (docs/api/plans.md "Editing a saved plan"). */

const plansKey = ['plans'] as const;
const encode = encodeURIComponent;

export function usePlanLiveTargets(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...plansKey, 'live', planId],
    queryFn: () => api.get<PlanLiveTargets>(`/plans/${encode(planId)}/targets/live`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function usePlanMutation<T, R>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }) });
}

export function useUpdatePlan(planId: string) {
  return usePlanMutation((input: PlanUpdateInput) => api.patch<PlanDetail>(`/plans/${encode(planId)}`, input));
}

/** The create input with the server's defaults optional (content, items, deliverables, deadlines, coordinating). */
export type NewTaskInput = Pick<PlanTaskCreateInput, 'ref' | 'title' | 'lead'> & Partial<PlanTaskCreateInput>;

export function useAddTask(planId: string) {
  return usePlanMutation((input: NewTaskInput) => api.post<PlanTaskView>(`/plans/${encode(planId)}/tasks`, input));
}

export function useUpdateTask() {
  return usePlanMutation(({ taskId, ...input }: PlanTaskUpdateInput & { taskId: string }) =>
    api.patch<PlanTaskView>(`/plans/tasks/${encode(taskId)}`, input),
  );
}

export function useDeleteTask() {
  return usePlanMutation(({ taskId, version }: { taskId: string; version: number }) =>
    api.delete<{ id: string; deleted: true }>(`/plans/tasks/${encode(taskId)}?version=${version}`),
  );
}

/** Records (or with null clears) the day of the event a task's deadline counts from. */
export function useRecordDeadlineEvent(taskId: string, index: number) {
  return usePlanMutation((input: PlanDeadlineEventInput) =>
    api.put<PlanTaskView>(`/plans/tasks/${encode(taskId)}/deadlines/${index}/event`, input),
  );
}
