import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DossierListItem } from '../../../../../src/contract/dossiers';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';
import { urgencyOf } from './countdown';
import { DossierStatusTag, RemainingTag } from './status-tag';

const m = vi.dossiers.inbox;

/** Late rows get a pale red background, near-due ones a pale orange: the eye finds them before reading. */
function rowBackground(item: DossierListItem): string | undefined {
  const urgency = urgencyOf(item.remainingWorkingMinutes, item.isOverdue);
  if (urgency === 'overdue') return 'var(--mantine-color-red-0)';
  if (urgency === 'near') return 'var(--mantine-color-orange-0)';
  return undefined;
}

function stepText(item: DossierListItem): string {
  const step = item.currentStep;
  if (!step) return '';
  return step.assigneeName ? `${step.name} — ${step.assigneeName}` : step.name;
}

/** A dossier's code stays on one line in the table (it is read and typed whole); on a phone card it may break. */
function DossierLink({ item, to, isOneLine = false }: { item: DossierListItem; to: string; isOneLine?: boolean }) {
  return (
    <Anchor component={Link} to={to} fw={600} size="sm" style={isOneLine ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all' }}>
      {item.code}
    </Anchor>
  );
}

/** The inbox as a table on a laptop and as cards on a phone; `linkTo` gives each dossier's address. */
export function DossierList({ items, linkTo }: { items: DossierListItem[]; linkTo: (item: DossierListItem) => string }) {
  return (
    <>
      <Table.ScrollContainer minWidth={0} visibleFrom="md">
        <Table aria-label={m.tableLabel} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.code}</Table.Th>
              <Table.Th scope="col">{m.procedureName}</Table.Th>
              <Table.Th scope="col">{m.applicant}</Table.Th>
              <Table.Th scope="col">{m.currentStep}</Table.Th>
              <Table.Th scope="col">{m.due}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} bg={rowBackground(item)}>
                <Table.Td>
                  <Stack gap={4}>
                    <DossierLink item={item} to={linkTo(item)} isOneLine />
                    <DossierStatusTag status={item.status} receivedAt={item.receivedAt} />
                  </Stack>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {item.procedureName}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {item.handlingUnit.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.applicantName}</Text>
                  <Text size="xs" c="gray.7">
                    {item.applicantIdNumberMasked}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{stepText(item)}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">{formatDate(item.dueAt)}</Text>
                    <RemainingTag minutes={item.remainingWorkingMinutes} isOverdue={item.isOverdue} />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="sm" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={m.tableLabel}>
        {items.map((item) => (
          <Card key={item.id} component="li" withBorder padding="sm" bg={rowBackground(item)}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <DossierLink item={item} to={linkTo(item)} />
              <DossierStatusTag status={item.status} receivedAt={item.receivedAt} />
            </Group>
            <Text size="sm" mt={4} lineClamp={3}>
              {item.procedureName}
            </Text>
            <Text size="sm" c="gray.8">
              {item.applicantName} · {item.applicantIdNumberMasked}
            </Text>
            {item.currentStep && (
              <Text size="sm" c="gray.8">
                {stepText(item)}
              </Text>
            )}
            <Group gap="xs" mt={4} wrap="wrap">
              {item.dueAt && (
                <Text size="sm">
                  {m.due}: {formatDate(item.dueAt)}
                </Text>
              )}
              <RemainingTag minutes={item.remainingWorkingMinutes} isOverdue={item.isOverdue} />
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
