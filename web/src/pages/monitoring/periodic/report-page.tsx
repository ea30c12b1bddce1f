import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type ControlReportNarrative,
  type ControlReportView,
  controlReportStatusLabels,
  narrativePartLabels,
  narrativeParts,
} from '../../../../../src/contract/control-reports';
import { errorMessage } from '../../../api/client';
import { DateField } from '../../../components/date-fields';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate, formatNumber, formatPercent } from '../../../lib/format';
import { documentUrl, useControlReport, useSignControlReport, useUpdateControlReport } from './api';
import { t } from './labels';

const ratio = (value: number | null) => (value === null ? '—' : formatPercent(value));

function Figures({ report }: { report: ControlReportView }) {
  const { dossiers, index, reform } = report.figures;
  const items: [string, string][] = [
    [t.figures.received, formatNumber(dossiers.received)],
    [t.figures.online, `${formatNumber(dossiers.receivedOnline)} (${ratio(report.figures.onlineRatio)})`],
    [t.figures.carriedOver, formatNumber(dossiers.carriedOver)],
    [t.figures.resolved, formatNumber(dossiers.resolved)],
    [t.figures.onTime, `${formatNumber(dossiers.resolvedEarly + dossiers.resolvedOnTime)} (${ratio(report.figures.onTimeRatio)})`],
    [t.figures.late, formatNumber(dossiers.resolvedLate)],
    [t.figures.inProgress, formatNumber(dossiers.inProgress)],
    [t.figures.overdue, formatNumber(dossiers.overdue)],
    [
      t.figures.index,
      index.score === null
        ? '—'
        : `${index.score.toLocaleString('vi-VN')}/${index.maxScore ?? 100}${index.rating ? ` — ${index.rating}` : ''}`,
    ],
    [t.figures.time, `${ratio(reform.timeReduction)} (mục tiêu ${ratio(reform.timeTarget)})`],
    [t.figures.cost, `${ratio(reform.costReduction)} (mục tiêu ${ratio(reform.costTarget)})`],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="figures-heading">
      <Title order={2} size="h4" id="figures-heading" mb="sm">
        {t.figuresHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" component="dl" m={0}>
        {items.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="gray.8">
              {label}
            </Text>
            <Text component="dd" m={0} fw={700}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function SignModal({ report, opened, onClose }: { report: ControlReportView; opened: boolean; onClose: () => void }) {
  const sign = useSignControlReport(report.id);
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t.signHeading}>
      <Stack>
        <Alert color="yellow">{t.signWarning}</Alert>
        <TextInput
          label={t.number}
          description={t.numberHint}
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          required
        />
        <DateField label={t.signedOn} value={signedOn} onChange={setSignedOn} required />
        {sign.isError && (
          <Text c="red.8" role="alert">
            {errorMessage(sign.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            color="green"
            loading={sign.isPending}
            disabled={number.trim() === '' || signedOn === ''}
            onClick={() => sign.mutate({ version: report.version, number, signedOn }, { onSuccess: onClose })}
          >
            {t.confirmSign}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Editor({ report }: { report: ControlReportView }) {
  const update = useUpdateControlReport(report.id);
  const [draft, setDraft] = useState<ControlReportNarrative>(report.narrative);
  const [isSigning, setSigning] = useState(false);
  useEffect(() => setDraft(report.narrative), [report.narrative]);
  const isEditable = report.canEdit;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="narrative-heading">
      <Title order={2} size="h4" id="narrative-heading">
        {t.narrativeHeading}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {isEditable
          ? t.narrativeHint
          : report.status === 'signed'
            ? t.signedAs(report.number ?? '', formatDate(report.signedOn))
            : t.readOnly}
      </Text>
      <Stack>
        {narrativeParts.map((part, position) => (
          <Textarea
            key={part}
            label={`${position + 1}. ${narrativePartLabels[part]}`}
            value={draft[part]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((current) => ({ ...current, [part]: value }));
            }}
            autosize
            minRows={3}
            readOnly={!isEditable}
          />
        ))}
        {update.isError && (
          <Text c="red.8" role="alert">
            {errorMessage(update.error)}
          </Text>
        )}
        {update.isSuccess && !update.isPending && (
          <Text c="green.9" role="status">
            {t.saved}
          </Text>
        )}
        {isEditable && (
          <Group>
            <Button loading={update.isPending} onClick={() => update.mutate({ version: report.version, narrative: draft })}>
              {t.save}
            </Button>
            <Button
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate({ version: report.version, refreshFigures: true })}
            >
              {t.refresh}
            </Button>
            <Button color="green" variant="outline" onClick={() => setSigning(true)}>
              {t.sign}
            </Button>
          </Group>
        )}
      </Stack>
      {isEditable && <SignModal report={report} opened={isSigning} onClose={() => setSigning(false)} />}
    </Paper>
  );
}

/** `/giam-sat/bao-cao-dinh-ky/:id`: one report — its figures, the narrative to edit, the documents, signing. */
export function ControlReportPage() {
  const { id = '' } = useParams();
  const report = useControlReport(id);
  usePageTitle(report.data ? `${t.title} ${report.data.periodLabel}` : t.title);
  if (!report.data) {
    // A report not found (or not yet loaded) still draws its heading and the way back.
    return (
      <Stack gap="lg">
        <Anchor component={Link} to="/giam-sat/bao-cao-dinh-ky">
          ← {t.back}
        </Anchor>
        <Title order={1}>{t.title}</Title>
        <QueryState query={report} />
      </Stack>
    );
  }
  const data = report.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/giam-sat/bao-cao-dinh-ky">
        ← {t.back}
      </Anchor>
      <div>
        <Title order={1}>{t.reportHeading(data.periodLabel)}</Title>
        <Group gap="xs" mt={4}>
          <Text>{data.unit.name}</Text>
          <Badge color={data.status === 'signed' ? 'green' : 'gray'} variant="light">
            {controlReportStatusLabels[data.status]}
          </Badge>
          <Text size="sm" c={data.isOverdue ? 'red.8' : 'gray.8'} fw={data.isOverdue ? 700 : undefined}>
            Số liệu {formatDate(data.from)} – {formatDate(data.to)}; hạn gửi {formatDate(data.dueOn)}
            {data.isOverdue ? ` (${t.overdue.toLocaleLowerCase('vi-VN')})` : ''}
          </Text>
        </Group>
        <Group gap="xs" mt="sm">
          <Button component="a" href={documentUrl(data.id, 'docx')} variant="light">
            {t.downloadDocx}
          </Button>
          <Button component="a" href={documentUrl(data.id, 'pdf')} target="_blank" rel="noopener" variant="light">
            {t.downloadPdf}
          </Button>
        </Group>
      </div>
      <Figures report={data} />
      <Editor report={data} />
    </Stack>
  );
}
