import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDecisionRequest, DecisionPreview, DecisionRecord, ProcedureFlagsView } from '../../../src/contract/catalog';
import { api } from './client';

export type { CreateDecisionRequest };

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
