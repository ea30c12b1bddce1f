import { Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useProcedureSuggestions } from '../../api/procedure-suggestions';
import { vi } from '../../i18n/vi';
import { HighlightedText } from './highlighted-text';

const m = vi.procedureList;
const INPUT_ID = 'home-search';

/**
 * The home page's big search box: suggests procedures as one types (arrow keys and Enter pick one, which opens it);
 * the button sends the visitor to the list of every match.
 */
export function ProcedureSearchBox() {
  const [query, setQuery] = useState('');
  const navigate = useNavigate();
  const suggestions = useProcedureSuggestions(query);
  const page = query.trim().length >= 2 ? suggestions.data : undefined;
  const names = new Map((page?.items ?? []).map((item) => [item.code, item.name]));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    void navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc');
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; a form with role="search" is
    <form role="search" onSubmit={handleSubmit}>
      {/* A label of its own: given to the Autocomplete, it would name its list of options too. */}
      <Text component="label" htmlFor={INPUT_ID} c="white" fw={500} size="lg" display="block" mb={6}>
        {vi.home.searchLabel}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Autocomplete
          id={INPUT_ID}
          type="search"
          size="lg"
          flex="1 1 16rem"
          miw={0}
          placeholder={vi.home.searchPlaceholder}
          value={query}
          onChange={setQuery}
          data={(page?.items ?? []).map((item) => ({ value: item.code }))}
          // The server ranks and corrects: the box shows its answer as it is.
          filter={({ options }) => options}
          limit={6}
          onOptionSubmit={(code) => void navigate(`/thu-tuc/${encodeURIComponent(code)}`)}
          renderOption={({ option }) => (
            <Stack gap={0}>
              <Text size="sm" lh={1.35}>
                <HighlightedText text={names.get(option.value) ?? option.value} words={page?.matchedWords ?? []} />
              </Text>
              <Text size="xs" c="gray.7">
                {m.code}: {option.value}
              </Text>
            </Stack>
          )}
          comboboxProps={{ shadow: 'md' }}
          leftSection={<IconSearch aria-hidden />}
        />
        <Button type="submit" size="lg" color="yellow.4" c="dark.9" flex="0 0 auto">
          {vi.home.searchButton}
        </Button>
      </Group>
      {page?.suggestion && (
        <Text c="white" mt="xs" data-testid="home-did-you-mean">
          {m.didYouMean} <strong>{page.suggestion}</strong>
        </Text>
      )}
    </form>
  );
}
