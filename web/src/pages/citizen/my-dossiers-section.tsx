import { Anchor, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MyDossierListItem } from '../../../../src/contract/dossiers';
import { INBOX_PAGE_SIZE, useMyDossiers } from '../../api/dossiers';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { Tag } from '../../components/tag';
import { vi } from '../../i18n/vi';
import { formatDate } from '../../lib/format';
import { DossierStatusTag } from '../dossiers/shared/status-tag';

const m = vi.dossiers.my;

function MyDossierCard({ item }: { item: MyDossierListItem }) {
  return (
    <Card withBorder padding="sm" component="li" bg={item.request ? 'orange.0' : undefined}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/ho-so-cua-toi/${item.id}`} fw={600} style={{ wordBreak: 'break-all' }}>
          {item.code}
        </Anchor>
        <Group gap="xs">
          <DossierStatusTag status={item.status} receivedAt={item.receivedAt} />
          {item.request && <Tag tone="orange">{m.supplementNeeded}</Tag>}
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {item.procedureName}
      </Text>
      <Text size="sm" c="gray.8">
        {item.handlingUnitName}
      </Text>
      <Text size="sm" c="gray.8">
        {vi.dossiers.detail.submittedAt}: {formatDate(item.submittedAt)}
        {item.dueAt ? ` · ${vi.dossiers.detail.dueAt}: ${formatDate(item.dueAt)}` : ''}
        {item.returnedAt ? ` · ${vi.dossiers.detail.returnedAt}: ${formatDate(item.returnedAt)}` : ''}
      </Text>
      {item.request && (
        <Text size="sm" mt={4} c="orange.9">
          {item.request.reason}
          {item.request.items.length > 0 ? `: ${item.request.items.join('; ')}` : ''}
        </Text>
      )}
    </Card>
  );
}

/** "Hồ sơ của tôi" (replaces h-accounts' empty state: same file, export and heading id): the applicant's dossiers, their status, due date and what is asked of them. */
export function MyDossiersSection() {
  const [page, setPage] = useState(1);
  const query = useMyDossiers(page);
  return (
    <Paper component="section" aria-labelledby="my-dossiers" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id="my-dossiers">
          {m.title}
        </Title>
        {!query.data ? (
          <QueryState query={query} />
        ) : query.data.items.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text>{m.empty}</Text>
            <Button component={Link} to="/thu-tuc" variant="light">
              {m.findProcedure}
            </Button>
          </Stack>
        ) : (
          <>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {query.data.items.map((item) => (
                <MyDossierCard key={item.id} item={item} />
              ))}
            </Stack>
            <Pager page={query.data.page} total={query.data.total} pageSize={INBOX_PAGE_SIZE} onChange={setPage} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
