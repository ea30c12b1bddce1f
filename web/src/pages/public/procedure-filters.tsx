import { Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useFields } from '../../api/procedures';
import { LEVELS, ONLINE_LEVELS } from '../../api/types';
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
const levelOptions = LEVELS.map((level) => ({ value: level, label: vi.labels.levels[level] }));
const onlineOptions = ONLINE_LEVELS.map((level) => ({ value: level, label: vi.labels.onlineLevels[level] }));

export function ProcedureFilters({ values, onChange, onClear }: ProcedureFiltersProps) {
  const { data: fields = [] } = useFields();
  const [text, setText] = useSearchText(values.q, (q) => onChange('q', q));
  const fieldOptions = fields.map((field) => ({ value: field.name, label: `${field.name} (${field.count})` }));
  const hasFilters = Object.values(values).some(Boolean);

  return (
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
        <Select
          label={m.fieldLabel}
          placeholder={m.fieldPlaceholder}
          data={fieldOptions}
          value={values.field || null}
          onChange={(value) => onChange('field', value ?? '')}
          searchable
          clearable
          nothingFoundMessage={m.noFieldMatch}
        />
        <Select
          label={m.levelLabel}
          placeholder={m.anyOption}
          data={levelOptions}
          value={values.level || null}
          onChange={(value) => onChange('level', value ?? '')}
          clearable
        />
        <Select
          label={m.onlineLabel}
          placeholder={m.anyOption}
          data={onlineOptions}
          value={values.online || null}
          onChange={(value) => onChange('online', value ?? '')}
          clearable
        />
      </SimpleGrid>
      {hasFilters && (
        <Button
          variant="subtle"
          mt="xs"
          px={0}
          onClick={onClear}
        >
          {m.clearFilters}
        </Button>
      )}
    </form>
  );
}
