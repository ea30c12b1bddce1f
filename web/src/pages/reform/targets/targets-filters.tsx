import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  reductionMethods as REDUCTION_METHODS,
  reformYears as REFORM_YEARS,
  type ReductionMethod,
} from '../../../../../src/contract/enums';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';

const m = vi.reformTargets;
const yearOptions = REFORM_YEARS.map((year) => ({ value: String(year), label: String(year) }));
const methodOptions = REDUCTION_METHODS.map((method) => ({ value: method, label: vi.reformLabels.methods[method] }));

interface TargetsFiltersProps {
  unitId: string | null;
  year: number;
  method: ReductionMethod;
  onChange: (change: { unit?: string | null; year?: number; method?: ReductionMethod }) => void;
}

/** Which unit, which year and how reductions are added up; all kept in the address so a view can be shared. */
export function TargetsFilters({ unitId, year, method, onChange }: TargetsFiltersProps) {
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Group component="section" aria-label={m.filtersLabel} align="flex-end" gap="md" wrap="wrap">
      <UnitSelect
        label={m.unit}
        placeholder={m.unitPlaceholder}
        value={unitId}
        onChange={(unit) => unit && onChange({ unit })}
        allowDeselect={false}
        w={{ base: '100%', sm: 360 }}
      />
      <Stack gap={4}>
        <Text component="span" size="sm" fw={500} id="targets-year-label">
          {m.year}
        </Text>
        <SegmentedControl
          aria-labelledby="targets-year-label"
          data={yearOptions}
          value={String(year)}
          onChange={(value) => onChange({ year: Number(value) })}
        />
      </Stack>
      <Stack gap={4} w={{ base: '100%', xs: 'auto' }}>
        <Text component="span" size="sm" fw={500} id="targets-method-label">
          {m.method}
        </Text>
        <SegmentedControl
          aria-labelledby="targets-method-label"
          data={methodOptions}
          value={method}
          onChange={(value) => onChange({ method: value as ReductionMethod })}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          fullWidth={isPhone}
          // Mantine gives every option the same width, which cuts the longer label: size them to their text.
          styles={{ control: { flex: '1 0 auto' } }}
        />
      </Stack>
    </Group>
  );
}
