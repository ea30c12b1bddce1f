import { NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { feeKinds as FEE_KINDS } from '../../../../../../src/contract/enums';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { ListEditor } from './list-editor';

const m = vi.adminProcedures.fees;
const kindOptions = FEE_KINDS.map((kind) => ({ value: kind, label: vi.labels.feeKinds[kind] }));

export function FeesEditor({ form }: { form: ProcedureForm }) {
  return (
    <ListEditor
      items={form.getValues().procedure.fees}
      getKey={(fee) => fee.key}
      itemLegend={m.item}
      removeLabel={m.remove}
      addLabel={m.add}
      onAdd={() => form.insertListItem('procedure.fees', emptyItems.fee())}
      onRemove={(index) => form.removeListItem('procedure.fees', index)}
      error={form.errors['procedure.fees']}
      renderItem={(_fee, index) => {
        const path = `procedure.fees.${index}`;
        return (
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput label={m.name} required {...form.getInputProps(`${path}.name`)} />
              <NativeSelect label={m.kind} data={kindOptions} {...form.getInputProps(`${path}.kind`)} />
              <NumberInput
                label={m.amount}
                description={m.amountHint}
                min={0}
                allowDecimal={false}
                thousandSeparator="."
                decimalSeparator=","
                {...form.getInputProps(`${path}.amountVnd`)}
              />
            </SimpleGrid>
            <TextInput label={m.text} {...form.getInputProps(`${path}.text`)} />
          </Stack>
        );
      }}
    />
  );
}
