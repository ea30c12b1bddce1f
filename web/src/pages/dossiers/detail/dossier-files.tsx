import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import type { DossierView } from '../../../api/dossiers';
import { Section } from '../../../components/section';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.detail;
type DossierFile = DossierView['files'][number];

function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A PDF or an image, shown in a dialog; "open in a new tab" for a larger view or to print. */
function FileViewer({ file, url, onClose }: { file: DossierFile; url: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={file.name} size="xl" closeButtonProps={{ 'aria-label': vi.dossiers.action.cancel }}>
      <Stack gap="sm">
        {file.mediaType === 'application/pdf' ? (
          <iframe src={url} title={file.name} style={{ width: '100%', height: '70vh', border: 0 }} />
        ) : (
          <img src={url} alt={file.name} style={{ maxWidth: '100%' }} />
        )}
        <Anchor href={url} target="_blank" rel="noopener">
          {m.openNewTab}
        </Anchor>
      </Stack>
    </Modal>
  );
}

function FileLine({ file, url, onView }: { file: DossierFile; url: string; onView: () => void }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor href={url} target="_blank" rel="noopener" size="sm" style={{ wordBreak: 'break-all' }}>
        {file.name}
      </Anchor>
      <Text size="xs" c="gray.7">
        {formatSize(file.size)}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconEye size={14} aria-hidden />}
        onClick={onView}
        aria-label={`${m.view} ${file.name}`}
      >
        {m.view}
      </Button>
      <Anchor href={url} target="_blank" rel="noopener" aria-label={`${m.openNewTab}: ${file.name}`}>
        <IconExternalLink size={14} aria-hidden />
      </Anchor>
    </Group>
  );
}

/** The version's components as the desk found them, each with its files; then results and other attachments. */
export function DossierFilesSection({ dossier, fileUrl }: { dossier: DossierView; fileUrl: (fileId: string) => string }) {
  const [viewing, setViewing] = useState<DossierFile | null>(null);
  const filesOf = (position: number | null) =>
    dossier.files.filter((file) => file.componentPosition === position && file.purpose !== 'result');
  const results = dossier.files.filter((file) => file.purpose === 'result');
  const others = dossier.files.filter((file) => file.componentPosition === null && file.purpose !== 'result');
  const renderFiles = (files: DossierFile[]) =>
    files.map((file) => <FileLine key={file.id} file={file} url={fileUrl(file.fileId)} onView={() => setViewing(file)} />);

  return (
    <Section id="dossier-components" title={m.componentsHeading}>
      <List type="ordered" spacing="sm">
        {dossier.components.map((component) => (
          <List.Item key={component.position}>
            <Stack gap={4}>
              <Text size="sm">{component.name}</Text>
              <Group gap="xs" wrap="wrap">
                <Tag tone={component.presence === 'missing' ? 'orange' : 'gray'} size="sm">
                  {vi.dossiers.labels.presences[component.presence]}
                </Tag>
                <Text size="xs" c="gray.7">
                  {component.isRequired ? m.required : m.optional}
                </Text>
                {component.reusedFrom && <Text size="xs">{component.reusedFrom}</Text>}
              </Group>
              {renderFiles(filesOf(component.position))}
            </Stack>
          </List.Item>
        ))}
      </List>
      {results.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            {m.resultFiles}
          </Text>
          {renderFiles(results)}
        </Stack>
      )}
      {others.length > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            {m.otherFiles}
          </Text>
          {renderFiles(others)}
        </Stack>
      )}
      {dossier.files.length === 0 && (
        <Text size="sm" c="gray.7" mt="sm">
          {m.noFiles}
        </Text>
      )}
      {viewing && <FileViewer file={viewing} url={fileUrl(viewing.fileId)} onClose={() => setViewing(null)} />}
    </Section>
  );
}
