import { Paper, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useSession } from '../../api/auth';
import type { MetricsPeriod } from '../../api/metrics';
import { useUnits } from '../../api/units';
import { DateField } from '../../components/date-fields';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import {
  currentReportingPosition,
  DEFAULT_MONTH_START_DAY,
  defaultUnit,
  type PeriodKind,
  periodKinds,
  type ResolvedPeriod,
  resolvePeriod,
  useMonitoringParams,
  visibleUnits,
} from './period';

const m = vi.monitoring.filters;

/** The unit and period every monitoring page works on, read from the address; the unit defaults to the user's widest. */
export function useMonitoringSelection(defaultKind: PeriodKind = 'year') {
  const state = useMonitoringParams(defaultKind);
  const { data: session } = useSession();
  const units = useUnits();
  const options = useMemo(() => (session && units.data ? visibleUnits(session.user, units.data) : []), [session, units.data]);
  const unitCode = state.unitCode || defaultUnit(options)?.code || '';
  const unit = options.find((item) => item.code === unitCode) ?? units.data?.find((item) => item.code === unitCode);
  // Until the month start day is read, no month is known: the figures wait for it (an empty period asks nothing).
  const resolved: ResolvedPeriod =
    state.choice.kind === 'custom' || state.monthStartDay !== undefined
      ? resolvePeriod(state.choice, state.monthStartDay ?? DEFAULT_MONTH_START_DAY)
      : { from: '', to: '', isClipped: false };
  const period: MetricsPeriod = { unit: unitCode, from: resolved.from, to: resolved.to };
  return { ...state, unitCode, unit, options, resolved, period, isLoadingUnits: units.isLoading };
}

export type MonitoringSelectionState = ReturnType<typeof useMonitoringSelection>;

/** Unit, kind of period (month, quarter, year, custom) and which one; the days it covers are spelled out below. */
export function MonitoringFilters({ selection, hideUnit = false }: { selection: MonitoringSelectionState; hideUnit?: boolean }) {
  const { choice, resolved } = selection;
  const monthStartDay = selection.monthStartDay ?? DEFAULT_MONTH_START_DAY;
  const position = currentReportingPosition(monthStartDay);
  const years = Array.from({ length: 6 }, (_, offset) => String(position.year - offset));
  const unitOptions = selection.options.map((unit) => ({ value: unit.code, label: unit.name }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={m.label}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: hideUnit ? 3 : 4 }} spacing="sm">
          {!hideUnit && (
            <Select
              label={m.unit}
              placeholder={m.unitPlaceholder}
              searchable
              data={unitOptions}
              value={selection.unitCode || null}
              onChange={(value) => value && selection.setUnit(value)}
              nothingFoundMessage={m.unitNothingFound}
              allowDeselect={false}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="monitoring-period-kind">
              {m.periodKind}
            </Text>
            <SegmentedControl
              aria-labelledby="monitoring-period-kind"
              fullWidth
              value={choice.kind}
              onChange={(value) => selection.setChoice({ kind: value as PeriodKind })}
              data={periodKinds.map((kind) => ({ value: kind, label: m.kinds[kind] }))}
            />
          </Stack>
          {choice.kind === 'custom' ? (
            <>
              <DateField label={m.from} required value={choice.from} onChange={(from) => from && selection.setChoice({ from })} />
              <DateField label={m.to} required value={choice.to} onChange={(to) => to && selection.setChoice({ to })} />
            </>
          ) : (
            <>
              <Select
                label={m.year}
                data={years}
                value={String(choice.year)}
                onChange={(value) => value && selection.setChoice({ year: Number(value) })}
                allowDeselect={false}
              />
              {choice.kind !== 'year' && (
                <Select
                  label={choice.kind === 'month' ? m.month : m.quarter}
                  data={Array.from({ length: choice.kind === 'month' ? 12 : 4 }, (_, offset) => ({
                    value: String(offset + 1),
                    label: choice.kind === 'month' ? m.monthOption(offset + 1) : m.quarterOption(offset + 1),
                  }))}
                  value={String(choice.index)}
                  onChange={(value) => value && selection.setChoice({ index: Number(value) })}
                  allowDeselect={false}
                />
              )}
            </>
          )}
        </SimpleGrid>
        <Text size="sm" c="gray.8" aria-live="polite">
          {resolved.from === ''
            ? '…'
            : resolved.from > resolved.to
              ? m.invalidRange
              : `${m.range(formatDate(resolved.from), formatDate(resolved.to))}${resolved.isClipped ? ` (${m.clipped})` : ''}. ${choice.kind === 'custom' ? '' : m.monthRule(monthStartDay)}`}
        </Text>
      </Stack>
    </Paper>
  );
}
