import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldCount, ProcedureDetail, ProcedurePage, ProcedureSearchQuery } from '../../../src/contract/catalog';
import type { ProcedureProcesses, ProcessApprovalInput } from '../../../src/contract/catalog-processes';
import type { StoredFile } from '../../../src/contract/files';
import { api, type Filter, uploadFile } from './client';

export type ProcedureSearch = Filter<ProcedureSearchQuery>;

export function useProcedureSearch(search: ProcedureSearch) {
  return useQuery({
    queryKey: ['procedures', 'search', search],
    queryFn: () => api.get<ProcedurePage>('/procedures', { ...search }),
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

/** The approved internal processes of a procedure and the committed time in force today. */
export function useProcedureProcesses(code: string) {
  return useQuery({
    queryKey: ['procedures', 'processes', code],
    queryFn: () => api.get<ProcedureProcesses>(`/procedures/${encode(code)}/processes`),
    enabled: code !== '',
  });
}

export function useApproveProcess(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ProcessApprovalInput) => api.post<ProcedureProcesses>(`/procedures/${encode(code)}/processes`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['procedures', 'processes', code] }),
  });
}

/** Uploads a form or result template (PDF, DOC, DOCX, XLS, XLSX, ODT) for catalog editors. */
export const uploadProcedureFile = (file: File) => uploadFile<StoredFile>('/procedure-files', file, file.name);

/** Where the public downloads a file attached to a version. */
export const versionFileUrl = (code: string, versionNo: number, fileId: string) =>
  `/api/procedures/${encode(code)}/versions/${versionNo}/files/${encode(fileId)}`;
