import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { ListEditor } from './list-editor';
import { AttachedFileField } from './record-editors';

const m = vi.adminProcedures.components;

export function ComponentsEditor({ form }: { form: ProcedureForm }) {
  return (
    <ListEditor
      items={form.getValues().procedure.components}
      getKey={(component) => component.key}
      itemLegend={m.item}
      removeLabel={m.remove}
      addLabel={m.add}
      onAdd={() => form.insertListItem('procedure.components', emptyItems.component())}
      onRemove={(index) => form.removeListItem('procedure.components', index)}
      error={form.errors['procedure.components']}
      renderItem={(component, index) => {
        const path = `procedure.components.${index}`;
        return (
          <Stack gap="xs">
            <Textarea label={m.name} required autosize minRows={1} {...form.getInputProps(`${path}.name`)} />
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <NumberInput label={m.originals} min={0} allowDecimal={false} {...form.getInputProps(`${path}.originals`)} />
              <NumberInput label={m.copies} min={0} allowDecimal={false} {...form.getInputProps(`${path}.copies`)} />
              <TextInput label={m.formTemplate} {...form.getInputProps(`${path}.formTemplate`)} />
              <TextInput label={m.group} {...form.getInputProps(`${path}.group`)} />
            </SimpleGrid>
            <Group gap="lg" align="flex-end">
              <Checkbox label={m.required} {...form.getInputProps(`${path}.required`, { type: 'checkbox' })} />
              <Checkbox label={m.mustDigitise} {...form.getInputProps(`${path}.mustDigitise`, { type: 'checkbox' })} />
              <TextInput label={m.reusableDocumentType} {...form.getInputProps(`${path}.reusableDocumentType`)} />
            </Group>
            <AttachedFileField
              value={component.formFile}
              name={component.formTemplate || component.name}
              onChange={(file) => form.setFieldValue(`${path}.formFile`, file)}
            />
          </Stack>
        );
      }}
    />
  );
}
