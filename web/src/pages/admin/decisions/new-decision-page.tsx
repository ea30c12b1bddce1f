import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  FileButton,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CreateDecisionRequest, DecisionPreview, DecisionRecord } from '../../../../../src/contract/catalog';
import { type DecisionForm, decisionForms } from '../../../../../src/contract/enums';
import { type ApiErrorDetail, errorMessage, isApiError } from '../../../api/client';
import { signedFileDownloadUrl, useAttachSignedFile, useCreateDecision, usePreviewDecision } from '../../../api/decisions';
import { DateField } from '../../../components/date-fields';
import { notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { DecisionItemCard, emptyItem, type ItemDraft, splitCodes } from './decision-items';
import { DecisionSummary } from './decision-summary';
import { type SignedFileDraft, SignedFileField } from './signed-file-field';

const m = vi.adminDecisions;

type Header = {
  number: string;
  issuerName: string;
  issuerUnitCode: string;
  signer: string;
  signerTitle: string;
  date: string;
  effectiveDate: string;
  form: DecisionForm;
  nationalPublishedOn: string;
  signedFile: SignedFileDraft | null;
  isLatePublication: boolean;
};

const emptyHeader: Header = {
  number: '',
  issuerName: 'UBND tỉnh',
  issuerUnitCode: '',
  signer: '',
  signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
  date: '',
  effectiveDate: '',
  form: 'full',
  nationalPublishedOn: '',
  signedFile: null,
  isLatePublication: false,
};

function toRequest(header: Header, items: ItemDraft[]): CreateDecisionRequest {
  const orNull = (value: string) => (value.trim() ? value.trim() : null);
  const { signedFile, ...fields } = header;
  return {
    decision: {
      ...fields,
      issuerUnitCode: orNull(header.issuerUnitCode),
      nationalPublishedOn: orNull(header.nationalPublishedOn),
      signedFileId: signedFile?.fileId ?? null,
    },
    items: items.map((item) => ({
      action: item.action,
      code: item.code.trim(),
      baseVersionNo: item.action === 'new' ? null : item.baseVersionNo,
      replacesCodes: item.action === 'replaced' ? splitCodes(item.replacesCodes) : [],
      ...(item.action !== 'abolished' && item.content ? { procedure: item.content.input } : {}),
    })),
  };
}

/** "items.2.procedure.fees.0.name" → "Thủ tục 3 (1.000948) — Phí, lệ phí". */
function describeError(detail: ApiErrorDetail, items: ItemDraft[]): string {
  const [head, index, part, name] = detail.path.split('.');
  if (head === 'decision')
    return `${m.sections.decision} — ${(m.header as Record<string, string>)[index ?? ''] ?? index}: ${detail.message}`;
  if (head === 'items' && index !== undefined) {
    const item = items[Number(index)];
    const where = part === 'procedure' && name ? ` — ${vi.procedureFields[name] ?? name}` : '';
    return `${m.itemError(Number(index) + 1, item?.code ?? '')}${where}: ${detail.message}`;
  }
  return detail.message;
}

export function NewDecisionPage() {
  usePageTitle(m.title);
  const [header, setHeader] = useState<Header>(emptyHeader);
  const [items, setItems] = useState<ItemDraft[]>([emptyItem()]);
  const [preview, setPreview] = useState<DecisionPreview | null>(null);
  const [created, setCreated] = useState<DecisionRecord | null>(null);
  const [errors, setErrors] = useState<ApiErrorDetail[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const previewDecision = usePreviewDecision();
  const createDecision = useCreateDecision();

  const field = <Key extends keyof Header>(key: Key) => ({
    value: header[key] as string,
    onChange: (event: { currentTarget: { value: string } } | string) =>
      setHeader({ ...header, [key]: typeof event === 'string' ? event : event.currentTarget.value }),
  });

  const report = (error: unknown) => {
    setErrors(isApiError(error) ? error.details : []);
    setFailure(isApiError(error) && error.details.length ? null : errorMessage(error));
  };
  const requestPreview = async () => {
    setErrors([]);
    setFailure(null);
    try {
      setPreview(await previewDecision.mutateAsync(toRequest(header, items)));
    } catch (error) {
      report(error);
    }
  };
  const confirm = async () => {
    try {
      const record = await createDecision.mutateAsync(toRequest(header, items));
      notifySuccess(m.published(record.number));
      setCreated(record);
      setPreview(null);
    } catch (error) {
      setPreview(null);
      report(error);
    }
  };

  if (created) return <Published record={created} />;

  return (
    <Stack gap="lg">
      <Title order={1}>{m.title}</Title>
      <Text c="gray.8">{m.intro}</Text>
      <Section id="decision-header" title={m.sections.decision}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput label={m.header.number} required {...field('number')} />
          <TextInput label={m.header.issuerName} required {...field('issuerName')} />
          <TextInput label={m.header.issuerUnitCode} {...field('issuerUnitCode')} />
          <TextInput label={m.header.signer} required {...field('signer')} />
          <TextInput label={m.header.signerTitle} required {...field('signerTitle')} />
          <DateField label={m.header.date} required {...field('date')} />
          <DateField label={m.header.effectiveDate} required {...field('effectiveDate')} />
          <NativeSelect
            label={m.header.form}
            data={decisionForms.map((form) => ({ value: form, label: vi.labels.decisionForms[form] }))}
            {...field('form')}
          />
          <DateField label={m.header.nationalPublishedOn} {...field('nationalPublishedOn')} />
        </SimpleGrid>
        <Box mt="md">
          <SignedFileField value={header.signedFile} onChange={(signedFile) => setHeader({ ...header, signedFile })} />
        </Box>
        <Checkbox
          mt="md"
          label={m.header.isLatePublication}
          checked={header.isLatePublication}
          onChange={(event) => setHeader({ ...header, isLatePublication: event.currentTarget.checked })}
        />
      </Section>
      <Section id="decision-items" title={m.sections.items}>
        <Stack gap="md">
          {items.map((item, index) => (
            <DecisionItemCard
              key={item.key}
              index={index}
              item={item}
              onChange={(next) => setItems((list) => list.map((entry) => (entry.key === item.key ? next : entry)))}
              onRemove={items.length > 1 ? () => setItems((list) => list.filter((entry) => entry.key !== item.key)) : null}
            />
          ))}
          <Group>
            <Button variant="outline" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setItems([...items, emptyItem()])}>
              {m.item.add}
            </Button>
          </Group>
        </Stack>
      </Section>
      {(errors.length > 0 || failure) && (
        <Alert color="red" title={vi.adminProcedures.serverErrors} role="alert">
          {failure && <Text size="sm">{failure}</Text>}
          <List size="sm">
            {errors.map((detail, index) => (
              <List.Item key={`${detail.path}-${index}`}>{describeError(detail, items)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview ? (
        <DecisionSummary
          preview={preview}
          signedFileName={header.signedFile?.name ?? null}
          isConfirming={createDecision.isPending}
          onConfirm={() => void confirm()}
          onBack={() => setPreview(null)}
        />
      ) : (
        <Group justify="flex-end">
          <Button size="md" loading={previewDecision.isPending} onClick={() => void requestPreview()}>
            {m.preview}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Published({ record }: { record: DecisionRecord }) {
  return (
    <Stack gap="lg">
      <Title order={1}>{m.published(record.number)}</Title>
      <List>
        {record.items.map((item) => (
          <List.Item key={item.position}>
            {vi.labels.decisionTypes[item.action]}:{' '}
            <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(item.code)}/phien-ban/${item.versionNo}`}>
              {item.code} — {item.name}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <SignedFileOfDecision record={record} />
    </Stack>
  );
}

/** The signed PDF of the decision just entered: its download, or its upload when it was not attached yet. */
function SignedFileOfDecision({ record }: { record: DecisionRecord }) {
  const [current, setCurrent] = useState(record);
  const attach = useAttachSignedFile(record.id);
  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      setCurrent(await attach.mutateAsync(file));
      notifySuccess(m.signedFile.attachedNow(record.number));
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };
  return (
    <Group gap="sm">
      {current.signedFile ? (
        <Anchor href={signedFileDownloadUrl(current.id)} fw={600}>
          {m.signedFile.download} — {current.signedFile.name}
        </Anchor>
      ) : (
        <Text>{m.signedFile.summaryNone}</Text>
      )}
      <FileButton onChange={(file) => void upload(file)} accept=".pdf,application/pdf">
        {(props) => (
          <Button {...props} variant="light" size="xs" loading={attach.isPending}>
            {current.signedFile ? m.signedFile.replace : m.signedFile.upload}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
