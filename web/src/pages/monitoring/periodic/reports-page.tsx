import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ControlReportKind, controlReportKindLabels, controlReportStatusLabels } from '../../../../../src/contract/control-reports';
import { hasRole, useSession } from '../../../api/auth';
import { errorMessage } from '../../../api/client';
import { useUnits } from '../../../api/units';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useControlReports, useCreateControlReport } from './api';
import { t } from './labels';

const KINDS: ControlReportKind[] = ['monthly', 'quarterly', 'yearly'];
const periodOptions = (kind: ControlReportKind) => {
  if (kind === 'monthly') return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` }));
  if (kind === 'quarterly') return ['I', 'II', 'III', 'IV'].map((label, i) => ({ value: String(i + 1), label: `Quý ${label}` }));
  return [{ value: '1', label: 'Cả năm' }];
};
const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

function CreateForm({ year }: { year: number }) {
  const units = useUnits();
  const create = useCreateControlReport();
  const navigate = useNavigate();
  const root = units.data?.find((unit) => unit.parentId === null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [kind, setKind] = useState<ControlReportKind>('monthly');
  const [periodIndex, setPeriodIndex] = useState<string | null>('1');
  const [formYear, setFormYear] = useState<number>(year);
  const chosenUnit = unitId ?? root?.id ?? null;
  const submit = () => {
    if (!chosenUnit || !periodIndex) return;
    create.mutate(
      { unitId: chosenUnit, kind, year: formYear, periodIndex: Number(periodIndex) },
      { onSuccess: (report) => navigate(`/giam-sat/bao-cao-dinh-ky/${report.id}`) },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-heading">
      <Title order={2} size="h4" id="create-heading" mb="sm">
        {t.createHeading}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t.unit}
          data={(units.data ?? []).filter((unit) => !unit.validTo).map((unit) => ({ value: unit.id, label: unit.name }))}
          value={chosenUnit}
          onChange={setUnitId}
          searchable
          miw={260}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t.kind}
          data={KINDS.map((value) => ({ value, label: controlReportKindLabels[value] }))}
          value={kind}
          onChange={(value) => {
            setKind((value as ControlReportKind) ?? 'monthly');
            setPeriodIndex('1');
          }}
          allowDeselect={false}
          w={120}
        />
        <Select label={t.period} data={periodOptions(kind)} value={periodIndex} onChange={setPeriodIndex} allowDeselect={false} w={130} />
        <NumberInput
          label={t.year}
          value={formYear}
          onChange={(value) => setFormYear(Number(value) || year)}
          min={2020}
          max={2100}
          w={110}
        />
        <Button onClick={submit} loading={create.isPending} disabled={!chosenUnit}>
          {t.create}
        </Button>
      </Group>
      {create.isError && (
        <Text c="red.8" mt="sm" role="alert">
          {errorMessage(create.error)}
        </Text>
      )}
    </Paper>
  );
}

/** `/giam-sat/bao-cao-dinh-ky`: the reports by period, with their status and due date; a new draft. */
export function ControlReportsPage() {
  usePageTitle(t.title);
  const { data: session } = useSession();
  const [year, setYear] = useState<number>(thisYear());
  const reports = useControlReports({ year });
  const canCreate = hasRole(session?.user, 'procedure_controller', 'admin');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t.title}</Title>
        <Text c="gray.8">{t.intro}</Text>
      </div>
      {canCreate && <CreateForm year={year} />}
      <Paper withBorder p="md" component="section" aria-labelledby="list-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="list-heading">
            {t.listHeading}
          </Title>
          <NumberInput
            label={t.year}
            value={year}
            onChange={(value) => setYear(Number(value) || thisYear())}
            min={2020}
            max={2100}
            w={110}
          />
        </Group>
        {!reports.data && <QueryState query={reports} />}
        {reports.data && reports.data.items.length === 0 && <Text>{t.empty}</Text>}
        {reports.data && reports.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.columns.period}</Table.Th>
                  <Table.Th scope="col">{t.columns.unit}</Table.Th>
                  <Table.Th scope="col">{t.columns.days}</Table.Th>
                  <Table.Th scope="col">{t.columns.due}</Table.Th>
                  <Table.Th scope="col">{t.columns.status}</Table.Th>
                  <Table.Th scope="col">{t.columns.open}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reports.data.items.map((report) => (
                  <Table.Tr key={report.id}>
                    <Table.Td>
                      {controlReportKindLabels[report.kind]} — {report.periodLabel}
                    </Table.Td>
                    <Table.Td>{report.unit.name}</Table.Td>
                    <Table.Td>
                      {formatDate(report.from)} – {formatDate(report.to)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text span c={report.isOverdue ? 'red.8' : undefined} fw={report.isOverdue ? 700 : undefined}>
                          {formatDate(report.dueOn)}
                        </Text>
                        {report.isOverdue && (
                          <Badge color="red" variant="filled">
                            {t.overdue}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={report.status === 'signed' ? 'green' : 'gray'} variant="light">
                        {controlReportStatusLabels[report.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/giam-sat/bao-cao-dinh-ky/${report.id}`}>
                        {t.open}
                        <VisuallyHidden>{` ${report.periodLabel}, ${report.unit.name}`}</VisuallyHidden>
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
