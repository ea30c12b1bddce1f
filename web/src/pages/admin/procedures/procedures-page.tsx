import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useProcedureSearch } from '../../../api/procedures';
import { usePageTitle } from '../../../components/page-title';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useSearchText } from '../../../components/use-search-text';
import { vi } from '../../../i18n/vi';

const m = vi.adminProcedures;
const PAGE_SIZE = 20;

export function ProceduresAdminPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useSearchText(q, (value) => setParams(value ? { q: value } : {}, { replace: true }));
  const search = useProcedureSearch({ q, page, pageSize: PAGE_SIZE });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{m.title}</Title>
        <Group gap="sm">
          <Button component={Link} to="/quan-tri/quyet-dinh" variant="subtle">
            {vi.adminDecisions.list.open}
          </Button>
          <Button component={Link} to="/quan-tri/quyet-dinh/moi" variant="outline">
            {vi.adminDecisions.open}
          </Button>
          <Button component={Link} to="/quan-tri/thu-tuc/moi" leftSection={<IconPlus size={18} aria-hidden />}>
            {m.add}
          </Button>
        </Group>
      </Group>
      <TextInput
        type="search"
        label={m.search}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        leftSection={<IconSearch size={18} aria-hidden />}
        maw={560}
      />
      {search.data && !search.isError ? (
        <div aria-busy={search.isFetching}>
          <Text c="gray.8" mb="xs" aria-live="polite">
            {vi.procedureList.resultCount(search.data.total)}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover withTableBorder>
              <Table.Caption>{m.tableCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.columns.code}</Table.Th>
                  <Table.Th scope="col">{m.columns.name}</Table.Th>
                  <Table.Th scope="col">{m.columns.field}</Table.Th>
                  <Table.Th scope="col">{m.columns.version}</Table.Th>
                  <Table.Th scope="col">{m.columns.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {search.data.items.map((procedure) => (
                  <Table.Tr key={procedure.code}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{procedure.code}</Table.Td>
                    <Table.Td>{procedure.name}</Table.Td>
                    <Table.Td>{procedure.field}</Table.Td>
                    <Table.Td>{procedure.versionNo}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/quan-tri/thu-tuc/${encodeURIComponent(procedure.code)}`}
                        aria-label={m.editLabel(procedure.code)}
                      >
                        {m.edit}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={page}
            total={search.data.total}
            pageSize={PAGE_SIZE}
            onChange={(next) => setParams({ ...(q ? { q } : {}), ...(next > 1 ? { page: String(next) } : {}) })}
          />
        </div>
      ) : (
        <QueryState query={search} />
      )}
    </Stack>
  );
}
