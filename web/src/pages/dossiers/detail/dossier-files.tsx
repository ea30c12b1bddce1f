import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DossierView } from '../../../api/dossiers';
import { PageLoader } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.detail;
type DossierFile = DossierView['files'][number];

function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * An image is shown in a dialog, read as a data: address (the security policy allows images from the origin and
 * data: only, and the server sends files as attachments, never to be framed); a PDF opens in its own tab.
 */
function ImageViewer({ file, url, onClose }: { file: DossierFile; url: string; onClose: () => void }) {
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }),
      )
      .then((data) => isCurrent && setSource(data))
      .catch(() => isCurrent && setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [url]);
  return (
    <Modal opened onClose={onClose} title={file.name} size="xl" closeButtonProps={{ 'aria-label': vi.dossiers.action.cancel }}>
      <Stack gap="sm">
        {source ? (
          <img src={source} alt={file.name} style={{ maxWidth: '100%' }} />
        ) : failed ? (
          <Text>{vi.common.unknownError}</Text>
        ) : (
          <PageLoader />
        )}
        <Anchor href={url} target="_blank" rel="noopener">
          {m.download}
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
      {file.mediaType.startsWith('image/') && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={14} aria-hidden />}
          onClick={onView}
          aria-label={`${m.view} ${file.name}`}
        >
          {m.view}
        </Button>
      )}
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
      {viewing && <ImageViewer file={viewing} url={fileUrl(viewing.fileId)} onClose={() => setViewing(null)} />}
    </Section>
  );
}
