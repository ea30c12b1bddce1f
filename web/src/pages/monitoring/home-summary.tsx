import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { useMetricsIndex } from '../../api/metrics';
import { useUnits } from '../../api/units';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { formatPoints, RatingTag } from './parts';
import { currentReportingPosition, defaultUnit, resolvePeriod, useMonthStartDay, visibleUnits } from './period';

const m = vi.monitoring;

/** On the staff home of leaders and procedure control: the score of their widest unit this reporting year. */
export function MonitoringSummary({ user }: { user: SessionUser }) {
  const units = useUnits();
  const unit = units.data ? defaultUnit(visibleUnits(user, units.data)) : undefined;
  const monthStartDay = useMonthStartDay();
  const period =
    monthStartDay === undefined
      ? { from: '', to: '' }
      : resolvePeriod({ kind: 'year', year: currentReportingPosition(monthStartDay).year, index: 1, from: '', to: '' }, monthStartDay);
  const index = useMetricsIndex({ unit: unit?.code ?? '', from: period.from, to: period.to });
  if (units.data && !unit) return null;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby="home-monitoring">
      <Title order={2} size="h3" id="home-monitoring">
        {m.home.heading}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {unit ? `${unit.name} · ` : ''}
        {period.from ? m.home.period(formatDate(period.from), formatDate(period.to)) : '…'}
      </Text>
      {!index.data ? (
        <QueryState query={index} />
      ) : (
        <Stack gap="sm">
          {index.data.score === null ? (
            <Text>{m.overview.noScore}</Text>
          ) : (
            <Group gap="md">
              <Text fz={32} fw={700} lh={1} c="blue.9">
                {m.overview.score(formatPoints(index.data.score))}
              </Text>
              <RatingTag rating={index.data.rating} label={index.data.ratingLabel} size="lg" />
            </Group>
          )}
          <Group>
            <Button
              component={Link}
              to={`/giam-sat?unit=${encodeURIComponent(index.data.unit.code)}`}
              leftSection={<IconChartBar size={18} aria-hidden />}
            >
              {m.home.open}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
