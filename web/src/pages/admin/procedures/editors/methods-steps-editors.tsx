import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { channels as CHANNELS } from '../../../../../../src/contract/enums';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { ListEditor } from './list-editor';

const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: vi.labels.channels[channel] }));

export function MethodsEditor({ form }: { form: ProcedureForm }) {
  const m = vi.adminProcedures.methods;
  return (
    <ListEditor
      items={form.getValues().procedure.methods}
      getKey={(method) => method.key}
      itemLegend={m.item}
      removeLabel={m.remove}
      addLabel={m.add}
      onAdd={() => form.insertListItem('procedure.methods', emptyItems.method())}
      onRemove={(index) => form.removeListItem('procedure.methods', index)}
      error={form.errors['procedure.methods']}
      renderItem={(_method, index) => (
        <Stack gap="xs">
          <NativeSelect label={m.channel} data={channelOptions} {...form.getInputProps(`procedure.methods.${index}.channel`)} />
          <Textarea label={m.description} autosize minRows={2} {...form.getInputProps(`procedure.methods.${index}.description`)} />
        </Stack>
      )}
    />
  );
}

export function StepsEditor({ form }: { form: ProcedureForm }) {
  const m = vi.adminProcedures.steps;
  return (
    <ListEditor
      items={form.getValues().procedure.steps}
      getKey={(_step, index) => String(index)}
      itemLegend={m.item}
      removeLabel={m.remove}
      addLabel={m.add}
      onAdd={() => form.insertListItem('procedure.steps', '')}
      onRemove={(index) => form.removeListItem('procedure.steps', index)}
      error={form.errors['procedure.steps']}
      renderItem={(_step, index) => (
        <Textarea aria-label={m.item(index + 1)} autosize minRows={2} {...form.getInputProps(`procedure.steps.${index}`)} />
      )}
    />
  );
}
