import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Regime, RegimeUpdateInput as RegimeChanges, RegimeCreateRequest, RegimeList } from '../../../src/contract/reform-regimes';
import { api } from './client';
import { reformKey } from './reform';

const regimesKey = [...reformKey, 'reporting-regimes'] as const;
const encode = encodeURIComponent;

export function useRegimes(filter: { unit?: string }) {
  return useQuery({
    queryKey: [...regimesKey, filter],
    queryFn: () => api.get<RegimeList>('/reform/reporting-regimes', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

/** A partial change: only the fields sent change. */
export type RegimeUpdateInput = RegimeChanges & { id: string };

/** A change moves the dashboard's "reporting regimes sent electronically" figure too. */
function useRegimeMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reformKey }) });
}

export function useCreateRegime() {
  return useRegimeMutation((input: RegimeCreateRequest) => api.post<Regime>('/reform/reporting-regimes', input));
}

export function useUpdateRegime() {
  return useRegimeMutation(({ id, ...input }: RegimeUpdateInput) => api.patch<Regime>(`/reform/reporting-regimes/${encode(id)}`, input));
}

export function useDeleteRegime() {
  return useRegimeMutation(({ id, version }: { id: string; version: number }) =>
    api.delete<{ id: string; deleted: true }>(`/reform/reporting-regimes/${encode(id)}?version=${version}`),
  );
}
