import { Alert, Button, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ProcedureDetail } from '../../../../../src/contract/catalog';
import { type ProcessRole, processRoles, type TimeUnit, timeUnits } from '../../../../../src/contract/enums';
import { useApproveProcess, useProcedureProcesses } from '../../../api/procedures';
import { DateField } from '../../../components/date-fields';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDate, formatDuration } from '../../../lib/format';
import { ListEditor } from './editors/list-editor';

const m = vi.adminProcedures.processes;
type Step = { key: string; name: string; role: ProcessRole | ''; amount: number | '' };
type Values = {
  decisionNumber: string;
  decisionDate: string;
  signer: string;
  effectiveFrom: string;
  committed: { amount: number | ''; unit: TimeUnit };
  steps: Step[];
};
const newStep = (): Step => ({ key: crypto.randomUUID(), name: '', role: '', amount: '' });
const required = (value: string) => (value.trim() ? null : vi.common.required);

/**
 * Approvals of the internal process (quyết định phê duyệt quy trình nội bộ): their history, the committed time in
 * force, and a form to record a new one. Recording one publishes no new version of the procedure.
 */
export function ProcessApprovals({ procedure }: { procedure: ProcedureDetail }) {
  const processes = useProcedureProcesses(procedure.code);
  const approve = useApproveProcess(procedure.code);
  const form = useForm<Values>({
    initialValues: {
      decisionNumber: '',
      decisionDate: '',
      signer: '',
      effectiveFrom: '',
      committed: { amount: '', unit: procedure.processingTime.unit },
      steps: [newStep()],
    },
    validate: {
      decisionNumber: required,
      decisionDate: required,
      signer: required,
      effectiveFrom: required,
      committed: { amount: (value) => (value === '' ? vi.common.required : null) },
      steps: { name: required, role: required, amount: (value) => (value === '' ? vi.common.required : null) },
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await approve.mutateAsync({
        decisionNumber: values.decisionNumber.trim(),
        decisionDate: values.decisionDate,
        signer: values.signer.trim(),
        effectiveFrom: values.effectiveFrom,
        committedTime: { amount: Number(values.committed.amount), unit: values.committed.unit },
        steps: values.steps.map((step, index) => ({
          order: index + 1,
          name: step.name.trim(),
          role: step.role as ProcessRole,
          unitCode: null,
          budget: { amount: Number(step.amount), unit: values.committed.unit },
        })),
      });
      notifySuccess(m.saved);
      form.reset();
    } catch (error) {
      reportMutationError(form, error);
    }
  }, reportInvalidForm);

  const current = processes.data?.committedTime;
  const roleOptions = [{ value: '', label: '—' }, ...processRoles.map((role) => ({ value: role, label: vi.labels.processRoles[role] }))];
  const unitOptions = timeUnits.map((unit) => ({ value: unit, label: vi.labels.timeUnitOptions[unit] }));
  return (
    <Section id="edit-processes" title={m.title}>
      <Stack gap="md">
        <Text size="sm">{m.hint}</Text>
        <Alert color={current?.approval ? 'teal' : 'gray'} role="status">
          {current?.approval ? m.current(formatDuration(current.committed), formatDuration(current.statutory)) : m.none}
        </Alert>
        {(processes.data?.items.length ?? 0) > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder>
              <Table.Caption>{m.history}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {Object.values(m.columns).map((label) => (
                    <Table.Th key={label} scope="col">
                      {label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {processes.data!.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.decisionNumber}</Table.Td>
                    <Table.Td>{formatDate(item.decisionDate)}</Table.Td>
                    <Table.Td>{item.signer}</Table.Td>
                    <Table.Td>{formatDate(item.effectiveFrom)}</Table.Td>
                    <Table.Td>{formatDate(item.effectiveTo)}</Table.Td>
                    <Table.Td>{formatDuration(item.committedTime)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate aria-label={m.add}>
          <Stack gap="sm">
            <Text fw={700}>{m.add}</Text>
            <SimpleGrid cols={{ base: 1, md: 4 }}>
              <TextInput label={m.decisionNumber} required {...form.getInputProps('decisionNumber')} />
              <DateField label={m.decisionDate} required {...form.getInputProps('decisionDate')} />
              <TextInput label={m.signer} required {...form.getInputProps('signer')} />
              <DateField label={m.effectiveFrom} required {...form.getInputProps('effectiveFrom')} />
              <NumberInput label={m.committed} required min={0.125} step={0.5} {...form.getInputProps('committed.amount')} />
              <NativeSelect label={m.unit} data={unitOptions} {...form.getInputProps('committed.unit')} />
            </SimpleGrid>
            <ListEditor
              items={form.getValues().steps}
              getKey={(step) => step.key}
              itemLegend={m.step}
              removeLabel={m.removeStep}
              addLabel={m.addStep}
              onAdd={() => form.insertListItem('steps', newStep())}
              onRemove={(index) => form.removeListItem('steps', index)}
              error={form.errors.steps}
              renderItem={(_step, index) => (
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <TextInput label={m.stepName} required {...form.getInputProps(`steps.${index}.name`)} />
                  <NativeSelect label={m.stepRole} required data={roleOptions} {...form.getInputProps(`steps.${index}.role`)} />
                  <NumberInput label={m.stepBudget} required min={0} step={0.5} {...form.getInputProps(`steps.${index}.amount`)} />
                </SimpleGrid>
              )}
            />
            <Button type="submit" loading={approve.isPending} w="fit-content">
              {m.save}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Section>
  );
}
