import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalSettingsInput, PortalView } from '../../../src/contract/portal';
import { api, uploadFile } from './client';

export type { PortalSettingsInput, PortalView };

const portalKey = ['portal'] as const;

/** Whose portal it is and the centre's contact: every page's header and footer (the server answers 304 while unchanged). */
export function usePortal() {
  return useQuery({ queryKey: portalKey, queryFn: () => api.get<PortalView>('/portal'), staleTime: 5 * 60_000 });
}

export function useSavePortalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PortalSettingsInput) => api.put<PortalView>('/settings/portal', input),
    onSuccess: (view) => queryClient.setQueryData(portalKey, view),
  });
}

export function useUploadEmblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<PortalView>('/settings/portal/emblem', file, file.name, 'PUT'),
    onSuccess: (view) => queryClient.setQueryData(portalKey, view),
  });
}

export function useRemoveEmblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<PortalView>('/settings/portal/emblem'),
    onSuccess: (view) => queryClient.setQueryData(portalKey, view),
  });
}
