import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePlans } from '../../api/plans';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { OccurrenceLinks } from './occurrence-parts';
import { useCanImportPlans } from './use-can-import';

const m = vi.plans;

/** /ke-hoach: every plan of the province, newest first. */
export function PlansPage() {
  usePageTitle(m.listTitle);
  const query = usePlans();
  const canImport = useCanImportPlans();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{m.listTitle}</Title>
          <Text c="gray.8">{m.listIntro}</Text>
        </div>
        {canImport && (
          <Button component={Link} to="/ke-hoach/nhap" leftSection={<IconFileImport size={18} aria-hidden />}>
            {m.add}
          </Button>
        )}
      </Group>
      <OccurrenceLinks />
      {!query.data ? (
        <QueryState query={query} />
      ) : query.data.items.length === 0 ? (
        <Text>{m.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped aria-label={m.listCaption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.number}</Table.Th>
                <Table.Th>{m.columns.title}</Table.Th>
                <Table.Th>{m.columns.issuer}</Table.Th>
                <Table.Th>{m.columns.date}</Table.Th>
                <Table.Th>{m.columns.progress}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>{plan.number ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ke-hoach/${plan.id}`}>
                      {plan.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{plan.issuer.name}</Table.Td>
                  <Table.Td>{plan.date ? formatDate(plan.date) : '—'}</Table.Td>
                  <Table.Td>{m.progress(plan.doneCount, plan.taskCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
