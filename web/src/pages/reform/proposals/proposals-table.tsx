import { Anchor, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { ProposalSummary } from '../../../../../src/contract/reform-proposals';
import { vi } from '../../../i18n/vi';
import { formatDate, formatNumber } from '../../../lib/format';
import { proposalPath } from '../shared/reform-params';
import { ApprovalOverdueTag, DemoTag, OverdueTag, ProposalStatusTag } from '../shared/reform-tags';

const m = vi.reformProposals;

export function ProposalsTable({ proposals }: { proposals: ProposalSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.title}</Table.Th>
            <Table.Th scope="col">{m.columns.unit}</Table.Th>
            <Table.Th scope="col">{m.columns.year}</Table.Th>
            <Table.Th scope="col">{m.columns.status}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m.columns.items}
            </Table.Th>
            <Table.Th scope="col">{m.columns.deadline}</Table.Th>
            <Table.Th scope="col">{m.columns.approvalDeadline}</Table.Th>
            <Table.Th scope="col">{m.columns.submittedAt}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => (
            <Table.Tr key={proposal.id}>
              <Table.Td>
                <Anchor component={Link} to={proposalPath(proposal.id)} fw={500} size="sm">
                  {proposal.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{proposal.unit.name}</Table.Td>
              <Table.Td>{proposal.year}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <ProposalStatusTag status={proposal.status} />
                  {proposal.isOverdue && <OverdueTag />}
                  {proposal.isApprovalOverdue && <ApprovalOverdueTag />}
                  {proposal.isDemo && <DemoTag />}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(proposal.itemCount)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(proposal.deadline)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(proposal.approvalDeadline)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {proposal.submittedAt ? formatDate(proposal.submittedAt) : m.notSubmitted}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
