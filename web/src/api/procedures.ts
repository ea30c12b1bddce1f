import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { FieldCount, Level, OnlineLevel, Page, ProcedureDetail, ProcedureInput, ProcedureSummary, PublicationDecision } from './types';

export interface ProcedureSearch {
  q?: string;
  field?: string;
  level?: Level | '';
  unit?: string;
  online?: OnlineLevel | '';
  page?: number;
  pageSize?: number;
}

export function useProcedureSearch(search: ProcedureSearch) {
  return useQuery({
    queryKey: ['procedures', 'search', search],
    queryFn: () => api.get<Page<ProcedureSummary>>('/procedures', { ...search }),
    placeholderData: keepPreviousData,
  });
}

export function useFields() {
  return useQuery({
    queryKey: ['fields'],
    queryFn: () => api.get<{ items: FieldCount[] }>('/fields'),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

const encode = encodeURIComponent;

/** The version in force, or the given version when `versionNo` is set. */
export function useProcedure(code: string, versionNo?: number) {
  return useQuery({
    queryKey: ['procedures', 'detail', code, versionNo ?? 'current'],
    queryFn: () =>
      api.get<ProcedureDetail>(
        versionNo === undefined ? `/procedures/${encode(code)}` : `/procedures/${encode(code)}/versions/${versionNo}`,
      ),
    enabled: code !== '',
  });
}

export interface PublishVersionRequest {
  baseVersionNo: number;
  decision: PublicationDecision;
  /** Left out when abolishing: the server keeps the content of the base version. */
  procedure?: ProcedureInput;
}

export interface CreateProcedureRequest {
  code: string;
  decision: PublicationDecision;
  procedure: ProcedureInput;
}

export function usePublishVersion(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PublishVersionRequest) => api.post<ProcedureDetail>(`/procedures/${encode(code)}/versions`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['procedures'] }),
  });
}

export function useCreateProcedure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateProcedureRequest) => api.post<ProcedureDetail>('/procedures', request),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
      void queryClient.invalidateQueries({ queryKey: ['fields'] });
    },
  });
}
