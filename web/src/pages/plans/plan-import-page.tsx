import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanSaveInput, PlanTask } from '../../../../src/contract/plans';
import { type ApiErrorDetail, errorMessage, isApiError } from '../../api/client';
import { type PlanImportResult, useImportPlan, usePlans, useSavePlan } from '../../api/plans';
import { DateField } from '../../components/date-fields';
import { notifySuccess } from '../../components/form-errors';
import { usePageTitle } from '../../components/page-title';
import { UnitSelect } from '../../components/unit-select';
import { vi } from '../../i18n/vi';
import { DeadlineText } from './deadline-text';

const m = vi.plans;

/** A task as read, to be saved unless the reviewer leaves it out. */
type ReviewTask = PlanTask & { included: boolean };

type Metadata = {
  number: string;
  issuerUnitId: string | null;
  date: string;
  title: string;
  implements: string;
  parentPlanId: string | null;
};

function initialMetadata(result: PlanImportResult): Metadata {
  const { plan } = result.imported;
  return {
    number: plan.number ?? '',
    issuerUnitId: result.issuer?.id ?? null,
    date: plan.date ?? '',
    title: plan.title ?? '',
    implements: plan.implements.join('\n'),
    parentPlanId: null,
  };
}

/** /ke-hoach/nhap: upload a plan document → review (metadata editable, unit names mapped) → save. */
export function PlanImportPage() {
  usePageTitle(m.importTitle);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);
  const [metadata, setMetadata] = useState<Metadata | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [tasks, setTasks] = useState<ReviewTask[]>([]);
  const [errors, setErrors] = useState<ApiErrorDetail[]>([]);
  const importPlan = useImportPlan();
  const savePlan = useSavePlan();
  const navigate = useNavigate();

  const read = () => {
    if (!file) return;
    importPlan.mutate(file, {
      onSuccess: (answer) => {
        setResult(answer);
        setMetadata(initialMetadata(answer));
        setMapping(Object.fromEntries(answer.units.map((unit) => [unit.name, unit.unitId])));
        setTasks(answer.imported.tasks.map((task) => ({ ...task, included: true })));
        setErrors([]);
      },
    });
  };

  const save = () => {
    if (!result || !metadata) return;
    const input: PlanSaveInput = {
      plan: {
        number: metadata.number.trim() || null,
        issuerUnitId: metadata.issuerUnitId ?? '',
        date: metadata.date || null,
        title: metadata.title,
        implements: metadata.implements
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        parentPlanId: metadata.parentPlanId,
        signer: result.imported.plan.signer,
        sourceFileName: result.fileName,
      },
      targets: result.imported.targets,
      tasks: tasks.filter((task) => task.included).map(({ included: _included, ...task }) => task),
      units: result.units.map((unit) => ({ name: unit.name, unitId: mapping[unit.name] ?? null })),
    };
    savePlan.mutate(input, {
      onSuccess: (plan) => {
        notifySuccess(m.saved);
        void navigate(`/ke-hoach/${plan.id}`);
      },
      onError: (error) => setErrors(isApiError(error) ? error.details : []),
    });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.importTitle}</Title>
        <Text c="gray.8">{m.importIntro}</Text>
      </div>
      <Group align="flex-end">
        <FileInput
          label={m.file}
          placeholder={m.filePlaceholder}
          accept=".docx,.pdf,.txt,.md"
          value={file}
          onChange={setFile}
          w={{ base: '100%', sm: 420 }}
        />
        <Button leftSection={<IconUpload size={18} aria-hidden />} onClick={read} disabled={!file} loading={importPlan.isPending}>
          {m.read}
        </Button>
      </Group>
      {importPlan.isError && (
        <Alert color="red" role="alert">
          {errorMessage(importPlan.error)}
        </Alert>
      )}
      {result && metadata && (
        <Review
          result={result}
          metadata={metadata}
          onMetadata={setMetadata}
          mapping={mapping}
          onMapping={(name, unitId) => setMapping((current) => ({ ...current, [name]: unitId }))}
          tasks={tasks}
          onTasks={setTasks}
        />
      )}
      {savePlan.isError && (
        <Alert color="red" role="alert" title={errorMessage(savePlan.error)}>
          {errors.length > 0 && (
            <List size="sm">
              {errors.map((error) => (
                <List.Item key={`${error.path}-${error.message}`}>{error.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {result && (
        <Group>
          <Button onClick={save} loading={savePlan.isPending}>
            {m.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type ReviewProps = {
  result: PlanImportResult;
  metadata: Metadata;
  onMetadata: (metadata: Metadata) => void;
  mapping: Record<string, string | null>;
  onMapping: (name: string, unitId: string | null) => void;
  tasks: ReviewTask[];
  onTasks: (tasks: ReviewTask[]) => void;
};

function Review({ result, metadata, onMetadata, mapping, onMapping, tasks, onTasks }: ReviewProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const change = (index: number, changes: Partial<ReviewTask>) =>
    onTasks(tasks.map((task, position) => (position === index ? { ...task, ...changes } : task)));
  const plans = usePlans();
  const set = (changes: Partial<Metadata>) => onMetadata({ ...metadata, ...changes });
  const parentOptions = useMemo(
    () => (plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: [plan.number, plan.title].filter(Boolean).join(' — ') })),
    [plans.data],
  );
  const unitLabel = (name: string) => {
    const unitId = mapping[name];
    const match = result.units.find((unit) => unit.name === name);
    return unitId ? (match?.candidates.find((candidate) => candidate.id === unitId)?.name ?? match?.unitName ?? name) : name;
  };
  return (
    <Stack gap="lg">
      <Title order={2}>{m.reviewHeading}</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="plan-metadata">
        <Title order={3} size="h4" id="plan-metadata" mb="sm">
          {m.metadataHeading}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={m.number} value={metadata.number} onChange={(event) => set({ number: event.currentTarget.value })} />
          <DateField label={m.date} value={metadata.date} onChange={(date) => set({ date })} />
          <UnitSelect
            label={m.issuer}
            required
            value={metadata.issuerUnitId}
            onChange={(issuerUnitId) => set({ issuerUnitId })}
            description={result.imported.plan.issuer ? m.issuerAsWritten(result.imported.plan.issuer) : undefined}
          />
          <Select
            label={m.parentPlan}
            data={parentOptions}
            value={metadata.parentPlanId}
            onChange={(parentPlanId) => set({ parentPlanId })}
            placeholder={m.noParent}
            clearable
            searchable
          />
        </SimpleGrid>
        <Textarea
          label={m.title}
          mt="sm"
          autosize
          minRows={2}
          required
          value={metadata.title}
          onChange={(event) => set({ title: event.currentTarget.value })}
        />
        <Textarea
          label={m.implements}
          mt="sm"
          autosize
          minRows={2}
          value={metadata.implements}
          onChange={(event) => set({ implements: event.currentTarget.value })}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="plan-units">
        <Title order={3} size="h4" id="plan-units" mb="xs">
          {m.unitsHeading}
        </Title>
        <Text size="sm" mb="sm">
          {m.unitsIntro}
        </Text>
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={m.unitsCaption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.nameAsWritten}</Table.Th>
                <Table.Th>{m.matchedUnit}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.units.map((unit) => (
                <Table.Tr key={unit.name}>
                  <Table.Td>
                    {unit.name}{' '}
                    {unit.isCollective && (
                      <Badge variant="light" color="gray" tt="none">
                        {m.collective}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <UnitSelect
                      aria-label={m.chooseUnit(unit.name)}
                      value={mapping[unit.name] ?? null}
                      onChange={(unitId) => onMapping(unit.name, unitId)}
                      placeholder={m.unmatched}
                      clearable
                      w={{ base: '100%', sm: 360 }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <section aria-labelledby="plan-review-tasks">
        <Title order={3} size="h4" id="plan-review-tasks" mb="xs">
          {m.tasksHeading(result.imported.tasks.length)}
        </Title>
        <Text size="sm" mb="sm">
          {m.reviewTasksIntro} {m.includedCount(tasks.filter((task) => task.included).length, tasks.length)}.
        </Text>
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={m.tasksCaption} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.columns.ref}</Table.Th>
                <Table.Th>{m.columns.task}</Table.Th>
                <Table.Th>{m.columns.lead}</Table.Th>
                <Table.Th>{m.columns.coordinating}</Table.Th>
                <Table.Th>{m.columns.deadlines}</Table.Th>
                <Table.Th>{m.columns.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task, index) => (
                <Table.Tr key={task.ref} opacity={task.included ? 1 : 0.6}>
                  <Table.Td>
                    <Checkbox
                      label={task.ref}
                      checked={task.included}
                      onChange={(event) => change(index, { included: event.currentTarget.checked })}
                      aria-label={m.includeTask(task.ref)}
                    />
                  </Table.Td>
                  <Table.Td>{task.title}</Table.Td>
                  {([task.lead, task.coordinating] as const).map((names, index) => (
                    <Table.Td key={index === 0 ? 'lead' : 'coordinating'}>
                      <Group gap={4}>
                        {names.map((name) => (
                          <Badge
                            key={name}
                            variant={mapping[name] ? 'light' : 'outline'}
                            color={mapping[name] ? 'blue' : 'gray'}
                            tt="none"
                            title={name}
                          >
                            {unitLabel(name)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <DeadlineText deadlines={task.deadlines} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(index)} aria-label={m.editTaskLabel(task.ref)}>
                      {m.editTask}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Modal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing !== null ? m.editTaskLabel(tasks[editing]!.ref) : m.editTask}
        >
          {editing !== null && (
            <TaskCorrection
              task={tasks[editing]!}
              onApply={(changes) => {
                change(editing, changes);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          )}
        </Modal>
      </section>
    </Stack>
  );
}

/** The reviewer's correction of a task as read: its title, and its deadlines as written (read again when saved). */
function TaskCorrection({
  task,
  onApply,
  onCancel,
}: {
  task: ReviewTask;
  onApply: (changes: Partial<ReviewTask>) => void;
  onCancel: () => void;
}) {
  const written = task.deadlines.map((deadline) => deadline.text).join('; ');
  const [title, setTitle] = useState(task.title);
  const [deadlines, setDeadlines] = useState(written);
  const apply = () =>
    onApply({
      title: title.trim() || task.title,
      // Changed, the deadlines go as text: the server reads them as the importer reads a deadline cell.
      ...(deadlines.trim() === written ? {} : { deadlines: deadlines.trim() ? [{ kind: 'text' as const, text: deadlines.trim() }] : [] }),
    });
  return (
    <Stack>
      <Textarea label={m.taskTitle} autosize minRows={2} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
      <TextInput
        label={m.taskDeadlines}
        description={m.taskDeadlinesHint}
        value={deadlines}
        onChange={(event) => setDeadlines(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {m.cancel}
        </Button>
        <Button onClick={apply}>{m.apply}</Button>
      </Group>
    </Stack>
  );
}
