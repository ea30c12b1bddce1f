import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Condition } from '../../../../../src/contract/reform-conditions';
import { isConditionAbolished } from '../../../../../src/core/reform/conditions';
import { vi } from '../../../i18n/vi';
import { formatDate, formatMoney } from '../../../lib/format';
import { procedureReformPath } from '../shared/reform-params';
import { DemoTag } from '../shared/reform-tags';

const m = vi.reformConditions;
const labels = vi.reformLabels;
const COLUMNS = 7;
const SHORT_TEXT = 80;

function groupByField(items: Condition[]): [string, Condition[]][] {
  const groups = new Map<string, Condition[]>();
  for (const item of items) groups.set(item.field, [...(groups.get(item.field) ?? []), item]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'vi'));
}

const shorten = (text: string) => (text.length > SHORT_TEXT ? `${text.slice(0, SHORT_TEXT)}…` : text);

interface ConditionsTableProps {
  items: Condition[];
  /** null: the user may not edit conditions, so no column for it. */
  onEdit: ((condition: Condition) => void) | null;
}

export function ConditionsTable({ items, onEdit }: ConditionsTableProps) {
  const columns = onEdit ? COLUMNS : COLUMNS - 1;
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption>{m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.text}</Table.Th>
            <Table.Th scope="col">{m.columns.formAndSource}</Table.Th>
            <Table.Th scope="col">{m.columns.procedures}</Table.Th>
            <Table.Th scope="col" ta="right">
              {m.columns.cost}
            </Table.Th>
            <Table.Th scope="col">{m.columns.assessmentAndAction}</Table.Th>
            <Table.Th scope="col">{m.columns.status}</Table.Th>
            {onEdit && <Table.Th scope="col">{m.columns.actions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        {groupByField(items).map(([field, rows]) => (
          <Table.Tbody key={field}>
            <Table.Tr bg="gray.1">
              <Table.Th scope="colgroup" colSpan={columns}>
                {m.fieldGroup(
                  field,
                  rows.length,
                  rows.filter(isConditionAbolished).length,
                  rows.filter((row) => row.status === 'simplified').length,
                )}
              </Table.Th>
            </Table.Tr>
            {rows.map((condition) => (
              <Table.Tr key={condition.id} style={{ verticalAlign: 'top' }}>
                <Table.Td maw={340}>
                  <Text size="sm">{condition.text}</Text>
                  <Group gap={4} mt={4}>
                    <Text size="xs" c="gray.7">
                      {condition.unit.name}
                    </Text>
                    {condition.isDemo && <DemoTag />}
                  </Group>
                </Table.Td>
                <Table.Td maw={200}>
                  <Text size="sm">{labels.conditionForms[condition.form]}</Text>
                  <Text size="xs" c="gray.7">
                    {condition.sourceRegulation}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {labels.conditionSourceLevels[condition.sourceLevel]}
                  </Text>
                  {condition.isOutsideConditionalList && (
                    <Text size="xs" fw={500}>
                      {m.outsideList}
                    </Text>
                  )}
                  {condition.abolishedByText && (
                    <Text size="xs" c="gray.7">
                      {m.abolishedBy(condition.abolishedByText)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {condition.procedureCodes.map((code) => (
                      <Anchor key={code} component={Link} to={procedureReformPath(code)} size="sm">
                        {code}
                      </Anchor>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {condition.complianceCostVnd === null ? '—' : formatMoney(condition.complianceCostVnd)}
                </Table.Td>
                <Table.Td maw={240}>
                  <Text size="sm">
                    {labels.conditionAssessments[condition.assessment]}:{' '}
                    {labels.conditionActions[condition.proposedAction].toLocaleLowerCase('vi')}
                  </Text>
                  {condition.reason && (
                    <Text size="xs" c="gray.7">
                      {condition.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={isConditionAbolished(condition) ? 600 : undefined}
                    c={isConditionAbolished(condition) ? 'green.9' : undefined}
                  >
                    {labels.conditionStatuses[condition.status]}
                  </Text>
                  {condition.statusChangedOn && (
                    <Text size="xs" c="gray.7">
                      {m.statusSince(formatDate(condition.statusChangedOn))}
                    </Text>
                  )}
                </Table.Td>
                {onEdit && (
                  <Table.Td>
                    <Button variant="subtle" size="xs" aria-label={m.editLabel(shorten(condition.text))} onClick={() => onEdit(condition)}>
                      {m.edit}
                    </Button>
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
