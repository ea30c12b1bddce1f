import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import {
  type ControlReportSettingsView,
  controlReportSettingsInputSchema,
  dueDayRange,
  type MetricsSettingsView,
  metricsSettingsInputSchema,
  monthStartDayRange,
  reminderWorkingDaysRange,
} from '../../../../../src/contract/metrics-settings';
import {
  useControlReportSettings,
  useMetricsSettings,
  useSaveControlReportSettings,
  useSaveMetricsSettings,
} from '../../../api/metrics-settings';
import { notifySuccess, reportInvalidForm, reportMutationError, toFormPath } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';

/** The texts of the page (Vietnamese). */
const t = {
  title: 'Cài đặt giám sát và báo cáo định kỳ',
  intro:
    'Cách chia tháng báo cáo (Thông tư 01/2020/TT-VPCP), các mức xếp loại của Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) và lịch gửi, nhắc báo cáo định kỳ về kiểm soát thủ tục hành chính.',
  readOnly: 'Chỉ quản trị viên và bộ phận kiểm soát thủ tục hành chính của tỉnh (Văn phòng UBND tỉnh) được sửa các cài đặt này.',
  periodsHeading: 'Tháng báo cáo và xếp loại',
  monthStartDay: 'Ngày bắt đầu tháng báo cáo',
  monthStartDayHint: (day: number) =>
    `Từ 1 đến 28; mặc định ${day} (tháng báo cáo từ ngày 21 tháng trước đến ngày 20). Chọn 1 để tính theo tháng dương lịch.`,
  monthStartDayWarning:
    'Đổi ngày bắt đầu sẽ tính lại bảng tổng hợp theo tháng: số liệu của mọi kỳ giữ nguyên, chỉ cách chia tháng thay đổi. Báo cáo định kỳ đã lập giữ kỳ số liệu cũ.',
  bandsCaption: 'Điểm thấp nhất của mỗi mức xếp loại (thang 100 điểm)',
  band: 'Mức xếp loại',
  minScore: 'Từ (điểm)',
  defaultScore: 'Mặc định',
  saveMetrics: 'Lưu cài đặt giám sát',
  savedMetrics: 'Đã lưu cài đặt giám sát.',
  reportsHeading: 'Báo cáo định kỳ',
  dueDay: 'Ngày hạn gửi báo cáo tháng',
  dueDayHint: (day: number) => `Từ 1 đến 28; mặc định ${day} ("gửi trước ngày 23"). Báo cáo đã lập giữ hạn cũ.`,
  reminderWorkingDays: 'Nhắc trước (ngày làm việc)',
  reminderHint: (days: number) =>
    `Từ 0 đến 20; mặc định ${days}. Tính theo lịch làm việc: bỏ qua ngày nghỉ lễ, Tết, ngày nghỉ bù. Còn nhắc vào đúng ngày hạn.`,
  saveReports: 'Lưu cài đặt báo cáo',
  savedReports: 'Đã lưu cài đặt báo cáo định kỳ.',
};

type Issue = { path: PropertyKey[]; message: string };

/** The contract's own checks on the form's values (the server repeats them), keyed by form path. */
function errorsOf<T>(schema: z.ZodType<T>, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(
    (result.error.issues as Issue[]).map((issue) => [toFormPath(issue.path.map(String).join('.')) || 'ratingBands', issue.message]),
  );
}

function MetricsSettingsForm({ settings }: { settings: MetricsSettingsView }) {
  const save = useSaveMetricsSettings();
  const form = useForm({
    initialValues: {
      monthStartDay: settings.monthStartDay as number | string,
      ratingBands: settings.ratingBands.map((entry) => ({ band: entry.band, minScore: entry.minScore as number | string })),
    },
    validate: (values) => errorsOf(metricsSettingsInputSchema, values),
  });
  const defaults = new Map(settings.defaults.ratingBands.map((entry) => [entry.band, entry.minScore]));
  const labels = new Map(settings.ratingBands.map((entry) => [entry.band, entry.label]));
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(metricsSettingsInputSchema.parse(values), {
        onSuccess: () => notifySuccess(t.savedMetrics),
        onError: (error) => reportMutationError(form, error),
      }),
    reportInvalidForm,
  );
  const isDisabled = !settings.canEdit;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="metrics-settings-heading">
      <Title order={2} size="h4" id="metrics-settings-heading" mb="sm">
        {t.periodsHeading}
      </Title>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <NumberInput
            label={t.monthStartDay}
            description={t.monthStartDayHint(settings.defaults.monthStartDay)}
            min={monthStartDayRange.min}
            max={monthStartDayRange.max}
            allowDecimal={false}
            w={{ base: '100%', sm: 360 }}
            disabled={isDisabled}
            {...form.getInputProps('monthStartDay')}
          />
          {Number(form.values.monthStartDay) !== settings.monthStartDay && (
            <Alert color="yellow" variant="light">
              {t.monthStartDayWarning}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={360}>
            <Table striped withTableBorder maw={560}>
              <Table.Caption>{t.bandsCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.band}</Table.Th>
                  <Table.Th scope="col">{t.minScore}</Table.Th>
                  <Table.Th scope="col">{t.defaultScore}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.ratingBands.map((entry, position) => (
                  <Table.Tr key={entry.band}>
                    <Table.Th scope="row">{labels.get(entry.band)}</Table.Th>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${t.minScore}: ${labels.get(entry.band)}`}
                        min={0}
                        max={100}
                        decimalScale={2}
                        decimalSeparator=","
                        w={140}
                        disabled={isDisabled}
                        {...form.getInputProps(`ratingBands.${position}.minScore`)}
                      />
                    </Table.Td>
                    <Table.Td>{defaults.get(entry.band)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {typeof form.errors.ratingBands === 'string' && (
            <Text c="red.8" size="sm" role="alert">
              {form.errors.ratingBands}
            </Text>
          )}
          {settings.canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t.saveMetrics}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function ControlReportSettingsForm({ settings }: { settings: ControlReportSettingsView }) {
  const save = useSaveControlReportSettings();
  const form = useForm({
    initialValues: { dueDay: settings.dueDay as number | string, reminderWorkingDays: settings.reminderWorkingDays as number | string },
    validate: (values) => errorsOf(controlReportSettingsInputSchema, values),
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(controlReportSettingsInputSchema.parse(values), {
        onSuccess: () => notifySuccess(t.savedReports),
        onError: (error) => reportMutationError(form, error),
      }),
    reportInvalidForm,
  );
  const isDisabled = !settings.canEdit;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-settings-heading">
      <Title order={2} size="h4" id="report-settings-heading" mb="sm">
        {t.reportsHeading}
      </Title>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={760}>
            <NumberInput
              label={t.dueDay}
              description={t.dueDayHint(settings.defaults.dueDay)}
              min={dueDayRange.min}
              max={dueDayRange.max}
              allowDecimal={false}
              disabled={isDisabled}
              {...form.getInputProps('dueDay')}
            />
            <NumberInput
              label={t.reminderWorkingDays}
              description={t.reminderHint(settings.defaults.reminderWorkingDays)}
              min={reminderWorkingDaysRange.min}
              max={reminderWorkingDaysRange.max}
              allowDecimal={false}
              disabled={isDisabled}
              {...form.getInputProps('reminderWorkingDays')}
            />
          </SimpleGrid>
          {settings.canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t.saveReports}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** `/quan-tri/cai-dat-giam-sat`: administrators and the province's procedure-control office (the server decides). */
export function MonitoringSettingsPage() {
  usePageTitle(t.title);
  const metrics = useMetricsSettings();
  const reports = useControlReportSettings();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t.title}</Title>
        <Text c="gray.8" maw={820}>
          {t.intro}
        </Text>
      </div>
      {metrics.data && !metrics.data.canEdit && <Alert color="blue">{t.readOnly}</Alert>}
      {metrics.data ? <MetricsSettingsForm key={JSON.stringify(metrics.data)} settings={metrics.data} /> : <QueryState query={metrics} />}
      {reports.data ? (
        <ControlReportSettingsForm key={JSON.stringify(reports.data)} settings={reports.data} />
      ) : (
        <QueryState query={reports} />
      )}
    </Stack>
  );
}
