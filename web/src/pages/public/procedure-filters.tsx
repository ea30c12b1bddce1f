import { Button, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ProcedurePage } from '../../../../src/contract/catalog';
import { levels as LEVELS, onlineLevels as ONLINE_LEVELS } from '../../../../src/contract/enums';
import { useFields } from '../../api/procedures';
import { useSearchText } from '../../components/use-search-text';
import { vi } from '../../i18n/vi';

export interface ProcedureFilterValues {
  q: string;
  field: string;
  level: string;
  online: string;
  unit: string;
}

interface ProcedureFiltersProps {
  values: ProcedureFilterValues;
  /** Counts among the current query's matches (when there is a query): the options say how many each would leave. */
  facets?: ProcedurePage['facets'];
  onChange: (key: keyof ProcedureFilterValues, value: string) => void;
  onClear: () => void;
}

const m = vi.procedureList;
const anyOption = { value: '', label: m.anyOption };
const countOf = (facets: { value: string; count: number }[] | undefined, value: string) =>
  facets ? (facets.find((facet) => facet.value === value)?.count ?? 0) : null;
const labelled = (label: string, count: number | null) => (count === null ? label : m.withCount(label, count));
const onlineOptions = [anyOption, ...ONLINE_LEVELS.map((level) => ({ value: level, label: vi.labels.onlineLevels[level] }))];

export function ProcedureFilters({ values, facets, onChange, onClear }: ProcedureFiltersProps) {
  const { data: fields = [] } = useFields();
  const [text, setText] = useSearchText(values.q, (q) => onChange('q', q));
  // With a query, the fields that hold matches, with their counts; without one, every field of the catalog.
  const fieldCounts = facets?.fields ?? fields.map((field) => ({ value: field.name, count: field.count }));
  const fieldOptions = [
    { value: '', label: m.fieldPlaceholder },
    ...fieldCounts.map((field) => ({ value: field.value, label: m.withCount(field.value, field.count) })),
    ...(values.field && !fieldCounts.some((field) => field.value === values.field) ? [{ value: values.field, label: values.field }] : []),
  ];
  const levelOptions = [
    anyOption,
    ...LEVELS.map((level) => ({ value: level, label: labelled(vi.labels.levels[level], countOf(facets?.levels, level)) })),
  ];
  const unitOptions = facets
    ? [
        anyOption,
        ...facets.units.map((unit) => ({ value: unit.value, label: m.withCount(unit.name, unit.count) })),
        ...(values.unit && !facets.units.some((unit) => unit.value === values.unit) ? [{ value: values.unit, label: values.unit }] : []),
      ]
    : null;
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
      <SimpleGrid cols={{ base: 1, sm: unitOptions ? 4 : 3 }} spacing="sm">
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
        {unitOptions && (
          <NativeSelect
            label={m.unitLabel}
            data={unitOptions}
            value={values.unit}
            onChange={(event) => onChange('unit', event.currentTarget.value)}
          />
        )}
      </SimpleGrid>
      {hasFilters && (
        <Button variant="subtle" mt="xs" px={0} onClick={onClear}>
          {m.clearFilters}
        </Button>
      )}
    </form>
  );
}
