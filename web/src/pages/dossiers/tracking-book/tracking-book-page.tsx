import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../api/auth';
import { trackingBookUrl, useTrackingBook } from '../../../api/dossiers';
import { useUnits } from '../../../api/units';
import { DateField } from '../../../components/date-fields';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { formatDate, todayInVietnam } from '../../../lib/format';

const m = vi.dossiers.trackingBook;
const inbox = vi.dossiers.inbox;

function firstOfMonth(today: string): string {
  return `${today.slice(0, 8)}01`;
}

function BookTable({ unit, from, to }: { unit: string; from: string; to: string }) {
  const book = useTrackingBook(unit, from, to);
  if (!book.data) return <QueryState query={book} />;
  if (book.data.rows.length === 0) return <Text>{m.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table aria-label={m.tableLabel} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.bookLine}</Table.Th>
            <Table.Th scope="col">{inbox.code}</Table.Th>
            <Table.Th scope="col">{inbox.applicant}</Table.Th>
            <Table.Th scope="col">{inbox.procedureName}</Table.Th>
            <Table.Th scope="col">{m.receivedAt}</Table.Th>
            <Table.Th scope="col">{inbox.due}</Table.Th>
            <Table.Th scope="col">{m.returnedAt}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {book.data.rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.book ? `${row.book.book} / ${row.book.line}` : '—'}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/can-bo/ho-so?box=all&q=${encodeURIComponent(row.code)}`}
                  size="sm"
                  style={{ wordBreak: 'break-all' }}
                >
                  {row.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.applicantName}</Text>
                <Text size="xs" c="gray.7">
                  {row.applicantContact}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {row.procedureName}
                </Text>
                <Text size="xs" c="gray.7">
                  {row.leadAgency}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(row.receivedAt)}</Table.Td>
              <Table.Td>{formatDate(row.dueAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(row.returnedAt)}</Text>
                <Text size="xs" c="gray.7">
                  {row.returnNote}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Mẫu 07 (TT 03/2025): the dossiers a unit received in a period, on screen and as PDF or XLSX. */
export function TrackingBookPage() {
  usePageTitle(m.title);
  const { data: session } = useSession();
  const units = useUnits();
  const today = todayInVietnam();
  const ownUnitId = session?.user.roles.find((role) => role.unitId)?.unitId;
  const ownUnitCode = units.data?.find((unit) => unit.id === ownUnitId)?.code ?? '';
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const [from, setFrom] = useState(firstOfMonth(today));
  const [to, setTo] = useState(today);
  const unit = chosenUnit ?? ownUnitCode;
  const options = (units.data ?? []).filter((item) => !item.validTo).map((item) => ({ value: item.code, label: item.name }));

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={m.unit}
            searchable
            data={options}
            value={unit || null}
            onChange={setChosenUnit}
            nothingFoundMessage={vi.dossiers.inbox.empty}
          />
          <DateField label={m.from} required value={from} onChange={setFrom} />
          <DateField label={m.to} required value={to} onChange={setTo} />
        </SimpleGrid>
        {unit && from && to && (
          <Group gap="sm" mt="md">
            <Button
              component="a"
              href={trackingBookUrl(unit, from, to, 'pdf')}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {m.exportPdf}
            </Button>
            <Button
              component="a"
              href={trackingBookUrl(unit, from, to, 'xlsx')}
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {m.exportXlsx}
            </Button>
          </Group>
        )}
      </Paper>
      {unit && from && to && <BookTable unit={unit} from={from} to={to} />}
    </Stack>
  );
}
