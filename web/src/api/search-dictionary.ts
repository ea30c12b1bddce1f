import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SearchMiss, SearchSettings, SearchSettingsInput, Synonym, SynonymInput, SynonymUpdate } from '../../../src/contract/search';
import { api } from './client';

export type { SearchMiss, SearchSettings, Synonym, SynonymInput, SynonymUpdate };

const dictionaryKey = ['search-dictionary'] as const;

export function useSynonyms() {
  return useQuery({
    queryKey: [...dictionaryKey, 'synonyms'],
    queryFn: () => api.get<{ items: Synonym[] }>('/search/synonyms'),
    select: (data) => data.items,
  });
}

export function useSearchMisses() {
  return useQuery({
    queryKey: [...dictionaryKey, 'misses'],
    queryFn: () => api.get<{ items: SearchMiss[] }>('/search/misses', { days: 30, limit: 100 }),
    select: (data) => data.items,
  });
}

function useDictionaryMutation<TInput>(mutationFn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dictionaryKey });
      // Search results change with the dictionary.
      void queryClient.invalidateQueries({ queryKey: ['procedures', 'search'] });
    },
  });
}

export const useAddSynonym = () => useDictionaryMutation((input: SynonymInput) => api.post<Synonym>('/search/synonyms', input));

export const useUpdateSynonym = () =>
  useDictionaryMutation(({ id, ...input }: SynonymUpdate & { id: string }) =>
    api.put<Synonym>(`/search/synonyms/${encodeURIComponent(id)}`, input),
  );

export const useDeleteSynonym = () => useDictionaryMutation((id: string) => api.delete(`/search/synonyms/${encodeURIComponent(id)}`));

/** The ranking's settings (administrators only). */
export function useSearchSettings() {
  return useQuery({ queryKey: [...dictionaryKey, 'settings'], queryFn: () => api.get<SearchSettings>('/search/settings') });
}

export const useSaveSearchSettings = () =>
  useDictionaryMutation((input: SearchSettingsInput) => api.put<SearchSettings>('/search/settings', input));
