import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { Snapshot, Worksheet } from '../../../../../src/contract/reform';
import { useSaveWorksheet } from '../../../api/reform';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { formatDate, formatDuration, formatHours } from '../../../lib/format';
import { CostTermsTable } from '../shared/cost-terms-table';
import { useCanPrepare } from '../shared/use-can-prepare';
import { WorksheetForm } from './worksheet-form';

const m = vi.reformProcedure;

interface SnapshotPanelProps {
  id: string;
  title: string;
  code: string;
  snapshot: Snapshot;
  onReload: () => void;
}

function Facts({ snapshot }: { snapshot: Snapshot }) {
  const rows: [string, string][] = [
    [m.version, String(snapshot.versionNo)],
    [m.effectiveFrom, formatDate(snapshot.effectiveFrom)],
    [m.decision, snapshot.decisionNumber ?? m.noDecision],
    [m.processingTime, m.processingHours(formatDuration(snapshot.processingTime), formatHours(snapshot.hours))],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="40%">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A measured figure stays what it was on the day it was measured (the NQ 66 figures must not move by themselves):
 * shown with that day and period, and measured again on request — the same worksheet saved with "measured".
 */
function MeasuredSubjects({
  code,
  versionNo,
  worksheet,
  canEdit,
}: {
  code: string;
  versionNo: number;
  worksheet: Worksheet;
  canEdit: boolean;
}) {
  const save = useSaveWorksheet(code, versionNo);
  const measured = worksheet.subjectsMeasured;
  if (!measured) return null;
  const remeasure = () =>
    save.mutate(
      {
        activities: worksheet.activities,
        feesVnd: worksheet.feesVnd,
        otherCostsVnd: worksheet.otherCostsVnd,
        timesPerYear: worksheet.timesPerYear,
        subjectsSource: 'measured',
        incomeYear: worksheet.incomeYear,
        note: worksheet.note,
        version: worksheet.version,
      },
      { onSuccess: () => notifySuccess(m.remeasured), onError: notifyError },
    );
  return (
    <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
      <Text size="sm" c="gray.7">
        {m.measuredSubjects(
          measured.dossiers,
          formatDate(measured.period.from),
          formatDate(measured.period.to),
          formatDate(measured.measuredAt),
        )}
      </Text>
      {canEdit && (
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={14} aria-hidden />}
          aria-label={m.remeasureLabel(versionNo)}
          loading={save.isPending}
          onClick={remeasure}
        >
          {m.remeasure}
        </Button>
      )}
    </Group>
  );
}

/** One side of the comparison: a procedure version with its cost worksheet, editable in a dialog. */
export function SnapshotPanel({ id, title, code, snapshot, onReload }: SnapshotPanelProps) {
  const [isEditing, setIsEditing] = useState(false);
  const canEdit = useCanPrepare();
  // A fresh form each time the dialog opens, and when a reload brings another version of the worksheet.
  const [formKey, setFormKey] = useState(0);
  const open = () => {
    setFormKey((key) => key + 1);
    setIsEditing(true);
  };
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const { worksheet } = snapshot;
  return (
    <Paper component="section" aria-labelledby={id} withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Facts snapshot={snapshot} />
        <Group justify="space-between" align="center">
          <Title order={3} size="h4">
            {m.worksheetHeading}
          </Title>
          {canEdit && (
            <Button
              variant="light"
              size="sm"
              leftSection={worksheet ? <IconPencil size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
              aria-label={worksheet ? m.editLabel(snapshot.versionNo) : m.createLabel(snapshot.versionNo)}
              onClick={open}
            >
              {worksheet ? m.edit : m.create}
            </Button>
          )}
        </Group>
        {worksheet ? (
          <Stack gap="xs">
            <CostTermsTable
              result={worksheet.result}
              timesPerYear={worksheet.timesPerYear}
              subjectsPerYear={worksheet.subjectsPerYear}
              subjectsSource={worksheet.subjectsSource}
            />
            {snapshot.worksheetFromVersionNo === null && (
              <MeasuredSubjects code={code} versionNo={snapshot.versionNo} worksheet={worksheet} canEdit={canEdit} />
            )}
            {snapshot.worksheetFromVersionNo !== null && (
              <Alert color="orange" variant="light" title={m.carriedOverTitle} role="note">
                {m.carriedOver(snapshot.worksheetFromVersionNo, snapshot.versionNo)}
              </Alert>
            )}
            <Text size="sm" c="gray.7">
              {m.costedAt(worksheet.incomeYear, worksheet.costedAtYear)}
            </Text>
            {worksheet.note && (
              <Text size="sm">
                <strong>{m.note}:</strong> {worksheet.note}
              </Text>
            )}
          </Stack>
        ) : (
          <Text c="gray.7">{m.noWorksheet}</Text>
        )}
      </Stack>
      <Modal
        opened={isEditing}
        onClose={() => setIsEditing(false)}
        title={m.editorTitle(snapshot.versionNo)}
        size="xl"
        fullScreen={isPhone}
      >
        <Text size="sm" c="gray.7" mb="md">
          {m.scopeHint}
        </Text>
        <WorksheetForm
          key={`${formKey}-${worksheet?.version ?? 'new'}`}
          code={code}
          versionNo={snapshot.versionNo}
          worksheet={worksheet}
          onDone={() => setIsEditing(false)}
          onReload={onReload}
        />
      </Modal>
    </Paper>
  );
}
