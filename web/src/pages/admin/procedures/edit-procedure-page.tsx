import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCreateDecision, usePreviewDecision } from '../../../api/decisions';
import { useProcedure } from '../../../api/procedures';
import { notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { toDecisionRequest, toFormError } from './decision-request';
import { ProcedureFlagsPanel } from './procedure-flags-panel';
import { ProcedureEditForm } from './procedure-form';
import { toFormValues } from './procedure-form-values';
import { ProcessApprovals } from './process-approvals';

const m = vi.adminProcedures;

/** Edits start from the newest published version, which may not be in force yet. */
function useLatestVersion(code: string) {
  const current = useProcedure(code);
  const latestNo = current.data?.latestVersionNo;
  const isLatestInForce = current.data !== undefined && latestNo === current.data.versionNo;
  const latest = useProcedure(code, isLatestInForce ? undefined : latestNo);
  return current.data && !isLatestInForce ? latest : current;
}

export function EditProcedurePage() {
  const { code = '' } = useParams();
  usePageTitle(m.editTitle(code));
  const base = useLatestVersion(code);
  const previewDecision = usePreviewDecision();
  const createDecision = useCreateDecision();

  if (!base.data) return <QueryState query={base} />;
  const procedure = base.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{m.editTitle(procedure.code)}</Title>
        <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}>
          {m.viewPublic}
        </Anchor>
      </Group>
      <Alert color="blue" role="note">
        {procedure.status === 'scheduled' ? m.basedOnScheduled(procedure.versionNo) : m.basedOn(procedure.versionNo)}
      </Alert>
      <ProcedureFlagsPanel code={procedure.code} />
      <ProcedureEditForm
        key={`${procedure.code}-${procedure.latestVersionNo}`}
        initialValues={toFormValues(procedure)}
        isNewProcedure={false}
        knownUnits={[...procedure.handlingUnits, ...procedure.receivingUnits]}
        submitLabel={m.preview}
        isSubmitting={previewDecision.isPending || createDecision.isPending}
        onReload={() => void base.refetch()}
        onPreview={(values) =>
          previewDecision.mutateAsync(toDecisionRequest(values, procedure.latestVersionNo)).catch((error: unknown) => {
            throw toFormError(error);
          })
        }
        onSubmit={async (values) => {
          const record = await createDecision.mutateAsync(toDecisionRequest(values, procedure.latestVersionNo)).catch((error: unknown) => {
            throw toFormError(error);
          });
          notifySuccess(m.published(record.items[0]?.versionNo ?? procedure.latestVersionNo + 1));
          window.scrollTo({ top: 0 });
        }}
      />
      <ProcessApprovals procedure={procedure} />
    </Stack>
  );
}
