import { Button, FileButton, Group, NativeSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AttachedFile } from '../../../../../../src/contract/catalog';
import { delegationKinds } from '../../../../../../src/contract/enums';
import { errorMessage } from '../../../../api/client';
import { uploadProcedureFile } from '../../../../api/procedures';
import { useUnits } from '../../../../api/units';
import { vi } from '../../../../i18n/vi';
import { emptyItems, type ProcedureForm } from '../procedure-form-values';
import { ListEditor } from './list-editor';

const m = vi.adminProcedures;
const FORM_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt';

function useUnitChoices() {
  const { data: units = [] } = useUnits();
  return units.map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})`, name: unit.name }));
}

/** The authority that decides, the coordinating agencies (liên thông), delegation and decentralisation (TT 02/2017). */
export function RolesEditor({ form }: { form: ProcedureForm }) {
  const units = useUnitChoices();
  const kinds = delegationKinds.map((kind) => ({ value: kind, label: vi.labels.delegationKinds[kind] }));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={m.roles.decidingAuthority}
          description={m.roles.decidingAuthorityHint}
          {...form.getInputProps('procedure.decidingAuthority.name')}
        />
        <Select
          label={m.roles.decidingUnit}
          data={units}
          searchable
          clearable
          limit={50}
          {...form.getInputProps('procedure.decidingAuthority.unitCode')}
        />
      </SimpleGrid>
      <ListEditor
        items={form.getValues().procedure.coordinatingAgencies}
        getKey={(agency) => agency.key}
        itemLegend={m.roles.coordinating}
        removeLabel={m.roles.removeCoordinating}
        addLabel={m.roles.addCoordinating}
        onAdd={() => form.insertListItem('procedure.coordinatingAgencies', emptyItems.coordinatingAgency())}
        onRemove={(index) => form.removeListItem('procedure.coordinatingAgencies', index)}
        error={form.errors['procedure.coordinatingAgencies']}
        renderItem={(_agency, index) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={m.roles.coordinatingName} required {...form.getInputProps(`procedure.coordinatingAgencies.${index}.name`)} />
            <Select
              label={m.roles.coordinatingUnit}
              data={units}
              searchable
              clearable
              limit={50}
              {...form.getInputProps(`procedure.coordinatingAgencies.${index}.unitCode`)}
              onChange={(code) => {
                form.setFieldValue(`procedure.coordinatingAgencies.${index}.unitCode`, code);
                const unit = units.find((option) => option.value === code);
                if (unit && !form.getValues().procedure.coordinatingAgencies[index]?.name.trim()) {
                  form.setFieldValue(`procedure.coordinatingAgencies.${index}.name`, unit.name);
                }
              }}
            />
          </SimpleGrid>
        )}
      />
      <ListEditor
        items={form.getValues().procedure.delegations}
        getKey={(delegation) => delegation.key}
        itemLegend={m.roles.delegation}
        removeLabel={m.roles.removeDelegation}
        addLabel={m.roles.addDelegation}
        onAdd={() => form.insertListItem('procedure.delegations', emptyItems.delegation())}
        onRemove={(index) => form.removeListItem('procedure.delegations', index)}
        error={form.errors['procedure.delegations']}
        renderItem={(_delegation, index) => {
          const path = `procedure.delegations.${index}`;
          return (
            <SimpleGrid cols={{ base: 1, md: 4 }}>
              <NativeSelect label={m.roles.kind} data={kinds} {...form.getInputProps(`${path}.kind`)} />
              <TextInput label={m.roles.from} required {...form.getInputProps(`${path}.from`)} />
              <TextInput label={m.roles.to} required {...form.getInputProps(`${path}.to`)} />
              <TextInput label={m.roles.basis} {...form.getInputProps(`${path}.legalBasis`)} />
            </SimpleGrid>
          );
        }}
      />
    </Stack>
  );
}

/**
 * A form or template file: uploaded at once (the server checks its type from its content), attached under the name
 * the public will read. The version only links to it when it is published.
 */
export function AttachedFileField({
  value,
  name,
  onChange,
}: {
  value: AttachedFile | null;
  name: string;
  onChange: (file: AttachedFile | null) => void;
}) {
  const [isUploading, setIsUploading] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setIsUploading(true);
    try {
      const stored = await uploadProcedureFile(file);
      onChange({ fileId: stored.id, name: name.trim() || stored.name });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setIsUploading(false);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm">{value ? m.files.attached(value.name) : m.files.none}</Text>
      <Group gap="xs">
        <FileButton onChange={upload} accept={FORM_ACCEPT}>
          {(props) => (
            <Button {...props} variant="light" size="xs" loading={isUploading}>
              {value ? m.files.replace : m.files.upload}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
            {m.files.remove}
          </Button>
        )}
        <Text size="xs" c="gray.7">
          {m.files.accepted}
        </Text>
      </Group>
    </Stack>
  );
}

export function DossierSetsField({ form }: { form: ProcedureForm }) {
  return (
    <NumberInput
      label={m.files.dossierSets}
      required
      min={1}
      max={100}
      allowDecimal={false}
      w={220}
      {...form.getInputProps('procedure.dossierSets')}
    />
  );
}

export function ResultTemplatesEditor({ form }: { form: ProcedureForm }) {
  return (
    <ListEditor
      items={form.getValues().procedure.resultTemplates}
      getKey={(template) => template.key}
      itemLegend={m.files.template}
      removeLabel={m.files.removeTemplate}
      addLabel={m.files.addTemplate}
      onAdd={() => form.insertListItem('procedure.resultTemplates', emptyItems.resultTemplate())}
      onRemove={(index) => form.removeListItem('procedure.resultTemplates', index)}
      error={form.errors['procedure.resultTemplates']}
      renderItem={(template, index) => {
        const path = `procedure.resultTemplates.${index}`;
        return (
          <Stack gap="xs">
            <TextInput label={m.files.templateName} required {...form.getInputProps(`${path}.name`)} />
            <AttachedFileField value={template.file} name={template.name} onChange={(file) => form.setFieldValue(`${path}.file`, file)} />
          </Stack>
        );
      }}
    />
  );
}
