import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ProcedureMeasures } from '../../../../../src/contract/reform';
import { useProcedureMeasures } from '../../../api/reform';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { formatDate, formatDuration, formatNumber } from '../../../lib/format';

const m = vi.reformProcedure;

function Figure({ label, value, basis }: { label: string; value: string; basis: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm">{basis}</Text>
    </div>
  );
}

function MeasuredTime({ measures }: { measures: ProcedureMeasures }) {
  const { processing, period, received } = measures;
  const from = formatDate(period.from);
  const to = formatDate(period.to);
  const minutes = processing.medianWorkingMinutes;
  const value =
    minutes === null || processing.medianWorkingDays === null
      ? m.noDossiers
      : m.measuredValue(formatNumber(processing.medianWorkingDays), formatNumber(Math.round((minutes / 60) * 10) / 10));
  const basis = minutes === null ? m.noDossiersBasis(from, to) : m.measuredBasis(formatNumber(processing.resolvedDossiers), from, to);
  return (
    <Stack gap={4}>
      <Figure label={m.measuredTime} value={value} basis={basis} />
      <Text size="sm" c="gray.7">
        {m.receivedBasis(formatNumber(received.dossiers), formatNumber(received.applicants), from, to)}
      </Text>
    </Stack>
  );
}

/**
 * The statutory time, the committed time and what the dossiers took (median, working time, pauses excluded), side by
 * side, each in its own unit: a measured working time is never shown as calendar days.
 */
export function MeasuresPanel({ code }: { code: string }) {
  const query = useProcedureMeasures(code);
  return (
    <Paper component="section" aria-labelledby="measures-heading" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="measures-heading" mb="sm">
        {m.measuresHeading}
      </Title>
      {query.data ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              label={m.statutoryTime}
              value={formatDuration(query.data.processing.statutory)}
              basis={query.data.processing.statutory.text}
            />
            <Figure
              label={m.committedTime}
              value={formatDuration(query.data.processing.committed)}
              basis={query.data.processing.hasApprovedProcess ? m.committedByProcess : m.committedIsStatutory}
            />
            <MeasuredTime measures={query.data} />
          </SimpleGrid>
          {query.data.processing.statutory.unit === 'calendar_days' && query.data.processing.medianWorkingMinutes !== null && (
            <Text size="sm" c="gray.7">
              {m.calendarDaysNote}
            </Text>
          )}
        </Stack>
      ) : (
        <QueryState query={query} />
      )}
    </Paper>
  );
}
