import { Autocomplete, Stack, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useProcedureSuggestions } from '../../../api/procedure-suggestions';
import { vi } from '../../../i18n/vi';
import { HighlightedText } from '../../public/highlighted-text';

const m = vi.dossiers.intake;

/**
 * Finds a procedure as one types, accents or not (the public search: "ly hon" finds "ly hôn"); arrow keys and
 * Enter pick one. The field takes the focus when the screen opens, for a desk officer who starts typing at once.
 */
export function ProcedurePicker({ onPick }: { onPick: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const suggestions = useProcedureSuggestions(query);
  const page = query.trim().length >= 2 ? suggestions.data : undefined;
  const names = new Map((page?.items ?? []).map((item) => [item.code, item.name]));
  return (
    <Autocomplete
      label={m.procedureSearch}
      placeholder={m.procedurePlaceholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      data-autofocus
      autoFocus
      value={query}
      onChange={setQuery}
      data={(page?.items ?? []).map((item) => ({ value: item.code }))}
      filter={({ options }) => options}
      limit={8}
      onOptionSubmit={(code) => {
        setQuery('');
        onPick(code);
      }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" lh={1.35}>
            <HighlightedText text={names.get(option.value) ?? option.value} words={page?.matchedWords ?? []} />
          </Text>
          <Text size="xs" c="gray.7">
            {vi.procedureList.code}: {option.value}
          </Text>
        </Stack>
      )}
    />
  );
}
