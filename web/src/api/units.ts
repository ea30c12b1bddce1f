import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitInput, Unit, UnitView } from '../../../src/contract/org';
import { api } from './client';

/** What the unit form sends; on a change only the fields sent change (the server keeps the rest). */
export type UnitInput = CreateUnitInput;

const unitsKey = ['units'] as const;

export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: () => api.get<{ items: Unit[] }>('/units'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) => api.post<UnitView>('/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<UnitInput> & { id: string; version: number }) =>
      api.patch<UnitView>(`/units/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
