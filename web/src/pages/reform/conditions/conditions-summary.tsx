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

/** How many conditions are abolished (simplified apart), against the NQ 66 targets of each year (stored as data). */
export function ConditionsSummary({ summary }: { summary: ConditionSummary }) {
  const { data: targets = [] } = useReformTargets();
  const yearTargets = targets.filter((target) => target.indicator === 'business_conditions_cut').sort((a, b) => a.year - b.year);
  const outsideTargets = targets.filter((target) => target.indicator === 'business_conditions_outside_list');
  const outside = summary.outsideList;
  const share = summary.share;
  return (
    <Paper component="section" aria-labelledby="conditions-summary" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="conditions-summary" mb="sm">
        {m.summaryHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} mb="md">
        <Figure label={m.total} value={formatNumber(summary.total)} />
        <Figure label={m.abolished} value={formatNumber(summary.abolished)} />
        <Figure label={m.simplified} value={formatNumber(summary.simplified)} />
        <Figure label={m.proposed} value={formatNumber(summary.proposed)} />
        <Figure label={m.share} value={share === null ? '—' : formatPercent(share)} />
      </SimpleGrid>
      <Text size="sm" mb="xs">
        {summary.total > 0 ? m.shareOf(summary.abolished, summary.total) : m.noShare}
      </Text>
      <Text size="sm" c="gray.7" mb="sm">
        {m.rule}
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
      <Title order={3} size="h4" mt="lg" mb="xs">
        {m.outsideHeading}
      </Title>
      <Text size="sm">{outside.total > 0 ? m.outsideOf(outside.abolished, outside.total) : m.outsideNone}</Text>
      {outside.total > 0 &&
        outsideTargets.map((target) => {
          const isMet = outside.share !== null && outside.share >= target.target;
          return (
            <div key={target.year}>
              <Group gap="sm" mt="xs" mb={4}>
                <Text fw={500}>{m.targetLine(target.year, formatPercent(target.target))}</Text>
                <Tag tone={isMet ? 'green' : 'red'}>{isMet ? m.targetMet : m.targetBehind}</Tag>
              </Group>
              <Progress
                value={Math.round(Math.min(100, ((outside.share ?? 0) / (target.target || 1)) * 100) * 10) / 10}
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
    </Paper>
  );
}
