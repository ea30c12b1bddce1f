import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProposalDocumentFormat } from '../../../src/contract/enums';
import type {
  Proposal,
  ProposalActionInput,
  ProposalCreateInput,
  ProposalItemInput,
  ProposalFilter as ProposalQuery,
  ProposalSummary,
} from '../../../src/contract/reform-proposals';
import { api, type Filter } from './client';
import { reformKey } from './reform';

const encode = encodeURIComponent;
const proposalsKey = [...reformKey, 'proposals'] as const;

export type ProposalFilter = Filter<ProposalQuery>;

export function useProposals(filter: ProposalFilter, isEnabled = true) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', filter],
    queryFn: () => api.get<{ items: ProposalSummary[] }>('/reform/proposals', { ...filter }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...proposalsKey, 'detail', id],
    queryFn: () => api.get<Proposal>(`/reform/proposals/${encode(id)}`),
    enabled: id !== '',
  });
}

/**
 * Every change answers with the whole proposal: keep it as the detail and refresh the rest of the
 * programme (lists, dashboard totals).
 */
function useProposalMutation<TInput>(mutationFn: (input: TInput) => Promise<Proposal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (proposal) => {
      queryClient.setQueryData([...proposalsKey, 'detail', proposal.id], proposal);
      void queryClient.invalidateQueries({
        queryKey: reformKey,
        predicate: (query) => !(query.queryKey[2] === 'detail' && query.queryKey[3] === proposal.id),
      });
    },
  });
}

export function useCreateProposal() {
  return useProposalMutation((input: ProposalCreateInput) => api.post<Proposal>('/reform/proposals', input));
}

export function useRenameProposal(id: string) {
  return useProposalMutation((input: { title: string; version: number }) => api.patch<Proposal>(`/reform/proposals/${encode(id)}`, input));
}

export function useSaveProposalItem(id: string) {
  return useProposalMutation(({ code, ...input }: ProposalItemInput & { code: string }) =>
    api.put<Proposal>(`/reform/proposals/${encode(id)}/items/${encode(code)}`, input),
  );
}

export function useDeleteProposalItem(id: string) {
  return useProposalMutation(({ code, version }: { code: string; version: number }) =>
    api.delete<Proposal>(`/reform/proposals/${encode(id)}/items/${encode(code)}?version=${version}`),
  );
}

export function useProposalAction(id: string) {
  return useProposalMutation((input: ProposalActionInput) => api.post<Proposal>(`/reform/proposals/${encode(id)}/actions`, input));
}

export function proposalDocumentUrl(id: string, format: ProposalDocumentFormat): string {
  return `/api/reform/proposals/${encode(id)}/document.${format}`;
}
