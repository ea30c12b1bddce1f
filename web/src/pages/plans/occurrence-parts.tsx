import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconChartBar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { planTaskStatusLabels } from '../../../../src/contract/plans';
import { type PlanOccurrence, planOccurrenceStateLabels } from '../../../../src/contract/plans-occurrences';
import { Tag, type Tone } from '../../components/tag';
import { UnitSelect } from '../../components/unit-select';
import { vi } from '../../i18n/vi';

const m = vi.planOccurrences;
const tones: Record<PlanOccurrence['state'], Tone> = { pending: 'blue', reported: 'green', overdue: 'red' };

/** An occurrence's state as a tag (the text says it; the colour only repeats it). */
export function OccurrenceStateTag({ occurrence }: { occurrence: PlanOccurrence }) {
  return (
    <Tag tone={occurrence.task.status === 'done' ? 'green' : tones[occurrence.state]} size="sm">
      {occurrence.task.status === 'done' ? planTaskStatusLabels.done : planOccurrenceStateLabels[occurrence.state]}
    </Tag>
  );
}

/** "II.1. Title" linked to its plan, the plan's number below. */
export function OccurrenceTask({ occurrence, isCompact = false }: { occurrence: PlanOccurrence; isCompact?: boolean }) {
  return (
    <>
      <Anchor component={Link} to={`/ke-hoach/${occurrence.plan.id}`} size="sm" fw={500}>
        {occurrence.task.ref}. {occurrence.task.title}
      </Anchor>
      {!isCompact && (
        <Text size="sm" c="gray.8">
          {occurrence.plan.number ?? occurrence.plan.title}
        </Text>
      )}
    </>
  );
}

/** The unit kept in the address (?unit=), as every page of plans does. */
export function useUnitParam(): [string, (value: string | null) => void, URLSearchParams, (next: URLSearchParams) => void] {
  const [params, setParams] = useSearchParams();
  const set = (next: URLSearchParams) => setParams(next, { replace: true });
  const setUnit = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('unit', value);
    else next.delete('unit');
    set(next);
  };
  return [params.get('unit') ?? '', setUnit, params, set];
}

export function UnitFilter({
  value,
  onChange,
  children,
}: {
  value: string;
  onChange: (value: string | null) => void;
  children?: ReactNode;
}) {
  return (
    <Group component="section" aria-label={m.unit} align="flex-end">
      <UnitSelect
        label={m.unit}
        value={value || null}
        onChange={onChange}
        placeholder={m.wholeProvince}
        clearable
        w={{ base: '100%', sm: 320 }}
      />
      {children}
    </Group>
  );
}

/** The three follow-up pages, linked from the plans pages. */
export function OccurrenceLinks() {
  return (
    <Group gap="xs" component="nav" aria-label={m.links}>
      <Button component={Link} to="/ke-hoach/qua-han" variant="light" size="xs" leftSection={<IconAlertTriangle size={16} aria-hidden />}>
        {m.navOverdue}
      </Button>
      <Button component={Link} to="/ke-hoach/lich" variant="light" size="xs" leftSection={<IconCalendarDue size={16} aria-hidden />}>
        {m.navCalendar}
      </Button>
      <Button component={Link} to="/ke-hoach/tong-hop" variant="light" size="xs" leftSection={<IconChartBar size={16} aria-hidden />}>
        {m.navRollup}
      </Button>
    </Group>
  );
}

/** From a plan's page: the roll-up of its tasks by lead unit. */
export function PlanRollupLink({ planId }: { planId: string }) {
  return (
    <Anchor component={Link} to={`/ke-hoach/tong-hop?plan=${encodeURIComponent(planId)}`} size="sm">
      {m.planRollupLink}
    </Anchor>
  );
}
