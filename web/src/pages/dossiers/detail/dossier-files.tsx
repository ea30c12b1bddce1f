import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
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

/** Files the browser shows itself: PDFs in an <iframe>, images in an <img> (the viewer); others only download. */
export const isViewable = (mediaType: string) => mediaType === 'application/pdf' || mediaType.startsWith('image/');

/** The same address, asking the server to send the file inline (framable by our own pages only: src/http). */
export const inlineUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}inline=1`;

/**
 * The viewer: a dialog over the dossier page with the PDF in an <iframe> (the browser's own PDF reader) or the image,
 * and a link to download it. The server sends the file only to those who may read the dossier, as for a download.
 */
function FileViewer({ file, url, onClose }: { file: DossierFile; url: string; onClose: () => void }) {
  const isPdf = file.mediaType === 'application/pdf';
  return (
    <Modal
      opened
      onClose={onClose}
      title={file.name}
      size="xl"
      fullScreen={isPhone()}
      closeButtonProps={{ 'aria-label': m.closeViewer }}
      styles={{ title: { wordBreak: 'break-all' } }}
    >
      <Stack gap="sm">
        {isPdf ? (
          <iframe
            src={inlineUrl(url)}
            title={file.name}
            style={{ width: '100%', height: 'min(75vh, 900px)', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          />
        ) : (
          <img src={inlineUrl(url)} alt={file.name} style={{ maxWidth: '100%', height: 'auto', display: 'block', margin: '0 auto' }} />
        )}
        <Group gap="md">
          <Anchor href={inlineUrl(url)} target="_blank" rel="noopener" size="sm">
            {m.openInTab}
          </Anchor>
          <Anchor href={url} size="sm">
            {m.download}
          </Anchor>
        </Group>
      </Stack>
    </Modal>
  );
}

const isPhone = () => typeof window !== 'undefined' && window.matchMedia('(max-width: 48em)').matches;

function FileLine({ file, url, onView }: { file: DossierFile; url: string; onView: () => void }) {
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor href={url} size="sm" style={{ wordBreak: 'break-all' }} aria-label={`${m.download}: ${file.name}`}>
        {file.name}
      </Anchor>
      <Text size="xs" c="gray.7">
        {formatSize(file.size)}
      </Text>
      {isViewable(file.mediaType) && (
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

/** A long list (some procedures have thirty components) shows its first ones and any missing, and opens on demand. */
const SHORT_LIST = 6;

/** The version's components as the desk found them, each with its files; then results and other attachments. */
export function DossierFilesSection({ dossier, fileUrl }: { dossier: DossierView; fileUrl: (fileId: string) => string }) {
  const [viewing, setViewing] = useState<DossierFile | null>(null);
  const filesOf = (position: number | null) =>
    dossier.files.filter((file) => file.componentPosition === position && file.purpose !== 'result');
  const results = dossier.files.filter((file) => file.purpose === 'result');
  const others = dossier.files.filter((file) => file.componentPosition === null && file.purpose !== 'result');
  const [showAll, setShowAll] = useState(false);
  const isLong = dossier.components.length > SHORT_LIST + 2;
  const missing = dossier.components.filter((component) => component.presence === 'missing').length;
  const shown =
    isLong && !showAll
      ? dossier.components.filter(
          (component, index) => index < SHORT_LIST || component.presence === 'missing' || filesOf(component.position).length > 0,
        )
      : dossier.components;
  const renderFiles = (files: DossierFile[]) =>
    files.map((file) => <FileLine key={file.id} file={file} url={fileUrl(file.fileId)} onView={() => setViewing(file)} />);

  return (
    <Section id="dossier-components" title={m.componentsHeading}>
      {isLong && (
        <Text size="sm" c="gray.7" mb="xs">
          {m.componentsSummary(dossier.components.length, missing)}
        </Text>
      )}
      <List type="ordered" spacing="sm">
        {shown.map((component) => (
          <List.Item key={component.position} value={component.position + 1}>
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
      {isLong && (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
          {showAll ? m.showFewerComponents : m.showAllComponents(dossier.components.length)}
        </Button>
      )}
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
