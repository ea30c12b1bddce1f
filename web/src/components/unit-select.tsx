import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { unitTypes as UNIT_TYPES } from '../../../src/contract/enums';
import type { Unit } from '../../../src/contract/org';
import { useUnits } from '../api/units';
import { vi } from '../i18n/vi';
import { todayInVietnam } from '../lib/format';

/** Units that handle or oversee procedures today; one-stop desks and dissolved units are left out. */
function isSelectable(unit: Unit, today: string): boolean {
  return unit.type !== 'desk' && unit.validFrom <= today && (unit.validTo === null || unit.validTo >= today);
}

/** Options keyed by unit id (the default) or by unit code (the dossier API names units by their codes). */
export function useUnitOptions(valueBy: 'id' | 'code' = 'id') {
  const units = useUnits();
  const options = useMemo(() => {
    const today = todayInVietnam();
    const selectable = (units.data ?? []).filter((unit) => isSelectable(unit, today));
    return UNIT_TYPES.map((type) => ({
      group: vi.labels.unitTypes[type],
      items: selectable
        .filter((unit) => unit.type === type)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((unit) => ({ value: valueBy === 'code' ? unit.code : unit.id, label: unit.name })),
    })).filter((group) => group.items.length > 0);
  }, [units.data, valueBy]);
  return { options, isLoading: units.isLoading };
}

type UnitSelectProps = Omit<SelectProps, 'data' | 'onChange'> & {
  onChange: (unit: string | null) => void;
  valueBy?: 'id' | 'code';
};

/** A searchable choice of unit, grouped by kind (province, departments, communes…). */
export function UnitSelect({ onChange, valueBy = 'id', ...props }: UnitSelectProps) {
  const { options } = useUnitOptions(valueBy);
  return (
    <Select
      searchable
      data={options}
      limit={100}
      nothingFoundMessage={vi.reformTargets.unitNothingFound}
      onChange={(value) => onChange(value)}
      {...props}
    />
  );
}
