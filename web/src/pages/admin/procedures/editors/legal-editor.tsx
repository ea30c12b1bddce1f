import { SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from '../../../../components/date-fields';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { ListEditor } from './list-editor';

const m = vi.adminProcedures.legal;

export function LegalBasisEditor({ form }: { form: ProcedureForm }) {
  return (
    <ListEditor
      items={form.getValues().procedure.legalBasis}
      getKey={(document) => document.key}
      itemLegend={m.item}
      removeLabel={m.remove}
      addLabel={m.add}
      onAdd={() => form.insertListItem('procedure.legalBasis', emptyItems.legal())}
      onRemove={(index) => form.removeListItem('procedure.legalBasis', index)}
      error={form.errors['procedure.legalBasis']}
      renderItem={(_document, index) => {
        const path = `procedure.legalBasis.${index}`;
        return (
          <SimpleGrid cols={{ base: 1, md: 4 }}>
            <TextInput label={m.number} required {...form.getInputProps(`${path}.number`)} />
            <TextInput label={m.title} {...form.getInputProps(`${path}.title`)} />
            <DateField label={m.date} {...form.getInputProps(`${path}.date`)} />
            <DateField label={m.effectiveDate} {...form.getInputProps(`${path}.effectiveDate`)} />
          </SimpleGrid>
        );
      }}
    />
  );
}
