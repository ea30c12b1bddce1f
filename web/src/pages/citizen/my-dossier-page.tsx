import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { type DossierView, dossierFileUrl, isStaleVersion, useDossierAction, useMyDossier } from '../../api/dossiers';
import { notifyError, notifySuccess } from '../../components/form-errors';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { formatVietnamDateTime } from '../../lib/format';
import { DossierFilesSection } from '../dossiers/detail/dossier-files';
import { StepsSection, TimelineSection } from '../dossiers/detail/dossier-history';
import { DossierFacts, DossierHeader } from '../dossiers/detail/dossier-summary';
import { ComponentChecklist, type ComponentEntry, toIntakeComponents } from '../dossiers/shared/component-checklist';

const m = vi.dossiers.my;

/** What was asked: the latest event into `supplement_requested` (docs/api/dossiers.md "What an intake writes"). */
export function supplementAsked(dossier: DossierView) {
  const event = dossier.events.findLast((item) => item.toStatus === 'supplement_requested');
  const data = (event?.data ?? {}) as { reason?: unknown; positions?: unknown; items?: unknown };
  return {
    reason: typeof data.reason === 'string' ? data.reason : '',
    positions: Array.isArray(data.positions) ? data.positions.filter((value): value is number => typeof value === 'number') : [],
    items: Array.isArray(data.items) ? data.items.filter((value): value is string => typeof value === 'string') : [],
    note: event?.comment ?? null,
    officer: event ? [event.actorName, event.actorUnitName].filter(Boolean).join(', ') : '',
    at: event?.occurredAt ?? null,
  };
}

/**
 * A supplement asked of the applicant: what is missing and the officer's note, the papers named uploaded here, then
 * sent (the `resume` action). Before acceptance the dossier goes back to the desk to check again; during processing
 * the clock restarts and the due date moves by the working time it waited.
 */
function SupplementRequest({ dossier }: { dossier: DossierView }) {
  const asked = supplementAsked(dossier);
  // Named components must each get a file; with none named (only words), any component may get one.
  const named = dossier.components.filter((component) => asked.positions.includes(component.position));
  const targets = named.length > 0 ? named : dossier.components;
  const [entries, setEntries] = useState<ComponentEntry[]>(() => targets.map(() => ({ presence: 'file', files: [], reusedFrom: '' })));
  const resume = useDossierAction(dossier.id, 'applicant');
  if (dossier.status !== 'supplement_requested' || !dossier.allowedActions.includes('resume')) return null;
  const isIncomplete = named.length > 0 && entries.some((entry) => entry.files.length === 0);
  const send = () => {
    const components = toIntakeComponents(entries)
      .map((component, index) => ({ ...component, position: targets[index]?.position ?? 0 }))
      .filter((component) => (component.fileIds?.length ?? 0) > 0);
    resume.mutate(
      { action: 'resume', version: dossier.version, components },
      {
        onSuccess: () => notifySuccess(dossier.receivedAt ? m.resumed : m.resubmitted),
        onError: (error) => (isStaleVersion(error) ? notifyError(new Error(vi.dossiers.detail.staleVersion)) : notifyError(error)),
      },
    );
  };
  return (
    <Alert color="orange" title={m.supplementHeading} role="region" aria-label={m.supplementHeading}>
      <Stack gap="sm">
        {asked.reason && (
          <Text size="sm">
            <b>{m.supplementReason}:</b> {asked.reason}
          </Text>
        )}
        {(named.length > 0 || asked.items.length > 0) && (
          <div>
            <Text size="sm" fw={600}>
              {m.supplementMissing}
            </Text>
            <List size="sm">
              {named.map((component) => (
                <List.Item key={`c${component.position}`}>{component.name}</List.Item>
              ))}
              {asked.items.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        )}
        {asked.note && (
          <Text size="sm">
            <b>{m.supplementNote}:</b> {asked.note}
          </Text>
        )}
        {asked.at && (
          <Text size="xs" c="gray.8">
            {m.supplementBy(asked.officer, formatVietnamDateTime(asked.at))}
          </Text>
        )}
        <Text size="sm">{named.length > 0 ? m.supplementUpload : m.supplementUploadAny}</Text>
        <ComponentChecklist
          components={targets.map((component) => ({ name: component.name, required: named.length > 0 }))}
          entries={entries}
          presences={['file']}
          onChange={setEntries}
        />
        <Text size="sm" c="gray.8">
          {dossier.receivedAt ? m.resumeHintProcessing : m.resumeHintDesk}
        </Text>
        <Button onClick={send} loading={resume.isPending} disabled={isIncomplete} w="fit-content">
          {m.resume}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The result returned online: the applicant receives it here (the files list shows it too). */
function ReturnedResult({ dossier }: { dossier: DossierView }) {
  const results = dossier.files.filter((file) => file.purpose === 'result');
  if (dossier.status !== 'returned' || dossier.returnMethod !== 'online') return null;
  return (
    <Alert color="green" title={m.resultHeading} role="region" aria-label={m.resultHeading}>
      <Stack gap="xs">
        <Text size="sm">{m.resultReturned(dossier.returnedAt ? formatVietnamDateTime(dossier.returnedAt) : '', dossier.resultNumber)}</Text>
        {results.map((file) => (
          <Anchor key={file.id} href={dossierFileUrl(dossier.id, file.fileId)} target="_blank" rel="noopener" size="sm">
            {file.name}
          </Anchor>
        ))}
        {results.length === 0 && <Text size="sm">{m.resultWithoutFile}</Text>}
      </Stack>
    </Alert>
  );
}

/** The applicant's own dossier: where it stands, its papers, its steps and what happened. */
export function MyDossierPage() {
  const { id = '' } = useParams();
  const query = useMyDossier(id);
  const dossier = query.data;
  usePageTitle(dossier ? vi.dossiers.detail.title(dossier.code) : m.title);
  if (!dossier) {
    return (
      <Stack gap="md">
        <Title order={1}>{m.title}</Title>
        {isApiError(query.error, 404) ? (
          <Alert color="orange" role="alert">
            {vi.dossiers.detail.notFound}
          </Alert>
        ) : (
          <QueryState query={query} />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/ho-so-cua-toi" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {m.back}
      </Anchor>
      <DossierHeader dossier={dossier} />
      <SupplementRequest dossier={dossier} />
      <ReturnedResult dossier={dossier} />
      <Paper withBorder p="md" radius="md">
        <DossierFacts dossier={dossier} />
      </Paper>
      <DossierFilesSection dossier={dossier} fileUrl={(fileId) => dossierFileUrl(dossier.id, fileId)} />
      <StepsSection dossier={dossier} />
      <TimelineSection dossier={dossier} />
    </Stack>
  );
}
