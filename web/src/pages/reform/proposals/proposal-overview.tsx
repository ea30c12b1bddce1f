import { Paper, SimpleGrid, Text, Timeline, Title } from '@mantine/core';
import type { Proposal } from '../../../../../src/contract/reform-proposals';
import { vi } from '../../../i18n/vi';
import { formatMoney, formatNumber, formatPercent, formatVietnamDateTime } from '../../../lib/format';

const m = vi.reformProposals;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="lg" fw={700}>
        {value}
      </Text>
    </div>
  );
}

export function ProposalTotals({ proposal }: { proposal: Proposal }) {
  const { totals } = proposal;
  const percent = (value: number | null) => (value === null ? vi.reformProcedure.noReduction : formatPercent(value));
  return (
    <Paper component="section" aria-labelledby="proposal-totals" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="proposal-totals" mb="sm">
        {m.totalsHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={m.totals.timeReduction} value={percent(totals.timeReduction)} />
        <Figure label={m.totals.costReduction} value={percent(totals.costReduction)} />
        <Figure
          label={m.totals.annualCost}
          value={m.totals.annualCostChange(formatMoney(totals.annualCostBefore), formatMoney(totals.annualCostAfter))}
        />
        <Figure label={m.totals.procedures} value={formatNumber(totals.procedures)} />
      </SimpleGrid>
      {totals.withoutBaseline > 0 && (
        <Text size="sm" c="gray.7" mt="sm">
          {m.totals.withoutBaseline(totals.withoutBaseline)}
        </Text>
      )}
    </Paper>
  );
}

export function ProposalTimeline({ proposal }: { proposal: Proposal }) {
  const events = proposal.events;
  return (
    <Paper component="section" aria-labelledby="proposal-timeline" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="proposal-timeline" mb="sm">
        {m.timelineHeading}
      </Title>
      {events.length === 0 ? (
        <Text c="gray.7">{m.noEvents}</Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
          {events.map((event, index) => (
            <Timeline.Item key={`${event.at}-${index}`} title={vi.reformLabels.proposalEvents[event.action] ?? event.action}>
              <Text size="sm" c="gray.7">
                {m.eventBy(event.actorName, formatVietnamDateTime(event.at))}
              </Text>
              {event.note && <Text size="sm">{event.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
