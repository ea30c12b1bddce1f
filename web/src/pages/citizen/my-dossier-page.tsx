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

/** A supplement asked of the applicant: upload the papers named, then resume (the `resume` action). */
function SupplementRequest({ dossier }: { dossier: DossierView }) {
  const pause = dossier.pauses.find((item) => item.endedAt === null) ?? dossier.pauses.at(-1);
  const asked = dossier.components.filter((component) => pause?.positions.includes(component.position));
  const [entries, setEntries] = useState<ComponentEntry[]>(() => asked.map(() => ({ presence: 'file', files: [], reusedFrom: '' })));
  const resume = useDossierAction(dossier.id, 'applicant');
  if (dossier.status !== 'supplement_requested' || !dossier.allowedActions.includes('resume')) return null;
  const send = () => {
    const components = toIntakeComponents(entries).map((component, index) => ({ ...component, position: asked[index]?.position ?? 0 }));
    resume.mutate(
      { action: 'resume', version: dossier.version, components },
      {
        onSuccess: () => notifySuccess(m.resumed),
        onError: (error) => (isStaleVersion(error) ? notifyError(new Error(vi.dossiers.detail.staleVersion)) : notifyError(error)),
      },
    );
  };
  return (
    <Alert color="orange" title={m.supplementHeading} role="region" aria-label={m.supplementHeading}>
      <Stack gap="sm">
        {pause && <Text size="sm">{pause.reason}</Text>}
        {pause && pause.items.length > 0 && (
          <List size="sm">
            {pause.items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        )}
        {asked.length > 0 && (
          <ComponentChecklist
            components={asked.map((component) => ({ name: component.name, required: component.isRequired }))}
            entries={entries}
            presences={['file']}
            onChange={setEntries}
          />
        )}
        <Button onClick={send} loading={resume.isPending} w="fit-content">
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
