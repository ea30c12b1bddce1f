import { ActionIcon, Button, Card, FileButton, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ComponentPresence } from '../../../../../src/contract/enums';
import type { StoredFile } from '../../../../../src/contract/files';
import type { ReceiveDossierRequest } from '../../../api/dossiers';
import { uploadDossierFile } from '../../../api/dossiers';
import { notifyError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.intake;

/** A component of the procedure version as the form shows it. */
export type ChecklistComponent = { name: string; required: boolean; originals?: number; copies?: number };
export type ComponentEntry = { presence: ComponentPresence; files: StoredFile[]; reusedFrom: string };

export const newEntries = (components: ChecklistComponent[], presence: ComponentPresence = 'missing'): ComponentEntry[] =>
  components.map(() => ({ presence, files: [], reusedFrom: '' }));

export function toIntakeComponents(entries: ComponentEntry[]): NonNullable<ReceiveDossierRequest['components']> {
  return entries.map((entry, position) => ({
    position,
    presence: entry.presence,
    fileIds: entry.presence === 'file' ? entry.files.map((file) => file.id) : [],
    reusedFrom: entry.presence === 'reused' ? entry.reusedFrom.trim() || null : null,
  }));
}

/** A required component with nothing for it: only a supplement request or a refusal remain. */
export function hasMissingRequired(components: ChecklistComponent[], entries: ComponentEntry[]): boolean {
  return components.some((component, index) => {
    const entry = entries[index];
    if (!component.required || !entry) return false;
    return (
      entry.presence === 'missing' ||
      (entry.presence === 'file' && entry.files.length === 0) ||
      (entry.presence === 'reused' && !entry.reusedFrom.trim())
    );
  });
}

function ComponentRow({
  component,
  index,
  entry,
  presences,
  onChange,
}: {
  component: ChecklistComponent;
  index: number;
  entry: ComponentEntry;
  presences: readonly ComponentPresence[];
  onChange: (entry: ComponentEntry) => void;
}) {
  const [isUploading, setIsUploading] = useState(false);
  const upload = async (files: File[]) => {
    setIsUploading(true);
    try {
      const stored: StoredFile[] = [];
      for (const file of files) stored.push(await uploadDossierFile(file));
      onChange({ ...entry, presence: 'file', files: [...entry.files, ...stored] });
    } catch (error) {
      notifyError(error);
    } finally {
      setIsUploading(false);
    }
  };
  const groupId = `component-${index}`;
  return (
    <Card withBorder padding="sm" component="li">
      <Text size="sm" fw={500} id={`${groupId}-name`}>
        {index + 1}. {component.name}
        {component.required ? ' *' : ''}
      </Text>
      <Radio.Group
        value={entry.presence}
        onChange={(value) => onChange({ ...entry, presence: value as ComponentPresence })}
        aria-labelledby={`${groupId}-name`}
        mt={6}
      >
        <Group gap="md" wrap="wrap">
          {presences.map((presence) => (
            <Radio key={presence} value={presence} label={vi.dossiers.labels.presences[presence]} />
          ))}
        </Group>
      </Radio.Group>
      {entry.presence === 'file' && (
        <Stack gap={4} mt="xs">
          {entry.files.map((file) => (
            <Group key={file.id} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {file.name}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={m.removeFile(file.name)}
                onClick={() => onChange({ ...entry, files: entry.files.filter((item) => item.id !== file.id) })}
              >
                <IconX size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <FileButton multiple accept="application/pdf,image/jpeg,image/png" onChange={(files) => void upload(files)}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                size="xs"
                w="fit-content"
                loading={isUploading}
                leftSection={<IconUpload size={14} aria-hidden />}
                aria-label={`${m.upload}: ${component.name}`}
              >
                {m.upload}
              </Button>
            )}
          </FileButton>
        </Stack>
      )}
      {entry.presence === 'reused' && (
        <TextInput
          mt="xs"
          label={m.reusedFrom}
          value={entry.reusedFrom}
          onChange={(event) => onChange({ ...entry, reusedFrom: event.currentTarget.value })}
        />
      )}
    </Card>
  );
}

/** The version's components, each marked present as a file, paper, reused or missing, with its scans uploaded. */
export function ComponentChecklist({
  components,
  entries,
  presences,
  onChange,
}: {
  components: ChecklistComponent[];
  entries: ComponentEntry[];
  presences: readonly ComponentPresence[];
  onChange: (entries: ComponentEntry[]) => void;
}) {
  if (components.length === 0) return <Text size="sm">{m.noComponents}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {components.map((component, index) => (
        <ComponentRow
          key={`${index}-${component.name}`}
          component={component}
          index={index}
          entry={entries[index] ?? { presence: 'missing', files: [], reusedFrom: '' }}
          presences={presences}
          onChange={(entry) => onChange(entries.map((item, at) => (at === index ? entry : item)))}
        />
      ))}
    </Stack>
  );
}
