import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Regime } from '../../../../../src/contract/reform-regimes';
import { useSession } from '../../../api/auth';
import { isApiError } from '../../../api/client';
import { useCreateRegime, useDeleteRegime, useUpdateRegime } from '../../../api/reform-regimes';
import { emptyToNull, notifyError, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { FormFooter } from '../shared/form-footer';
import { ServerErrors, useServerErrors } from '../shared/server-errors';

const m = vi.reformRegimes;

function toValues(regime: Regime | null, ownUnit: string | null) {
  return {
    unitId: regime?.unit.id ?? ownUnit,
    name: regime?.name ?? '',
    legalBasis: regime?.legalBasis ?? '',
    isElectronic: regime?.isElectronic ?? false,
  };
}

type RegimeValues = ReturnType<typeof toValues>;

interface RegimeFormProps {
  regime: Regime | null;
  onDone: () => void;
  onReload: () => void;
}

/** Adds a reporting regime, or changes one (its unit too: the server checks the actor holds a role over both). */
export function RegimeForm({ regime, onDone, onReload }: RegimeFormProps) {
  const { data: session } = useSession();
  const create = useCreateRegime();
  const update = useUpdateRegime();
  const [isStale, setIsStale] = useState(false);
  const serverErrors = useServerErrors();
  const ownUnit = session?.user.roles.find((role) => role.unitId !== null)?.unitId ?? null;
  const form = useForm<RegimeValues>({
    initialValues: toValues(regime, ownUnit),
    validate: {
      unitId: (value) => (value ? null : vi.common.required),
      name: (value) => (value.trim() ? null : vi.common.required),
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    setIsStale(false);
    serverErrors.clear();
    const content = { name: values.name.trim(), legalBasis: emptyToNull(values.legalBasis), isElectronic: values.isElectronic };
    const callbacks = {
      onSuccess: () => {
        notifySuccess(regime ? m.updated : m.created);
        onDone();
      },
      onError: (error: unknown) => {
        setIsStale(isApiError(error, 409));
        serverErrors.report(error);
        reportMutationError(form, error);
      },
    };
    const unitId = values.unitId ?? '';
    if (regime) update.mutate({ ...content, unitId, id: regime.id, version: regime.version }, callbacks);
    else create.mutate({ ...content, unitId }, callbacks);
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <UnitSelect
          label={m.form.unit}
          required
          value={form.values.unitId}
          error={form.errors.unitId}
          onChange={(value) => form.setFieldValue('unitId', value)}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={m.form.name} required maxLength={500} {...form.getInputProps('name')} />
        <TextInput label={m.form.legalBasis} maxLength={500} {...form.getInputProps('legalBasis')} />
        <Checkbox label={m.form.isElectronic} {...form.getInputProps('isElectronic', { type: 'checkbox' })} />
        <FormFooter
          errors={<ServerErrors details={serverErrors.details} />}
          isStale={isStale}
          staleMessage={m.stale}
          onReload={onReload}
          onDone={onDone}
          isPending={create.isPending || update.isPending}
        />
      </Stack>
    </form>
  );
}

/** Asks before a regime leaves the inventory; a stale version (someone changed it meanwhile) offers a reload. */
export function DeleteRegime({ regime, onDone, onReload }: { regime: Regime; onDone: () => void; onReload: () => void }) {
  const remove = useDeleteRegime();
  const [isStale, setIsStale] = useState(false);
  const confirm = () =>
    remove.mutate(
      { id: regime.id, version: regime.version },
      {
        onSuccess: () => {
          notifySuccess(m.removed);
          onDone();
        },
        onError: (error) => {
          setIsStale(isApiError(error, 409));
          notifyError(error);
        },
      },
    );
  return (
    <Stack>
      <Text>{m.removeConfirm(regime.name)}</Text>
      <FormFooter
        isStale={isStale}
        staleMessage={m.stale}
        onReload={onReload}
        onDone={onDone}
        isPending={remove.isPending}
        label={m.remove}
        onConfirm={confirm}
        buttonProps={{ color: 'red.8' }}
      />
    </Stack>
  );
}
