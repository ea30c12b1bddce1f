import { Alert, Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useProcedure } from '../../api/procedures';
import { OnlineBadge } from '../../components/online-badge';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { OnlineApplySection } from '../citizen/online-apply-section';
import { ComponentsTable } from './detail/components-table';
import { FeesTable } from './detail/fees-table';
import { ResultSection } from './detail/forms';
import { GeneralSection } from './detail/general-section';
import { DecisionSection, LegalBasisSection } from './detail/legal-section';
import { DemoDataNote, ReplacementNotice, UpcomingVersionNotice, VersionBanner } from './detail/notices';
import { PlacesSection } from './detail/places-section';
import { ProcessSection } from './detail/process-section';
import { MethodsSection, StepsSection, TextSection } from './detail/text-sections';
import { VersionHistory } from './detail/version-history';

const m = vi.procedureDetail;

export function ProcedureDetailPage() {
  const { code = '', versionNo } = useParams();
  const query = useProcedure(code, versionNo === undefined ? undefined : Number(versionNo));
  const procedure = query.data;
  usePageTitle(procedure?.name ?? code);

  if (isApiError(query.error, 404)) {
    return (
      <Alert color="orange" title={vi.common.notFound.title} role="alert">
        {m.notFound}
      </Alert>
    );
  }
  if (!procedure) return <QueryState query={query} />;

  return (
    <Stack gap="lg">
      <Box component="nav" aria-label={m.breadcrumb}>
        <Breadcrumbs>
          <Anchor component={Link} to="/">
            {vi.common.nav.home}
          </Anchor>
          <Anchor component={Link} to="/thu-tuc">
            {vi.common.nav.procedures}
          </Anchor>
          <Text span aria-current="page">
            {procedure.code}
          </Text>
        </Breadcrumbs>
      </Box>
      <VersionBanner procedure={procedure} />
      <UpcomingVersionNotice procedure={procedure} />
      <div>
        <Title order={1} mb="xs">
          {procedure.name}
        </Title>
        <Group gap="sm">
          <Text c="gray.8">
            {m.code}: <strong>{procedure.code}</strong>
          </Text>
          <Text c="gray.8">{m.version(procedure.versionNo)}</Text>
          <OnlineBadge level={procedure.onlineLevel} />
        </Group>
      </div>
      {procedure.status === 'in_force' && <OnlineApplySection code={procedure.code} onlineLevel={procedure.onlineLevel} />}
      <ReplacementNotice procedure={procedure} />
      <DemoDataNote fields={procedure.demoGenerated} />
      <GeneralSection procedure={procedure} />
      <PlacesSection places={procedure.receivingPlaces} />
      <MethodsSection procedure={procedure} />
      <StepsSection steps={procedure.steps} />
      <ComponentsTable components={procedure.components} dossierSets={procedure.dossierSets} version={procedure} />
      <FeesTable fees={procedure.fees} />
      <TextSection id="section-conditions" title={m.sections.conditions} text={procedure.conditions} />
      <ResultSection result={procedure.result} templates={procedure.resultTemplates} version={procedure} />
      <ProcessSection steps={procedure.processTemplate} />
      <LegalBasisSection documents={procedure.legalBasis} />
      <DecisionSection decision={procedure.decision} effectiveFrom={procedure.effectiveFrom} />
      <VersionHistory code={procedure.code} versions={procedure.versions} shownVersionNo={procedure.versionNo} />
    </Stack>
  );
}
