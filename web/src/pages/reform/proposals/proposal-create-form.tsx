import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { reformYears as REFORM_YEARS } from '../../../../../src/contract/enums';
import { useSession } from '../../../api/auth';
import { useCreateProposal } from '../../../api/reform-proposals';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { defaultReformYear, proposalPath } from '../shared/reform-params';
import { ServerErrors, useServerErrors } from '../shared/server-errors';

const m = vi.reformProposals;
const yearOptions = REFORM_YEARS.map((year) => String(year));

/** A new draft proposal for a unit and a year; items are added on its own page. */
export function ProposalCreateForm({ unitId, onCancel }: { unitId: string | null; onCancel: () => void }) {
  const navigate = useNavigate();
  const create = useCreateProposal();
  const serverErrors = useServerErrors();
  const { data: session } = useSession();
  const ownUnit = session?.user.roles.find((role) => role.unitId !== null)?.unitId ?? null;
  const form = useForm({
    initialValues: { unitId: unitId ?? ownUnit, year: String(defaultReformYear()), title: '' },
    validate: {
      unitId: (value) => (value ? null : vi.common.required),
      title: (value) => (value.trim() ? null : vi.common.required),
    },
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      create.mutate(
        { unitId: values.unitId ?? '', year: Number(values.year), title: values.title.trim() },
        {
          onSuccess: (proposal) => {
            notifySuccess(m.created);
            void navigate(proposalPath(proposal.id));
          },
          onError: (error) => {
            serverErrors.report(error);
            reportMutationError(form, error);
          },
        },
      ),
    reportInvalidForm,
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <UnitSelect
          label={m.unit}
          required
          placeholder={vi.reformTargets.unitPlaceholder}
          value={form.values.unitId}
          error={form.errors.unitId}
          onChange={(value) => form.setFieldValue('unitId', value)}
          comboboxProps={{ withinPortal: true }}
        />
        <NativeSelect label={m.year} required data={yearOptions} {...form.getInputProps('year')} />
        <TextInput label={m.titleInput} placeholder={m.titlePlaceholder} required {...form.getInputProps('title')} />
        <ServerErrors details={serverErrors.details} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {vi.common.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {m.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
