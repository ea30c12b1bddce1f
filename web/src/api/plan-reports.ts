import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StoredFile } from '../../../src/contract/files';
import type { PlanTaskView } from '../../../src/contract/plans';
import type {
  PlanComment,
  PlanReportInput,
  planCommentListSchema,
  planResponsibleCandidatesSchema,
  planResponsibleSchema,
} from '../../../src/contract/plans-reports';
import { api, uploadFile } from './client';

/** Progress reports with evidence, comments and responsible people (docs/api/plans.md). */
const plansKey = ['plans'] as const;
const encode = encodeURIComponent;

export function useUploadEvidence() {
  return useMutation({ mutationFn: (file: File) => uploadFile<StoredFile>('/plans/evidence-files', file, file.name) });
}

export function useSendReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, ...input }: PlanReportInput & { taskId: string }) =>
      api.post<PlanTaskView>(`/plans/tasks/${encode(taskId)}/reports`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}

export function useTaskComments(taskId: string) {
  return useQuery({
    queryKey: [...plansKey, 'comments', taskId],
    queryFn: () => api.get<z.infer<typeof planCommentListSchema>>(`/plans/tasks/${encode(taskId)}/comments`),
  });
}

export function useAddComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<PlanComment>(`/plans/tasks/${encode(taskId)}/comments`, { text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...plansKey, 'comments', taskId] }),
  });
}

/** Its author edits a comment (the version as read; a stale one → 409). */
export function useEditComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; text: string; version: number }) =>
      api.patch<PlanComment>(`/plans/comments/${encode(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...plansKey, 'comments', taskId] }),
  });
}

/** Its author (or an administrator) deletes a comment: it stays in the thread as "Ý kiến đã được xóa". */
export function useDeleteComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete<PlanComment>(`/plans/comments/${encode(id)}?version=${encode(String(version))}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...plansKey, 'comments', taskId] }),
  });
}

export function useResponsibleCandidates(taskId: string, taskUnitId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...plansKey, 'candidates', taskUnitId],
    queryFn: () =>
      api.get<z.infer<typeof planResponsibleCandidatesSchema>>(`/plans/tasks/${encode(taskId)}/units/${encode(taskUnitId)}/candidates`),
    enabled,
  });
}

export function useAssignResponsible(taskId: string, taskUnitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string | null; version: number }) =>
      api.put<z.infer<typeof planResponsibleSchema>>(`/plans/tasks/${encode(taskId)}/units/${encode(taskUnitId)}/responsible`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}

export const evidenceUrl = (fileId: string) => `/api/plans/evidence-files/${encode(fileId)}`;
/** `unit`: a lead unit's own report on its tasks (to the plan's issuer); null for the issuer's report on the plan. */
export const progressReportUrl = (planId: string, format: 'docx' | 'pdf' | 'xlsx', from: string, to: string, unit: string | null = null) =>
  `/api/plans/${encode(planId)}/progress-report.${format}?from=${encode(from)}&to=${encode(to)}${unit ? `&unit=${encode(unit)}` : ''}`;
