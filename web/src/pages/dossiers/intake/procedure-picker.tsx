import { Autocomplete, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useFrequentProcedures } from '../../../api/dossiers';
import { useProcedureSuggestions } from '../../../api/procedure-suggestions';
import { vi } from '../../../i18n/vi';
import { formatNumber } from '../../../lib/format';
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
    <Stack gap="lg">
      <SearchField onPick={onPick} query={query} setQuery={setQuery} page={page} names={names} />
      <FrequentProcedureButtons onPick={onPick} />
    </Stack>
  );
}

/** The desk's most received procedures, one press away before anything is typed. */
function FrequentProcedureButtons({ onPick }: { onPick: (code: string) => void }) {
  const frequent = useFrequentProcedures();
  const items = frequent.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="frequent-heading">
      <Title order={2} size="h5" id="frequent-heading" mb="xs">
        {m.frequentHeading(frequent.data!.days)}
      </Title>
      <Group gap="xs" wrap="wrap">
        {items.map((item) => (
          <Button
            key={item.code}
            variant="default"
            onClick={() => onPick(item.code)}
            styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
            py={6}
          >
            <Stack gap={0}>
              <Text size="sm" lh={1.35}>
                {item.name}
              </Text>
              <Text size="xs" c="gray.7">
                {vi.procedureList.code}: {item.code} · {m.frequentCount(formatNumber(item.count))}
              </Text>
            </Stack>
          </Button>
        ))}
      </Group>
    </section>
  );
}

type Suggestions = ReturnType<typeof useProcedureSuggestions>['data'];

function SearchField(props: {
  onPick: (code: string) => void;
  query: string;
  setQuery: (value: string) => void;
  page: Suggestions | undefined;
  names: Map<string, string>;
}) {
  const { onPick, query, setQuery, page, names } = props;
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
