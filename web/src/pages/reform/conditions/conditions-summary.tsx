import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ConditionSummary } from '../../../../../src/contract/reform-conditions';
import { useReformTargets } from '../../../api/reform';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatNumber, formatPercent } from '../../../lib/format';

const m = vi.reformConditions;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </div>
  );
}

/** How many unnecessary conditions are cut, against the NQ 66 targets of each year (stored as data). */
export function ConditionsSummary({ summary }: { summary: ConditionSummary }) {
  const { data: targets = [] } = useReformTargets();
  const yearTargets = targets.filter((target) => target.indicator === 'business_conditions_cut').sort((a, b) => a.year - b.year);
  const share = summary.share;
  return (
    <Paper component="section" aria-labelledby="conditions-summary" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="conditions-summary" mb="sm">
        {m.summaryHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
        <Figure label={m.total} value={formatNumber(summary.total)} />
        <Figure label={m.unnecessary} value={formatNumber(summary.unnecessary)} />
        <Figure label={m.cut} value={formatNumber(summary.cut)} />
        <Figure label={m.share} value={share === null ? '—' : formatPercent(share)} />
      </SimpleGrid>
      <Text size="sm" mb="sm">
        {summary.unnecessary > 0 ? m.shareOf(summary.cut, summary.unnecessary) : m.noShare}
      </Text>
      <Stack gap="sm">
        {yearTargets.map((target) => {
          const isMet = share !== null && share >= target.target;
          const progress = share === null || target.target <= 0 ? 0 : Math.min(100, (share / target.target) * 100);
          return (
            <div key={target.year}>
              <Group gap="sm" mb={4}>
                <Text fw={500}>{m.targetLine(target.year, formatPercent(target.target))}</Text>
                <Tag tone={isMet ? 'green' : 'red'}>{isMet ? m.targetMet : m.targetBehind}</Tag>
              </Group>
              <Progress
                value={Math.round(progress * 10) / 10}
                color={isMet ? 'green.8' : 'orange.8'}
                size="lg"
                aria-label={m.targetProgress(target.year)}
              />
              <Text size="xs" c="gray.7" mt={2}>
                {target.source}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
