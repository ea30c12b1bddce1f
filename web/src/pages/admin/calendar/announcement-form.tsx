import { Button, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { holidayGroups as HOLIDAY_GROUPS, type HolidayGroup } from '../../../../../src/contract/enums';
import { type AnnouncementInput, useAddAnnouncement } from '../../../api/calendar';
import { DateField } from '../../../components/date-fields';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const m = vi.calendar.announcement;
const kindOptions = (['day_off', 'working_day'] as const).map((kind) => ({ value: kind, label: m.kinds[kind] }));
const holidayOptions = [
  { value: '', label: m.replacesPlaceholder },
  ...HOLIDAY_GROUPS.map((group) => ({ value: group, label: vi.labels.holidayGroups[group] })),
];

export function AnnouncementForm() {
  const addAnnouncement = useAddAnnouncement();
  const form = useForm({
    initialValues: {
      date: '',
      kind: 'day_off' as AnnouncementInput['kind'],
      name: '',
      basis: '',
      replaces: '' as HolidayGroup | '',
    },
    validate: {
      date: (value) => (value ? null : vi.common.required),
      name: (value) => (value.trim() ? null : vi.common.required),
    },
  });

  const handleSubmit = form.onSubmit(
    (values) =>
      addAnnouncement.mutate(
        { ...values, name: values.name.trim(), basis: emptyToNull(values.basis), replaces: values.replaces || null },
        {
          onSuccess: () => {
            notifySuccess(m.added);
            form.reset();
          },
          onError: (error) => reportMutationError(form, error),
        },
      ),
    reportInvalidForm,
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 1, lg: 2 }}>
          <DateField label={m.date} required {...form.getInputProps('date')} />
          <NativeSelect label={m.kind} data={kindOptions} required {...form.getInputProps('kind')} />
        </SimpleGrid>
        <TextInput label={m.name} placeholder={m.namePlaceholder} required {...form.getInputProps('name')} />
        <TextInput label={m.basis} placeholder={m.basisPlaceholder} {...form.getInputProps('basis')} />
        <NativeSelect label={m.replaces} description={m.replacesHint} data={holidayOptions} {...form.getInputProps('replaces')} />
        <Button type="submit" loading={addAnnouncement.isPending} w="fit-content">
          {m.submit}
        </Button>
      </Stack>
    </form>
  );
}
