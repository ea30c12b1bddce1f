import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDecisionRequest,
  DecisionList,
  DecisionPreview,
  DecisionRecord,
  ProcedureFlagsView,
} from '../../../src/contract/catalog';
import type { StoredFile } from '../../../src/contract/files';
import { api, uploadFile } from './client';

export type { CreateDecisionRequest };

/** The decisions recorded, newest first (GET /api/decisions). */
export function useDecisions() {
  return useQuery({ queryKey: ['decisions'], queryFn: () => api.get<DecisionList>('/decisions'), select: (data) => data.items });
}

/** The dry run: what the decision would change, with every error of every item at once. */
export function usePreviewDecision() {
  return useMutation({ mutationFn: (request: CreateDecisionRequest) => api.post<DecisionPreview>('/decisions/preview', request) });
}

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDecisionRequest) => api.post<DecisionRecord>('/decisions', request),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
      void queryClient.invalidateQueries({ queryKey: ['fields'] });
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
}

/** A procedure's list flags today and their history (list decisions). */
export function useProcedureFlags(code: string) {
  return useQuery({
    queryKey: ['procedures', 'flags', code],
    queryFn: () => api.get<ProcedureFlagsView>(`/procedures/${encodeURIComponent(code)}/flags`),
    enabled: code !== '',
  });
}

/** Uploads the signed decision (PDF only) before the decision is entered; its id goes in `decision.signedFileId`. */
export const uploadSignedDecisionFile = (file: File) => uploadFile<StoredFile>('/decision-files', file, file.name);

/** Attaches (or replaces) the signed PDF of a decision already entered. */
export function useAttachSignedFile(decisionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<DecisionRecord>(`/decisions/${encodeURIComponent(decisionId)}/signed-file`, file, file.name, 'PUT'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
      void queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
}

/** Where anyone downloads a decision's signed PDF (named after the decision's number). */
export const signedFileDownloadUrl = (decisionId: string) => `/api/decisions/${encodeURIComponent(decisionId)}/signed-file`;
