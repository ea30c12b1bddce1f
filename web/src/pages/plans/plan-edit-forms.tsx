import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  type PlanDetail,
  type PlanMetric,
  type PlanTarget,
  type PlanTaskView,
  planMetricLabels,
  planMetricNames,
} from '../../../../src/contract/plans';
import { usePlans } from '../../api/plans';
import { useAddTask, useDeleteTask, useUpdatePlan, useUpdateTask } from '../../api/plans-edit';
import { DateField } from '../../components/date-fields';
import { notifyError, notifySuccess } from '../../components/form-errors';
import { UnitSelect, useUnitOptions } from '../../components/unit-select';

/*
 * Edit mode of a plan's page (docs/api/plans.md "Editing a saved plan"): the plan's metadata, parent plan, the
 * documents it implements and its targets; a task's fields and units; cancel, restore or delete a task. Shown to the
 * issuer's office and administrators (the plan's `canEdit`).
 */

const metricOptions = planMetricNames.map((metric) => ({ value: metric, label: planMetricLabels[metric] }));
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Sửa thông tin kế hoạch": number, date, title, signer, parent plan, implements, targets. */
export function PlanMetadataButton({ plan }: { plan: PlanDetail }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Sửa thông tin kế hoạch
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Sửa thông tin kế hoạch" size="xl">
        {opened && <PlanMetadataForm plan={plan} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function PlanMetadataForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const update = useUpdatePlan(plan.id);
  const plans = usePlans();
  const [number, setNumber] = useState(plan.number ?? '');
  const [date, setDate] = useState(plan.date ?? '');
  const [title, setTitle] = useState(plan.title);
  const [signer, setSigner] = useState(plan.signer ?? '');
  const [parentPlanId, setParentPlanId] = useState<string | null>(plan.parentPlanId);
  const [implementsText, setImplementsText] = useState(plan.implements.join('\n'));
  const [targets, setTargets] = useState<PlanTarget[]>(plan.targets);
  const childIds = new Set(plan.children.map((child) => child.id));
  const parentOptions = (plans.data?.items ?? [])
    .filter((candidate) => candidate.id !== plan.id && !childIds.has(candidate.id))
    .map((candidate) => ({ value: candidate.id, label: [candidate.number, candidate.title].filter(Boolean).join(' — ') }));
  const setTarget = (index: number, change: Partial<PlanTarget>) =>
    setTargets((current) => current.map((target, position) => (position === index ? { ...target, ...change } : target)));
  const submit = () =>
    update.mutate(
      {
        version: plan.version,
        number: number.trim() || null,
        date: date || null,
        title,
        signer: signer.trim() || null,
        parentPlanId,
        implements: lines(implementsText),
        targets,
      },
      {
        onSuccess: () => {
          notifySuccess('Đã lưu thông tin kế hoạch.');
          onDone();
        },
        onError: notifyError,
      },
    );
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Số, ký hiệu" value={number} onChange={(event) => setNumber(event.currentTarget.value)} />
        <DateField label="Ngày ban hành" value={date} onChange={setDate} />
        <TextInput label="Người ký" value={signer} onChange={(event) => setSigner(event.currentTarget.value)} />
        <Select
          label="Kế hoạch cấp trên (kế hoạch này thực hiện)"
          data={parentOptions}
          value={parentPlanId}
          onChange={setParentPlanId}
          placeholder="Không có"
          clearable
          searchable
        />
      </SimpleGrid>
      <Textarea
        label="Tên kế hoạch"
        required
        autosize
        minRows={2}
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
      />
      <Textarea
        label="Văn bản thực hiện (mỗi dòng một văn bản)"
        autosize
        minRows={2}
        value={implementsText}
        onChange={(event) => setImplementsText(event.currentTarget.value)}
      />
      <section aria-labelledby="edit-targets">
        <Title order={3} size="h5" id="edit-targets" mb="xs">
          Chỉ tiêu
        </Title>
        <Stack gap="sm">
          {targets.map((target, index) => (
            <Paper withBorder p="sm" key={index}>
              <Stack gap="xs">
                <Group align="flex-end" wrap="wrap">
                  <NumberInput
                    label="Năm"
                    w={110}
                    min={2000}
                    max={2100}
                    value={target.year ?? ''}
                    onChange={(value) => setTarget(index, { year: typeof value === 'number' ? value : null })}
                  />
                  <TextInput
                    label="Mục"
                    w={110}
                    value={target.ref}
                    onChange={(event) => setTarget(index, { ref: event.currentTarget.value })}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setTargets((current) => current.filter((_, position) => position !== index))}
                  >
                    Xóa chỉ tiêu
                  </Button>
                </Group>
                <Textarea
                  label="Nội dung chỉ tiêu"
                  autosize
                  minRows={1}
                  value={target.text}
                  onChange={(event) => setTarget(index, { text: event.currentTarget.value })}
                />
                {target.measures.map((measure, measureIndex) => (
                  <Group key={measureIndex} align="flex-end" wrap="wrap">
                    <Select
                      label="Số đo"
                      data={metricOptions}
                      value={measure.metric}
                      style={{ flex: '1 1 16rem' }}
                      allowDeselect={false}
                      onChange={(metric) =>
                        setTarget(index, {
                          measures: target.measures.map((entry, position) =>
                            position === measureIndex ? { ...entry, metric: (metric ?? entry.metric) as PlanMetric } : entry,
                          ),
                        })
                      }
                    />
                    <NumberInput
                      label="Giá trị (%)"
                      w={120}
                      min={0}
                      value={measure.value}
                      onChange={(value) =>
                        setTarget(index, {
                          measures: target.measures.map((entry, position) =>
                            position === measureIndex ? { ...entry, value: typeof value === 'number' ? value : 0 } : entry,
                          ),
                        })
                      }
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Bỏ số đo"
                      mb={4}
                      onClick={() => setTarget(index, { measures: target.measures.filter((_, position) => position !== measureIndex) })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="subtle"
                  size="xs"
                  w="fit-content"
                  onClick={() => setTarget(index, { measures: [...target.measures, { metric: 'processing_time_cut_percent', value: 0 }] })}
                >
                  Thêm số đo
                </Button>
              </Stack>
            </Paper>
          ))}
          <Button
            variant="light"
            w="fit-content"
            onClick={() => setTargets((current) => [...current, { year: null, ref: '', text: '', measures: [] }])}
          >
            Thêm chỉ tiêu
          </Button>
        </Stack>
      </section>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Hủy
        </Button>
        <Button onClick={submit} loading={update.isPending}>
          Lưu
        </Button>
      </Group>
    </Stack>
  );
}

type UnitEntry = { name: string; unitId: string | null };

/** A list of units of one role: each a unit of the tree (its name as written kept when it was imported). */
function UnitListField({ label, value, onChange }: { label: string; value: UnitEntry[]; onChange: (next: UnitEntry[]) => void }) {
  const { options } = useUnitOptions();
  const nameOf = (id: string) => options.flatMap((group) => group.items).find((item) => item.value === id)?.label ?? '';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.map((entry, index) => (
        <Group key={`${entry.unitId ?? entry.name}-${index}`} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>
            {entry.unitId ? nameOf(entry.unitId) || entry.name : `${entry.name} (không ghép)`}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Bỏ ${entry.name}`}
            onClick={() => onChange(value.filter((_, position) => position !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <UnitSelect
        aria-label={`Thêm đơn vị ${label.toLowerCase()}`}
        placeholder="Thêm đơn vị…"
        value={null}
        onChange={(unitId) => {
          if (unitId && !value.some((entry) => entry.unitId === unitId)) onChange([...value, { unitId, name: nameOf(unitId) }]);
        }}
      />
    </Stack>
  );
}

const unitsOf = (task: PlanTaskView | undefined, role: 'lead' | 'coordinating'): UnitEntry[] =>
  (task?.units ?? []).filter((unit) => unit.role === role).map((unit) => ({ name: unit.name, unitId: unit.unit?.id ?? null }));

/** Adds a task to the plan (no `task`) or edits one: reference, title, content, a deadline, lead and coordinating units. */
export function TaskEditButton({ planId, task }: { planId: string; task?: PlanTaskView }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size={task ? 'xs' : 'sm'}
        variant={task ? 'subtle' : 'light'}
        onClick={() => setOpened(true)}
        aria-label={task ? `Sửa nhiệm vụ ${task.ref}` : undefined}
      >
        {task ? 'Sửa' : 'Thêm nhiệm vụ'}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={task ? `Sửa nhiệm vụ ${task.ref}` : 'Thêm nhiệm vụ'} size="lg">
        {opened && <TaskEditForm planId={planId} task={task} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function TaskEditForm({ planId, task, onDone }: { planId: string; task?: PlanTaskView; onDone: () => void }) {
  const add = useAddTask(planId);
  const update = useUpdateTask();
  const [ref, setRef] = useState(task?.ref ?? '');
  const [title, setTitle] = useState(task?.title ?? '');
  const [content, setContent] = useState(task?.content ?? '');
  const [lead, setLead] = useState<UnitEntry[]>(unitsOf(task, 'lead'));
  const [coordinating, setCoordinating] = useState<UnitEntry[]>(unitsOf(task, 'coordinating'));
  const firstDate = task?.deadlines.find((deadline) => deadline.kind === 'date');
  const [deadlineText, setDeadlineText] = useState(task ? task.deadlines.map((deadline) => deadline.text).join('; ') : '');
  const [deadlineDate, setDeadlineDate] = useState(firstDate?.kind === 'date' ? firstDate.date : '');
  const [deadlineTouched, setDeadlineTouched] = useState(false);
  const deadlines = () =>
    deadlineDate
      ? [{ kind: 'date' as const, text: deadlineText.trim() || deadlineDate, date: deadlineDate }]
      : deadlineText.trim()
        ? [{ kind: 'text' as const, text: deadlineText.trim() }]
        : [];
  const done = (message: string) => () => {
    notifySuccess(message);
    onDone();
  };
  const submit = () => {
    const fields = { ref, title, content, lead, coordinating, ...(deadlineTouched || !task ? { deadlines: deadlines() } : {}) };
    if (task)
      update.mutate({ taskId: task.id, version: task.version, ...fields }, { onSuccess: done('Đã lưu nhiệm vụ.'), onError: notifyError });
    else add.mutate(fields, { onSuccess: done('Đã thêm nhiệm vụ.'), onError: notifyError });
  };
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Số thứ tự"
          description="II.1.a: nằm dưới nhiệm vụ II.1"
          required
          w={160}
          value={ref}
          onChange={(event) => setRef(event.currentTarget.value)}
        />
        <TextInput
          label="Tên nhiệm vụ"
          required
          style={{ flex: '1 1 16rem' }}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
      </Group>
      <Textarea label="Nội dung" autosize minRows={2} value={content} onChange={(event) => setContent(event.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Thời hạn (như văn bản ghi)"
          description="Ví dụ: Quý III/2026; trước ngày 20 hằng tháng; 15/6 hằng năm — hạn được tính từ đó."
          value={deadlineText}
          onChange={(event) => {
            setDeadlineText(event.currentTarget.value);
            setDeadlineTouched(true);
          }}
        />
        <DateField
          label="Hạn hoàn thành"
          value={deadlineDate}
          onChange={(value) => {
            setDeadlineDate(value);
            setDeadlineTouched(true);
          }}
        />
      </SimpleGrid>
      {task && !deadlineTouched && task.deadlines.length > 1 && (
        <Text size="xs" c="gray.8">
          Nhiệm vụ có nhiều thời hạn (ngăn cách bằng dấu chấm phẩy): sửa ô này là ghi lại tất cả.
        </Text>
      )}
      <UnitListField label="Chủ trì" value={lead} onChange={setLead} />
      <UnitListField label="Phối hợp" value={coordinating} onChange={setCoordinating} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Hủy
        </Button>
        <Button onClick={submit} loading={add.isPending || update.isPending}>
          Lưu
        </Button>
      </Group>
    </Stack>
  );
}

/** Cancel (or restore) a task; delete it while nothing was reported on it. */
export function TaskCancelButtons({ task }: { task: PlanTaskView }) {
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const [confirming, setConfirming] = useState<'cancel' | 'delete' | null>(null);
  const isCancelled = task.status === 'cancelled';
  const canDelete = task.reports.length === 0;
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color={isCancelled ? 'blue' : 'orange'}
        aria-label={`${isCancelled ? 'Khôi phục' : 'Hủy'} nhiệm vụ ${task.ref}`}
        onClick={() =>
          isCancelled
            ? update.mutate(
                { taskId: task.id, version: task.version, cancelled: false },
                { onSuccess: () => notifySuccess('Đã khôi phục nhiệm vụ.'), onError: notifyError },
              )
            : setConfirming('cancel')
        }
      >
        {isCancelled ? 'Khôi phục' : 'Hủy nhiệm vụ'}
      </Button>
      {canDelete && (
        <Button size="xs" variant="subtle" color="red" aria-label={`Xóa nhiệm vụ ${task.ref}`} onClick={() => setConfirming('delete')}>
          Xóa
        </Button>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === 'delete' ? `Xóa nhiệm vụ ${task.ref}?` : `Hủy nhiệm vụ ${task.ref}?`}
      >
        <Stack>
          <Text>
            {confirming === 'delete'
              ? 'Nhiệm vụ chưa có báo cáo sẽ bị xóa khỏi kế hoạch.'
              : 'Nhiệm vụ được giữ lại cùng các báo cáo, ý kiến, nhưng không nhận báo cáo mới. Có thể khôi phục sau.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Không
            </Button>
            <Button
              color={confirming === 'delete' ? 'red' : 'orange'}
              loading={update.isPending || remove.isPending}
              onClick={() => {
                const settled = { onSettled: () => setConfirming(null), onError: notifyError };
                if (confirming === 'delete') {
                  remove.mutate(
                    { taskId: task.id, version: task.version },
                    { ...settled, onSuccess: () => notifySuccess('Đã xóa nhiệm vụ.') },
                  );
                } else {
                  update.mutate(
                    { taskId: task.id, version: task.version, cancelled: true },
                    { ...settled, onSuccess: () => notifySuccess('Đã hủy nhiệm vụ.') },
                  );
                }
              }}
            >
              {confirming === 'delete' ? 'Xóa' : 'Hủy nhiệm vụ'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
