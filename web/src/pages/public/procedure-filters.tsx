import { Button, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { levels as LEVELS, onlineLevels as ONLINE_LEVELS } from '../../../../src/contract/enums';
import { useFields } from '../../api/procedures';
import { useSearchText } from '../../components/use-search-text';
import { vi } from '../../i18n/vi';

export interface ProcedureFilterValues {
  q: string;
  field: string;
  level: string;
  online: string;
}

interface ProcedureFiltersProps {
  values: ProcedureFilterValues;
  onChange: (key: keyof ProcedureFilterValues, value: string) => void;
  onClear: () => void;
}

const m = vi.procedureList;
const anyOption = { value: '', label: m.anyOption };
const levelOptions = [anyOption, ...LEVELS.map((level) => ({ value: level, label: vi.labels.levels[level] }))];
const onlineOptions = [anyOption, ...ONLINE_LEVELS.map((level) => ({ value: level, label: vi.labels.onlineLevels[level] }))];

export function ProcedureFilters({ values, onChange, onClear }: ProcedureFiltersProps) {
  const { data: fields = [] } = useFields();
  const [text, setText] = useSearchText(values.q, (q) => onChange('q', q));
  const fieldOptions = [
    { value: '', label: m.fieldPlaceholder },
    ...fields.map((field) => ({ value: field.name, label: `${field.name} (${field.count})` })),
  ];
  const hasFilters = Object.values(values).some(Boolean);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; a form with role="search" is
    <form role="search" onSubmit={(event) => event.preventDefault()}>
      <TextInput
        type="search"
        size="md"
        label={m.searchLabel}
        placeholder={m.searchPlaceholder}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={18} aria-hidden />}
        mb="sm"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={m.fieldLabel}
          data={fieldOptions}
          value={values.field}
          onChange={(event) => onChange('field', event.currentTarget.value)}
        />
        <NativeSelect
          label={m.levelLabel}
          data={levelOptions}
          value={values.level}
          onChange={(event) => onChange('level', event.currentTarget.value)}
        />
        <NativeSelect
          label={m.onlineLabel}
          data={onlineOptions}
          value={values.online}
          onChange={(event) => onChange('online', event.currentTarget.value)}
        />
      </SimpleGrid>
      {hasFilters && (
        <Button variant="subtle" mt="xs" px={0} onClick={onClear}>
          {m.clearFilters}
        </Button>
      )}
    </form>
  );
}
