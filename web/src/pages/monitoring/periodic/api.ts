import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ControlReportKind,
  ControlReportNarrative,
  ControlReportSummary,
  ControlReportView,
} from '../../../../../src/contract/control-reports';
import { api } from '../../../api/client';

/** The periodic reports of procedure control (docs/api/control-reports.md). */
const key = ['control-reports'] as const;

export function useControlReports(filter: { year?: number; kind?: ControlReportKind }) {
  return useQuery({
    queryKey: [...key, 'list', filter],
    queryFn: () => api.get<{ items: ControlReportSummary[] }>('/control-reports', { ...filter }),
  });
}

export function useControlReport(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<ControlReportView>(`/control-reports/${encodeURIComponent(id)}`),
  });
}

function useReportMutation<TInput>(mutationFn: (input: TInput) => Promise<ControlReportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (report) => {
      queryClient.setQueryData([...key, 'detail', report.id], report);
      void queryClient.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
}

export const useCreateControlReport = () =>
  useReportMutation((input: { unitId: string; kind: ControlReportKind; year: number; periodIndex: number }) =>
    api.post<ControlReportView>('/control-reports', input),
  );

export const useUpdateControlReport = (id: string) =>
  useReportMutation((input: { version: number; narrative?: Partial<ControlReportNarrative>; refreshFigures?: boolean }) =>
    api.patch<ControlReportView>(`/control-reports/${encodeURIComponent(id)}`, input),
  );

export const useSignControlReport = (id: string) =>
  useReportMutation((input: { version: number; number: string; signedOn: string }) =>
    api.post<ControlReportView>(`/control-reports/${encodeURIComponent(id)}/sign`, input),
  );

export const documentUrl = (id: string, format: 'docx' | 'pdf') => `/api/control-reports/${encodeURIComponent(id)}/document.${format}`;
