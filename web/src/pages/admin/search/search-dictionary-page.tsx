import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { toSearchForm } from '../../../../../src/core/text';
import { hasRole, useSession } from '../../../api/auth';
import { type Synonym, useDeleteSynonym, useSearchMisses, useSynonyms } from '../../../api/search-dictionary';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';
import { PopularitySettings } from './popularity-settings';
import { SynonymForm } from './synonym-form';

const m = vi.searchDictionary;

function SynonymTable({ items, onEdit }: { items: Synonym[]; onEdit: (entry: Synonym) => void }) {
  const deleteSynonym = useDeleteSynonym();
  const handleDelete = (entry: Synonym) => {
    if (!window.confirm(m.confirmRemove(entry.term, entry.expansion))) return;
    deleteSynonym.mutate(entry.id, { onSuccess: () => notifySuccess(m.removed), onError: notifyError });
  };
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.term}</Table.Th>
            <Table.Th scope="col">{m.expansion}</Table.Th>
            <Table.Th scope="col">{m.origin}</Table.Th>
            <Table.Th scope="col">{m.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td fw={600}>{entry.term}</Table.Td>
              <Table.Td>
                {entry.expansion}
                {entry.note && (
                  <Text size="xs" c="gray.7">
                    {entry.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Tag tone={entry.isShipped ? 'gray' : 'green'}>{entry.isShipped ? m.shipped : m.added_by_province}</Tag>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ActionIcon variant="subtle" aria-label={`${m.edit}: ${entry.term}`} onClick={() => onEdit(entry)}>
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${m.remove}: ${entry.term}`}
                  loading={deleteSynonym.isPending && deleteSynonym.variables === entry.id}
                  onClick={() => handleDelete(entry)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MissesTable({ onAdd }: { onAdd: (query: string) => void }) {
  const misses = useSearchMisses();
  if (!misses.data) return <QueryState query={misses} />;
  if (misses.data.length === 0) return <Text>{m.noMisses}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.query}</Table.Th>
            <Table.Th scope="col">{m.searches}</Table.Th>
            <Table.Th scope="col">{m.withoutResult}</Table.Th>
            <Table.Th scope="col">{m.approximate}</Table.Th>
            <Table.Th scope="col">{m.lastDay}</Table.Th>
            <Table.Th scope="col">{m.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {misses.data.map((miss) => (
            <Table.Tr key={miss.query}>
              <Table.Td>{miss.query}</Table.Td>
              <Table.Td>{miss.searches}</Table.Td>
              <Table.Td>{miss.withoutResult}</Table.Td>
              <Table.Td>{miss.approximate}</Table.Td>
              <Table.Td>{formatDate(miss.lastDay)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onAdd(miss.query)}>
                  {m.addFromMiss}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The search dictionary (synonyms, abbreviations) and the queries that found little: procedure controllers, administrators. */
export function SearchDictionaryPage() {
  usePageTitle(m.title);
  const { data: session } = useSession();
  const isAdmin = hasRole(session?.user, 'admin');
  const synonyms = useSynonyms();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Synonym | null>(null);
  const [initialTerm, setInitialTerm] = useState('');
  const needle = toSearchForm(filter);
  const shown = (synonyms.data ?? []).filter(
    (entry) => !needle || toSearchForm(entry.term).includes(needle) || toSearchForm(entry.expansion).includes(needle),
  );

  return (
    <Stack gap="lg">
      <Title order={1}>{m.title}</Title>
      <Text maw={820}>{m.intro}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dictionary-form">
        <Title order={2} size="h4" id="dictionary-form" mb="sm">
          {editing ? `${m.edit}: ${editing.term}` : m.addTitle}
        </Title>
        <SynonymForm
          editing={editing}
          initialTerm={initialTerm}
          onDone={() => {
            setEditing(null);
            setInitialTerm('');
          }}
        />
      </Paper>
      <section aria-labelledby="dictionary-entries">
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h4" id="dictionary-entries">
            {synonyms.data ? `${m.title} — ${m.entries(shown.length)}` : m.title}
          </Title>
          <TextInput
            type="search"
            label={m.filter}
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
          />
        </Group>
        {synonyms.data ? <SynonymTable items={shown} onEdit={setEditing} /> : <QueryState query={synonyms} />}
      </section>
      {isAdmin && <PopularitySettings />}
      <section aria-labelledby="dictionary-misses">
        <Title order={2} size="h4" id="dictionary-misses" mb={4}>
          {m.missesTitle}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {m.missesIntro}
        </Text>
        <MissesTable
          onAdd={(query) => {
            setEditing(null);
            setInitialTerm(query);
            window.scrollTo({ top: 0 });
          }}
        />
      </section>
    </Stack>
  );
}
