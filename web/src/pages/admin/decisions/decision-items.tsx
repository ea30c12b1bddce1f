import { Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProcedureDetail, ProcedureInput } from '../../../../../src/contract/catalog';
import { type DecisionType, decisionTypes } from '../../../../../src/contract/enums';
import { api } from '../../../api/client';
import { vi } from '../../../i18n/vi';
import { ProcedureEditForm } from '../procedures/procedure-form';
import { type ProcedureFormValues, toFormValues, toProcedureInput } from '../procedures/procedure-form-values';

const m = vi.adminDecisions.item;

/** One item of the decision as the page holds it; `content` is the record edited in the editor (none for abolitions). */
export type ItemDraft = {
  key: string;
  action: DecisionType;
  code: string;
  replacesCodes: string;
  templateCode: string;
  content: { values: ProcedureFormValues; input: ProcedureInput } | null;
  baseVersionNo: number | null;
};

export const emptyItem = (): ItemDraft => ({
  key: crypto.randomUUID(),
  action: 'new',
  code: '',
  replacesCodes: '',
  templateCode: '',
  content: null,
  baseVersionNo: null,
});

export const splitCodes = (text: string) =>
  text
    .split(/[;,\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);

/** The latest version of a code: the one new versions are based on (it may be scheduled, not yet in force). */
async function loadLatest(code: string): Promise<ProcedureDetail> {
  const current = await api.get<ProcedureDetail>(`/procedures/${encodeURIComponent(code)}`);
  if (current.latestVersionNo === current.versionNo) return current;
  return api.get<ProcedureDetail>(`/procedures/${encodeURIComponent(code)}/versions/${current.latestVersionNo}`);
}

interface ItemCardProps {
  index: number;
  item: ItemDraft;
  onChange: (item: ItemDraft) => void;
  onRemove: (() => void) | null;
}

export function DecisionItemCard({ index, item, onChange, onRemove }: ItemCardProps) {
  const [editor, setEditor] = useState<{
    values: ProcedureFormValues;
    units: ProcedureDetail['handlingUnits'];
    kept: Pick<ProcedureInput, 'source' | 'sourceUrl' | 'demoGenerated'>;
  } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const number = index + 1;
  const needsContent = item.action !== 'abolished';

  /** Amendments start from the code's latest version, replacements from the first old code, new ones from the template. */
  const openEditor = async () => {
    setLoadError(null);
    if (item.content) {
      const { source, sourceUrl, demoGenerated } = item.content.input;
      setEditor({ values: item.content.values, units: [], kept: { source, sourceUrl, demoGenerated } });
      return;
    }
    const source =
      item.action === 'amended'
        ? item.code
        : item.action === 'replaced'
          ? (splitCodes(item.replacesCodes)[0] ?? item.templateCode)
          : item.templateCode;
    if (!source.trim()) {
      setEditor({ values: toFormValues(null), units: [], kept: {} });
      return;
    }
    try {
      const base = await loadLatest(source.trim());
      if (item.action === 'amended') onChange({ ...item, baseVersionNo: base.latestVersionNo });
      // The form does not show where the record came from: an amendment keeps it; a copy for another code does not.
      const kept = item.action === 'amended' ? { source: base.source, sourceUrl: base.sourceUrl, demoGenerated: base.demoGenerated } : {};
      setEditor({ values: toFormValues(base), units: [...base.handlingUnits, ...base.receivingUnits], kept });
    } catch {
      setLoadError(m.loadFailed(source.trim()));
    }
  };

  return (
    <Card withBorder padding="md" component="fieldset" aria-label={m.title(number)}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{m.title(number)}</Text>
          {onRemove && (
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={16} aria-hidden />} onClick={onRemove}>
              {m.remove(number)}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NativeSelect
            label={m.action}
            data={decisionTypes.map((type) => ({ value: type, label: vi.labels.decisionTypes[type] }))}
            value={item.action}
            onChange={(event) => onChange({ ...item, action: event.currentTarget.value as DecisionType, content: null })}
          />
          <TextInput
            label={m.code}
            required
            value={item.code}
            placeholder="1.000948"
            onChange={(event) => onChange({ ...item, code: event.currentTarget.value, content: null })}
          />
          {item.action === 'replaced' && (
            <TextInput
              label={m.replacesCodes}
              value={item.replacesCodes}
              onChange={(event) => onChange({ ...item, replacesCodes: event.currentTarget.value, content: null })}
            />
          )}
          {item.action === 'new' && (
            <TextInput
              label={m.templateCode}
              value={item.templateCode}
              onChange={(event) => onChange({ ...item, templateCode: event.currentTarget.value, content: null })}
            />
          )}
        </SimpleGrid>
        {needsContent ? (
          <Group gap="sm">
            <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => void openEditor()}>
              {m.editContent} ({m.title(number).toLowerCase()})
            </Button>
            <Text size="sm" c={item.content ? 'gray.8' : 'orange.9'}>
              {item.content ? m.contentReady(item.content.input.name) : m.contentMissing}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="gray.8">
            {m.abolishNote}
          </Text>
        )}
        {loadError && (
          <Text size="sm" c="red.8" role="alert">
            {loadError}
          </Text>
        )}
      </Stack>
      <Modal
        opened={editor !== null}
        onClose={() => setEditor(null)}
        title={m.editorTitle(item.code || m.title(number))}
        size="xl"
        fullScreen={isPhone}
      >
        {editor && (
          <ProcedureEditForm
            initialValues={editor.values}
            isNewProcedure={false}
            hasDecision={false}
            knownUnits={editor.units}
            submitLabel={m.saveContent}
            isSubmitting={false}
            onReload={() => setEditor(null)}
            onSubmit={async (values) => {
              onChange({ ...item, content: { values, input: { ...toProcedureInput(values.procedure), ...editor.kept } } });
              setEditor(null);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
