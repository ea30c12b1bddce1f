import { Stack, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCreateProcedure } from '../../../api/procedures';
import { notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { vi } from '../../../i18n/vi';
import { ProcedureEditForm } from './procedure-form';
import { toCreateRequest, toFormValues } from './procedure-form-values';

const m = vi.adminProcedures;

export function NewProcedurePage() {
  usePageTitle(m.newTitle);
  const createProcedure = useCreateProcedure();
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <Title order={1}>{m.newTitle}</Title>
      <ProcedureEditForm
        initialValues={toFormValues(null)}
        isNewProcedure
        knownUnits={[]}
        submitLabel={m.create}
        isSubmitting={createProcedure.isPending}
        onReload={() => window.location.reload()}
        onSubmit={async (values) => {
          const created = await createProcedure.mutateAsync(toCreateRequest(values));
          notifySuccess(m.created(created.code));
          void navigate(`/quan-tri/thu-tuc/${encodeURIComponent(created.code)}`);
        }}
      />
    </Stack>
  );
}
