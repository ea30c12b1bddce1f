import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PlanDetail,
  PlanReportInput,
  PlanSaveInput,
  PlanTaskListItem,
  PlanTaskStatus,
  PlanTaskView,
  planImportResultSchema,
  planListSchema,
} from '../../../src/contract/plans';
import { api, uploadFile } from './client';

export type PlanImportResult = z.infer<typeof planImportResultSchema>;
export type PlanList = z.infer<typeof planListSchema>;

const plansKey = ['plans'] as const;
const encode = encodeURIComponent;

export function usePlans() {
  return useQuery({ queryKey: [...plansKey, 'list'], queryFn: () => api.get<PlanList>('/plans') });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: [...plansKey, 'detail', id], queryFn: () => api.get<PlanDetail>(`/plans/${encode(id)}`), retry: false });
}

export type UnitTaskFilter = { unit?: string; status?: PlanTaskStatus; due_before?: string };
export function useUnitTasks(filter: UnitTaskFilter) {
  return useQuery({
    queryKey: [...plansKey, 'tasks', filter],
    queryFn: () => api.get<{ items: PlanTaskListItem[] }>('/plans/tasks', { ...filter }),
  });
}

/** Reads a plan document for review: nothing is saved. */
export function useImportPlan() {
  return useMutation({ mutationFn: (file: File) => uploadFile<PlanImportResult>('/plans/import', file, file.name) });
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanSaveInput) => api.post<PlanDetail>('/plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}

export function useReportOnTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, ...input }: PlanReportInput & { taskId: string }) =>
      api.post<PlanTaskView>(`/plans/tasks/${encode(taskId)}/reports`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}
