import { ActionIcon, NativeSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { processRoles as PROCESS_ROLES } from '../../../../../../src/contract/enums';
import { useUnits } from '../../../../api/units';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { BudgetSummary } from './budget-summary';
import { ListEditor } from './list-editor';
import { timeUnitOptions } from './time-fields';

const m = vi.adminProcedures.process;
const roleOptions = [
  { value: '', label: vi.common.choose },
  ...PROCESS_ROLES.map((role) => ({ value: role, label: vi.labels.processRoles[role] })),
];
const listPath = 'procedure.processTemplate';

export function ProcessEditor({ form }: { form: ProcedureForm }) {
  const { data: units = [] } = useUnits();
  const unitOptions = units.map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));
  const steps = form.getValues().procedure.processTemplate;
  const move = (from: number, to: number) => form.reorderListItem(listPath, { from, to });

  return (
    <Stack>
      <ListEditor
        items={steps}
        getKey={(step) => step.key}
        itemLegend={m.item}
        removeLabel={m.remove}
        addLabel={m.add}
        onAdd={() => form.insertListItem(listPath, emptyItems.processStep())}
        onRemove={(index) => form.removeListItem(listPath, index)}
        error={form.errors[listPath]}
        renderActions={(index) => (
          <>
            <ActionIcon variant="subtle" aria-label={m.moveUp(index + 1)} disabled={index === 0} onClick={() => move(index, index - 1)}>
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={m.moveDown(index + 1)}
              disabled={index === steps.length - 1}
              onClick={() => move(index, index + 1)}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
          </>
        )}
        renderItem={(_step, index) => {
          const path = `${listPath}.${index}`;
          return (
            <Stack gap="xs">
              <TextInput label={m.name} required {...form.getInputProps(`${path}.name`)} />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <NativeSelect label={m.role} required data={roleOptions} {...form.getInputProps(`${path}.role`)} />
                <Select
                  label={m.unit}
                  placeholder={m.unitPlaceholder}
                  data={unitOptions}
                  searchable
                  clearable
                  limit={50}
                  {...form.getInputProps(`${path}.unitCode`)}
                />
                <NumberInput
                  label={m.budget}
                  required
                  min={0}
                  decimalScale={2}
                  decimalSeparator=","
                  {...form.getInputProps(`${path}.budget.amount`)}
                />
                <NativeSelect label={m.budgetUnit} data={timeUnitOptions} {...form.getInputProps(`${path}.budget.unit`)} />
              </SimpleGrid>
            </Stack>
          );
        }}
      />
      <BudgetSummary form={form} />
    </Stack>
  );
}
