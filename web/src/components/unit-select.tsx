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

/**
 * A unit's name as shown beside others: a name several units share ("Văn phòng Sở", "Phòng Hành chính tư pháp" —
 * every department has its own) is followed by its parent's ("Văn phòng Sở — Sở Tư pháp").
 */
export function unitLabeller(units: readonly Unit[]): (id: string, name: string) => string {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const uses = new Map<string, number>();
  for (const unit of units) uses.set(unit.name, (uses.get(unit.name) ?? 0) + 1);
  return (id, name) => {
    const parent = byId.get(byId.get(id)?.parentId ?? '');
    return (uses.get(name) ?? 0) > 1 && parent ? `${name} — ${parent.name}` : name;
  };
}

/** unitLabeller over the unit tree (loaded once for every unit select of the page). */
export function useUnitLabel() {
  const units = useUnits();
  return useMemo(() => unitLabeller(units.data ?? []), [units.data]);
}

/** Options keyed by unit id (the default) or by unit code (the dossier API names units by their codes). */
export function useUnitOptions(valueBy: 'id' | 'code' = 'id') {
  const units = useUnits();
  const options = useMemo(() => {
    const today = todayInVietnam();
    const selectable = (units.data ?? []).filter((unit) => isSelectable(unit, today));
    const label = unitLabeller(selectable);
    return UNIT_TYPES.map((type) => ({
      group: vi.labels.unitTypes[type],
      items: selectable
        .filter((unit) => unit.type === type)
        .map((unit) => ({ value: valueBy === 'code' ? unit.code : unit.id, label: label(unit.id, unit.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
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
