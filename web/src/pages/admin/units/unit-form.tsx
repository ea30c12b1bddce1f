import { Button, Checkbox, Group, NativeSelect, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { unitTypes as UNIT_TYPES, type UnitType } from '../../../../../src/contract/enums';
import type { Unit } from '../../../../../src/contract/org';
import { type UnitInput, useCreateUnit, useUpdateUnit } from '../../../api/units';
import { DateField } from '../../../components/date-fields';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { todayInVietnam } from '../../../lib/format';
import { subtreeIds } from './unit-tree-data';

const m = vi.units;
const typeOptions = [
  { value: '', label: vi.common.choose },
  ...UNIT_TYPES.map((type) => ({ value: type, label: vi.labels.unitTypes[type] })),
];

interface UnitFormProps {
  /** The unit to edit, or null to create one under `parentId`. */
  unit: Unit | null;
  parentId: string | null;
  units: Unit[];
  onSaved: (unit: Unit) => void;
  onCancel: () => void;
}

function toValues(unit: Unit | null, parentId: string | null) {
  return {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    type: (unit?.type ?? '') as UnitType | '',
    parentId: unit ? unit.parentId : parentId,
    validFrom: unit?.validFrom ?? todayInVietnam(),
    validTo: unit?.validTo ?? '',
    successorId: unit?.successorId ?? null,
    address: unit?.address ?? '',
    phone: unit?.phone ?? '',
    email: unit?.email ?? '',
    openingHours: unit?.openingHours ?? '',
    isOffice: unit?.isOffice ?? false,
  };
}

export function UnitForm({ unit, parentId, units, onSaved, onCancel }: UnitFormProps) {
  const createUnit = useCreateUnit();
  const updateUnit = useUpdateUnit();
  const form = useForm({
    initialValues: toValues(unit, parentId),
    validate: {
      code: (value) => (value.trim() ? null : vi.common.required),
      name: (value) => (value.trim() ? null : vi.common.required),
      type: (value) => (value ? null : vi.common.required),
      validFrom: (value) => (value ? null : vi.common.required),
    },
  });
  const excluded = unit ? subtreeIds(units, unit.id) : new Set<string>();
  const unitOptions = (exclude: Set<string>) =>
    units
      .filter((candidate) => !exclude.has(candidate.id))
      .map((candidate) => ({
        value: candidate.id,
        label: `${candidate.name} (${candidate.code})`,
      }));

  const handleSubmit = form.onSubmit((values) => {
    const input: UnitInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      shortName: emptyToNull(values.shortName),
      type: values.type as UnitType,
      parentId: values.parentId,
      validFrom: values.validFrom,
      validTo: emptyToNull(values.validTo),
      successorId: values.successorId,
      address: emptyToNull(values.address),
      phone: emptyToNull(values.phone),
      email: emptyToNull(values.email),
      openingHours: emptyToNull(values.openingHours),
      isOffice: values.isOffice,
    };
    const options = {
      onSuccess: (saved: Unit) => {
        notifySuccess(unit ? m.updated : m.created);
        onSaved(saved);
      },
      onError: (error: unknown) => reportMutationError(form, error),
    };
    if (unit) updateUnit.mutate({ ...input, id: unit.id, version: unit.version }, options);
    else createUnit.mutate(input, options);
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="unit-form-title">
      <Stack>
        <Title order={2} size="h3" id="unit-form-title">
          {unit ? m.editTitle(unit.name) : m.newTitle}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label={m.code} description={m.codeHint} required {...form.getInputProps('code')} />
          <NativeSelect label={m.type} data={typeOptions} required {...form.getInputProps('type')} />
        </SimpleGrid>
        <TextInput label={m.name} required {...form.getInputProps('name')} />
        <TextInput label={m.shortName} {...form.getInputProps('shortName')} />
        <Select
          label={m.parent}
          placeholder={m.parentPlaceholder}
          data={unitOptions(excluded)}
          searchable
          clearable
          {...form.getInputProps('parentId')}
        />
        <Checkbox
          label={m.isOffice}
          description={m.isOfficeHint}
          disabled={!form.values.parentId}
          {...form.getInputProps('isOffice', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={m.validFrom} required {...form.getInputProps('validFrom')} />
          <DateField label={m.validTo} {...form.getInputProps('validTo')} />
        </SimpleGrid>
        <Select
          label={m.successor}
          description={m.successorHint}
          data={unitOptions(unit ? new Set([unit.id]) : new Set())}
          searchable
          clearable
          {...form.getInputProps('successorId')}
        />
        <TextInput label={m.address} {...form.getInputProps('address')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={m.phone} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={m.email} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <TextInput label={m.openingHours} description={m.openingHoursHint} {...form.getInputProps('openingHours')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {vi.common.cancel}
          </Button>
          <Button type="submit" loading={createUnit.isPending || updateUnit.isPending}>
            {vi.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
