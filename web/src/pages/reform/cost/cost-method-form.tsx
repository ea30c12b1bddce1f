import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hasRole, useSession } from '../../../api/auth';
import { useCostMethod, useSaveCostMethod } from '../../../api/reform';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { CostMethodNote } from '../shared/cost-method-note';

const m = vi.reformCost.method;

/** The cost method setting: read by everyone, changed by those who set income rates and targets. */
export function CostMethodSettings() {
  const { data: session } = useSession();
  const method = useCostMethod();
  const canEdit = hasRole(session?.user, 'admin', 'procedure_controller');
  if (!method.data) return <QueryState query={method} />;
  return (
    <Stack gap="sm">
      <CostMethodNote method={method.data} withLink={false} />
      {canEdit && <WaitingShareForm share={method.data.waitingIncomeShare} />}
    </Stack>
  );
}

function WaitingShareForm({ share }: { share: number }) {
  const save = useSaveCostMethod();
  const form = useForm({
    initialValues: { percent: Math.round(share * 100) as number | '' },
    validate: { percent: (value) => (value === '' || value < 0 || value > 100 ? m.percentRange : null) },
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(
        { waitingIncomeShare: Number(values.percent) / 100 },
        { onSuccess: () => notifySuccess(m.saved), onError: (error) => reportMutationError(form, error) },
      ),
    reportInvalidForm,
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Group align="flex-end">
        <NumberInput
          label={m.waitingShare}
          description={m.waitingShareHint}
          min={0}
          max={100}
          allowDecimal={false}
          suffix=" %"
          w={{ base: '100%', sm: 360 }}
          {...form.getInputProps('percent')}
        />
        <Button type="submit" loading={save.isPending}>
          {vi.common.save}
        </Button>
      </Group>
    </form>
  );
}
