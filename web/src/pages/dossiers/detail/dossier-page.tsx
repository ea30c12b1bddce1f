import { Alert, Anchor, Grid, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { dossierFileUrl, useDossier } from '../../../api/dossiers';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { ActionPanel } from './action-panel';
import { DossierFilesSection } from './dossier-files';
import { FormsSection } from './dossier-forms';
import { ConsultationsSection, StepsSection, TimelineSection } from './dossier-history';
import { ApplicantSection, DossierFacts, DossierHeader } from './dossier-summary';

const m = vi.dossiers.detail;

/** The dossier as its handlers see it: what it is, where it stands, what happened, and what they may do now. */
export function DossierPage() {
  const { id = '' } = useParams();
  const query = useDossier(id);
  const dossier = query.data;
  usePageTitle(dossier ? m.title(dossier.code) : vi.dossiers.inbox.title);
  if (!dossier) {
    return (
      <Stack gap="md">
        <Title order={1}>{vi.dossiers.inbox.title}</Title>
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
      <Anchor component={Link} to="/can-bo/ho-so" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {m.back}
      </Anchor>
      <DossierHeader dossier={dossier} />
      <Paper withBorder p="md" radius="md">
        <DossierFacts dossier={dossier} />
      </Paper>
      <ActionPanel dossier={dossier} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ApplicantSection dossier={dossier} />
            {/* Where the dossier stands before what it holds: a handler looks at the steps first. */}
            <StepsSection dossier={dossier} />
            <ConsultationsSection dossier={dossier} />
            <DossierFilesSection dossier={dossier} fileUrl={(fileId) => dossierFileUrl(dossier.id, fileId)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <FormsSection dossier={dossier} />
            <TimelineSection dossier={dossier} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
