import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { timeUnits as TIME_UNITS, type TimeUnit } from '../../../../../src/contract/enums';
import { useComputeDueDate } from '../../../api/calendar';
import { DateTimeField } from '../../../components/date-fields';
import { notifyError, reportInvalidForm } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { formatVietnamDateTime, nowInVietnamLocal, vietnamLocalToIso } from '../../../lib/format';

const m = vi.calendar.due;
const unitOptions = TIME_UNITS.map((unit) => ({ value: unit, label: vi.labels.timeUnitOptions[unit] }));

export function DueDateTool() {
  const computeDue = useComputeDueDate();
  const form = useForm({
    initialValues: { from: nowInVietnamLocal(), amount: 10 as number | '', unit: 'working_days' as TimeUnit },
    validate: {
      from: (value) => (value ? null : vi.common.required),
      amount: (value) => (value === '' || value <= 0 ? vi.common.required : null),
    },
  });

  const handleSubmit = form.onSubmit(
    (values) =>
      computeDue.mutate(
        { from: vietnamLocalToIso(values.from), amount: Number(values.amount), unit: values.unit },
        { onError: notifyError },
      ),
    reportInvalidForm,
  );

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {m.hint}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeField label={m.from} required {...form.getInputProps('from')} style={{ gridColumn: '1 / -1' }} />
          <NumberInput label={m.amount} required min={0} decimalScale={2} decimalSeparator="," {...form.getInputProps('amount')} />
          <NativeSelect label={m.unit} data={unitOptions} {...form.getInputProps('unit')} />
        </SimpleGrid>
        <Button type="submit" loading={computeDue.isPending} w="fit-content">
          {m.submit}
        </Button>
        <Text aria-live="polite" size="lg">
          {computeDue.data && (
            <>
              {m.result}: <strong>{formatVietnamDateTime(computeDue.data.due)}</strong>
            </>
          )}
        </Text>
      </Stack>
    </form>
  );
}
