import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReductionMethod, ReformIndicator } from '../../../src/contract/enums';
import type {
  CostInput,
  CostMethod,
  CostMethodView,
  CostResult,
  IncomeRate,
  ProcedureMeasures,
  ProcedureReform,
  ReformDrill,
  ReformSummary,
  ReformTarget,
  Worksheet,
  WorksheetRequest,
} from '../../../src/contract/reform';
import { api } from './client';

const encode = encodeURIComponent;
export const reformKey = ['reform'] as const;

export interface SummaryQuery {
  /** Empty: the province. */
  unit: string;
  year: number;
  method: ReductionMethod;
}

export function useReformSummary(query: SummaryQuery) {
  return useQuery({
    queryKey: [...reformKey, 'summary', query],
    queryFn: () => api.get<ReformSummary>('/reform/summary', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useReformDrill(query: SummaryQuery & { indicator: ReformIndicator }) {
  return useQuery({
    queryKey: [...reformKey, 'drill', query],
    queryFn: () => api.get<ReformDrill>('/reform/summary/drill', { ...query }),
  });
}

export function useProcedureReform(code: string) {
  return useQuery({
    queryKey: [...reformKey, 'procedure', code],
    queryFn: () => api.get<ProcedureReform>(`/reform/procedures/${encode(code)}`),
    enabled: code !== '',
  });
}

/** What the dossiers measured over the last 12 months: received, applicants, median processing time. */
export function useProcedureMeasures(code: string) {
  return useQuery({
    queryKey: [...reformKey, 'measures', code],
    queryFn: () => api.get<ProcedureMeasures>(`/reform/procedures/${encode(code)}/measures`),
    enabled: code !== '',
  });
}

export function useSaveWorksheet(code: string, versionNo: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorksheetRequest) =>
      api.put<Worksheet>(`/reform/procedures/${encode(code)}/versions/${versionNo}/worksheet`, input),
    // Not awaited: the caller's own callbacks (close the dialog) run at once, before the refetch re-renders the page.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reformKey }),
  });
}

/** The cost of a worksheet that is not saved; recomputed by the server as the figures change. */
export function useCostPreview(input: CostInput | null) {
  return useQuery({
    queryKey: [...reformKey, 'cost', input],
    queryFn: () => api.post<CostResult>('/reform/cost', input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

const incomeRatesKey = [...reformKey, 'income-rates'] as const;

export function useIncomeRates() {
  return useQuery({
    queryKey: incomeRatesKey,
    queryFn: () => api.get<{ items: IncomeRate[] }>('/reform/income-rates'),
    select: (data) => [...data.items].sort((a, b) => b.year - a.year),
    staleTime: 5 * 60_000,
  });
}

export function useSaveIncomeRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...input }: IncomeRate) => api.put<{ items: IncomeRate[] }>(`/reform/income-rates/${year}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomeRatesKey }),
  });
}

export function useReformTargets() {
  return useQuery({
    queryKey: [...reformKey, 'targets'],
    queryFn: () => api.get<{ items: ReformTarget[] }>('/reform/targets'),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

const costMethodKey = [...reformKey, 'cost-method'] as const;

/** How the NQ 66 figures value compliance cost: the baseline year's income, waiting time at a share of it. */
export function useCostMethod() {
  return useQuery({ queryKey: costMethodKey, queryFn: () => api.get<CostMethodView>('/reform/cost-method'), staleTime: 5 * 60_000 });
}

export function useSaveCostMethod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CostMethod) => api.put<CostMethodView>('/reform/cost-method', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reformKey }),
  });
}
