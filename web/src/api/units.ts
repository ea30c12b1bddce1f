import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Unit } from './types';

export type UnitInput = Omit<Unit, 'id' | 'version'>;

const unitsKey = ['units'] as const;

export function useUnits() {
  return useQuery({
    queryKey: unitsKey,
    queryFn: () => api.get<{ items: Unit[] }>('/units', { tree: 1 }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) => api.post<Unit>('/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UnitInput & { id: string; version: number }) =>
      api.patch<Unit>(`/units/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
