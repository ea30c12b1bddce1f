import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProcedurePage } from '../../../src/contract/catalog';
import { api } from './client';

const SUGGESTION_DELAY_MS = 200;
const SUGGESTIONS = 6;

/** Procedures suggested while the visitor types (debounced; from two characters on). */
export function useProcedureSuggestions(text: string) {
  const [debounced] = useDebouncedValue(text.trim(), SUGGESTION_DELAY_MS);
  return useQuery({
    queryKey: ['procedures', 'search', 'suggestions', debounced],
    queryFn: () => api.get<ProcedurePage>('/procedures', { q: debounced, page: 1, pageSize: SUGGESTIONS }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
