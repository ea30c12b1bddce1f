import { Anchor, Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProposals } from '../../../api/reform-proposals';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { proposalPath, toSearch } from '../shared/reform-params';
import { ApprovalOverdueTag, DemoTag, OverdueTag, ProposalStatusTag } from '../shared/reform-tags';

const m = vi.reformTargets.proposals;

/** The unit's own simplification proposals for the year, so a leader sees plan and progress together. */
export function UnitProposals({ unitId, year }: { unitId: string; year: number }) {
  const proposals = useProposals({ unit: unitId, year });
  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} radius="md" aria-labelledby="unit-proposals-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="unit-proposals-heading">
          {m.heading}
        </Title>
        <Button component={Link} to={`/cai-cach/phuong-an${toSearch({ unit: unitId, year })}`} variant="subtle" size="sm">
          {m.all}
        </Button>
      </Group>
      {!proposals.data ? (
        <QueryState query={proposals} />
      ) : proposals.data.length === 0 ? (
        <Text c="gray.7">{m.empty(year)}</Text>
      ) : (
        <List role="list" aria-labelledby="unit-proposals-heading" spacing="sm" listStyleType="none">
          {proposals.data.map((proposal) => (
            <List.Item key={proposal.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={proposalPath(proposal.id)} fw={500}>
                  {proposal.title}
                </Anchor>
                <ProposalStatusTag status={proposal.status} />
                {proposal.isOverdue && <OverdueTag />}
                {proposal.isApprovalOverdue && <ApprovalOverdueTag />}
                {proposal.isDemo && <DemoTag />}
                <Text component="span" size="sm" c="gray.7">
                  {m.items(proposal.itemCount)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
