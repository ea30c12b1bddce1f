import { Alert, Anchor, Button, FileButton, Group, List, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { StoredFile } from '../../../../src/contract/files';
import type { PlanTaskView } from '../../../../src/contract/plans';
import { planTaskStatusLabels } from '../../../../src/contract/plans';
import { errorMessage } from '../../api/client';
import { evidenceUrl, useSendReport, useUploadEvidence } from '../../api/plan-reports';
import { DateField } from '../../components/date-fields';
import { notifySuccess } from '../../components/form-errors';
import { formatDate, formatVietnamDateTime } from '../../lib/format';

const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

/** A lead unit's progress report: period, what was done, difficulties, proposals, percent, evidence files. */
export function TaskReportForm({ task, onDone }: { task: PlanTaskView; onDone: () => void }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'in_progress' | 'done'>(task.status === 'done' ? 'done' : 'in_progress');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [difficulties, setDifficulties] = useState('');
  const [proposals, setProposals] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const upload = useUploadEvidence();
  const report = useSendReport();
  const addFiles = async (chosen: File[]) => {
    for (const file of chosen) {
      const stored = await upload.mutateAsync(file).catch(() => null);
      if (stored) setFiles((current) => [...current, stored]);
    }
  };
  const submit = () =>
    report.mutate(
      {
        taskId: task.id,
        text,
        status,
        version: task.version,
        periodFrom: periodFrom || null,
        periodTo: periodTo || null,
        difficulties,
        proposals,
        percent,
        fileIds: files.map((file) => file.id),
      },
      {
        onSuccess: () => {
          notifySuccess('Đã gửi báo cáo tiến độ.');
          onDone();
        },
      },
    );
  return (
    <Stack>
      <Group grow align="flex-end">
        <DateField label="Kỳ báo cáo từ ngày" value={periodFrom} onChange={setPeriodFrom} />
        <DateField label="Đến ngày" value={periodTo} onChange={setPeriodTo} />
      </Group>
      <Textarea
        label="Kết quả đã thực hiện"
        required
        autosize
        minRows={3}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Textarea
        label="Khó khăn, vướng mắc"
        autosize
        minRows={2}
        value={difficulties}
        onChange={(event) => setDifficulties(event.currentTarget.value)}
      />
      <Textarea
        label="Đề xuất, kiến nghị"
        autosize
        minRows={2}
        value={proposals}
        onChange={(event) => setProposals(event.currentTarget.value)}
      />
      <Group grow align="flex-end">
        <Select
          label="Trạng thái sau báo cáo"
          data={(['in_progress', 'done'] as const).map((value) => ({ value, label: planTaskStatusLabels[value] }))}
          value={status}
          onChange={(value) => setStatus(value === 'done' ? 'done' : 'in_progress')}
          allowDeselect={false}
        />
        <NumberInput
          label="Tỷ lệ hoàn thành (%)"
          min={0}
          max={100}
          allowDecimal={false}
          value={percent ?? ''}
          onChange={(value) => setPercent(typeof value === 'number' ? value : null)}
        />
      </Group>
      <div>
        <Text fw={500} size="sm">
          Tệp minh chứng (PDF, ảnh JPEG/PNG, Word, Excel; tối đa 20 MB mỗi tệp)
        </Text>
        {files.length > 0 && (
          <List size="sm" mt={4}>
            {files.map((file) => (
              <List.Item key={file.id}>
                {file.name}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => setFiles(files.filter((other) => other.id !== file.id))}>
                  Bỏ
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        <FileButton onChange={(chosen) => void addFiles(chosen)} accept={EVIDENCE_ACCEPT} multiple>
          {(props) => (
            <Button {...props} variant="default" size="xs" mt="xs" loading={upload.isPending}>
              Đính kèm tệp minh chứng
            </Button>
          )}
        </FileButton>
      </div>
      {upload.isError && (
        <Alert color="red" role="alert">
          {errorMessage(upload.error)}
        </Alert>
      )}
      {report.isError && (
        <Alert color="red" role="alert">
          {errorMessage(report.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Hủy
        </Button>
        <Button onClick={submit} loading={report.isPending} disabled={!text.trim()}>
          Gửi báo cáo
        </Button>
      </Group>
    </Stack>
  );
}

/** The reports of a task, newest first, with their period, difficulties, proposals and evidence links. */
export function TaskReportList({ task }: { task: PlanTaskView }) {
  if (task.reports.length === 0) return <Text size="sm">Chưa có báo cáo tiến độ.</Text>;
  return (
    <Stack gap="sm">
      {task.reports.map((report) => (
        <div key={report.id}>
          <Text size="sm" fw={500}>
            {report.unit?.name ?? '—'} · {report.author.fullName} · {formatVietnamDateTime(report.createdAt)}
            {report.periodFrom && report.periodTo ? ` · kỳ ${formatDate(report.periodFrom)}–${formatDate(report.periodTo)}` : ''} ·{' '}
            {planTaskStatusLabels[report.statusAfter]}
            {report.percent !== null ? ` (${report.percent}%)` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {report.text}
          </Text>
          {report.difficulties && <Text size="sm">Khó khăn, vướng mắc: {report.difficulties}</Text>}
          {report.proposals && <Text size="sm">Đề xuất, kiến nghị: {report.proposals}</Text>}
          {report.files.map((file) => (
            <Anchor key={file.id} href={evidenceUrl(file.id)} size="sm" mr="sm">
              {file.name}
            </Anchor>
          ))}
        </div>
      ))}
    </Stack>
  );
}
