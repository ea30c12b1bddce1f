import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useProcedureSearch } from '../../../api/procedures';
import { vi } from '../../../i18n/vi';

const m = vi.reformProposals.itemForm;
const SEARCH_SIZE = 20;

interface ProcedureSelectProps {
  value: string | null;
  /** The chosen procedure's name, so it stays shown whatever the search returns. */
  selectedLabel: string | null;
  onChange: (code: string | null, label: string | null) => void;
  error?: React.ReactNode;
  disabled?: boolean;
}

const optionLabel = (code: string, name: string) => `${code} — ${name}`;

/** Finds a procedure in the catalog as the user types (GET /api/procedures?q=). */
export function ProcedureSelect({ value, selectedLabel, onChange, error, disabled }: ProcedureSelectProps) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // Once chosen, the box shows the label: searching for it would only narrow the list to that procedure.
  const isShowingChoice = selectedLabel !== null && search === selectedLabel;
  const results = useProcedureSearch({ q: isShowingChoice ? '' : query, pageSize: SEARCH_SIZE });
  const options = (results.data?.items ?? []).map((procedure) => ({
    value: procedure.code,
    label: optionLabel(procedure.code, procedure.name),
  }));
  if (value && selectedLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: selectedLabel });
  }
  return (
    <Select
      label={m.procedure}
      placeholder={m.procedurePlaceholder}
      required
      searchable
      disabled={disabled}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(code, option) => onChange(code, option?.label ?? null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? vi.common.loading : m.procedureNothingFound}
      error={error}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}
