import { Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProposalItem } from '../../../../../src/contract/reform-proposals';
import { vi } from '../../../i18n/vi';
import { formatDuration, formatMoney, formatPercent } from '../../../lib/format';
import { procedureReformPath } from '../shared/reform-params';

const m = vi.reformProposals;
const COLUMNS = 6;

/** Rows grouped by field (lĩnh vực), in the order the proposal lists them. */
function groupByField(items: ProposalItem[]): [string, ProposalItem[]][] {
  const groups = new Map<string, ProposalItem[]>();
  for (const item of items) groups.set(item.field, [...(groups.get(item.field) ?? []), item]);
  return [...groups];
}

function Change({ before, after }: { before: string | null; after: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c={before === null ? 'gray.7' : undefined}>
        {before ?? m.noBaseline}
      </Text>
      <Text size="sm" fw={600}>
        → {after}
      </Text>
    </Stack>
  );
}

interface ProposalItemsTableProps {
  items: ProposalItem[];
  canEdit: boolean;
  onEdit: (item: ProposalItem) => void;
  onDelete: (item: ProposalItem) => void;
}

export function ProposalItemsTable({ items, canEdit, onEdit, onDelete }: ProposalItemsTableProps) {
  const columns = canEdit ? COLUMNS : COLUMNS - 1;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption>{m.itemsCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.itemColumns.procedure}</Table.Th>
            <Table.Th scope="col">{m.itemColumns.measures}</Table.Th>
            <Table.Th scope="col">{m.itemColumns.time}</Table.Th>
            <Table.Th scope="col">{m.itemColumns.cost}</Table.Th>
            <Table.Th scope="col">{m.itemColumns.reductions}</Table.Th>
            {canEdit && <Table.Th scope="col">{m.itemColumns.actions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        {groupByField(items).map(([field, rows]) => (
          <Table.Tbody key={field}>
            <Table.Tr bg="gray.1">
              <Table.Th scope="colgroup" colSpan={columns}>
                {m.fieldGroup(field, rows.length)}
              </Table.Th>
            </Table.Tr>
            {rows.map((item) => (
              <Table.Tr key={item.id} style={{ verticalAlign: 'top' }}>
                <Table.Td maw={360}>
                  <Anchor component={Link} to={procedureReformPath(item.procedureCode)} fw={500} size="sm">
                    {item.procedureCode}
                  </Anchor>
                  <Text size="sm">{item.procedureName}</Text>
                  {item.legalText && (
                    <Text size="xs" c="gray.7" mt={4}>
                      {m.legalText}: {item.legalText}
                    </Text>
                  )}
                  <Text size="xs" c="gray.7" mt={4}>
                    {m.reason}: {item.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <List size="sm" spacing={2}>
                    {item.measures.map((measure) => (
                      <List.Item key={measure}>{vi.reformLabels.measures[measure]}</List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td>
                  <Change
                    before={item.baseline ? formatDuration({ amount: item.baseline.timeAmount, unit: item.baseline.timeUnit }) : null}
                    after={formatDuration({ amount: item.proposed.timeAmount, unit: item.proposed.timeUnit })}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Change
                    before={item.baseline?.annualCost != null ? formatMoney(item.baseline.annualCost) : null}
                    after={formatMoney(item.proposed.annualCost)}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{item.timeReduction === null ? '—' : m.timeShort(formatPercent(item.timeReduction))}</Text>
                  <Text size="sm">{item.costReduction === null ? '—' : m.costShort(formatPercent(item.costReduction))}</Text>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button variant="subtle" size="xs" aria-label={m.editItemLabel(item.procedureCode)} onClick={() => onEdit(item)}>
                        {m.editItem}
                      </Button>
                      <Button
                        variant="subtle"
                        color="red.8"
                        size="xs"
                        aria-label={m.deleteItemLabel(item.procedureCode)}
                        onClick={() => onDelete(item)}
                      >
                        {m.deleteItem}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
