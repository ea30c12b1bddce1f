import { Stack, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCreateDecision, usePreviewDecision } from '../../../api/decisions';
import { notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { vi } from '../../../i18n/vi';
import { toDecisionRequest, toFormError } from './decision-request';
import { ProcedureEditForm } from './procedure-form';
import { toFormValues } from './procedure-form-values';

const m = vi.adminProcedures;

export function NewProcedurePage() {
  usePageTitle(m.newTitle);
  const previewDecision = usePreviewDecision();
  const createDecision = useCreateDecision();
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <Title order={1}>{m.newTitle}</Title>
      <ProcedureEditForm
        initialValues={toFormValues(null)}
        isNewProcedure
        knownUnits={[]}
        submitLabel={m.preview}
        isSubmitting={previewDecision.isPending || createDecision.isPending}
        onReload={() => window.location.reload()}
        onPreview={(values) =>
          previewDecision.mutateAsync(toDecisionRequest(values, null)).catch((error: unknown) => {
            throw toFormError(error);
          })
        }
        onSubmit={async (values) => {
          const record = await createDecision.mutateAsync(toDecisionRequest(values, null)).catch((error: unknown) => {
            throw toFormError(error);
          });
          const code = record.items[0]?.code ?? values.code.trim();
          notifySuccess(m.created(code));
          void navigate(`/quan-tri/thu-tuc/${encodeURIComponent(code)}`);
        }}
      />
    </Stack>
  );
}
