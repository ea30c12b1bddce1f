import { NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { timeUnits as TIME_UNITS } from '../../../../../../src/contract/enums';
import { vi } from '../../../../i18n/vi';
import type { ProcedureForm } from '../procedure-form-values';

const m = vi.adminProcedures.time;
export const timeUnitOptions = TIME_UNITS.map((unit) => ({ value: unit, label: vi.labels.timeUnitOptions[unit] }));

export function TimeFields({ form }: { form: ProcedureForm }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NumberInput
        label={m.amount}
        required
        min={0}
        decimalScale={2}
        decimalSeparator=","
        {...form.getInputProps('procedure.processingTime.amount')}
      />
      <NativeSelect label={m.unit} data={timeUnitOptions} {...form.getInputProps('procedure.processingTime.unit')} />
      <TextInput label={m.text} description={m.textHint} {...form.getInputProps('procedure.processingTime.text')} />
    </SimpleGrid>
  );
}
