import { Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { IncomeRate } from '../../../../../src/contract/reform';
import { hasRole, useSession } from '../../../api/auth';
import { useIncomeRates, useSaveIncomeRate } from '../../../api/reform';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { QueryState } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { currentYearInVietnam, formatMoney, formatNumber } from '../../../lib/format';

const m = vi.reformCost.rates;
const required = (value: number | '') => (value === '' ? vi.common.required : null);

function RateForm({ rate, onDone }: { rate: IncomeRate | null; onDone: () => void }) {
  const save = useSaveIncomeRate();
  const form = useForm({
    initialValues: {
      year: (rate?.year ?? currentYearInVietnam()) as number | '',
      hourlyIncomeVnd: (rate?.hourlyIncomeVnd ?? '') as number | '',
      hoursPerDay: (rate?.hoursPerDay ?? 8) as number | '',
      source: rate?.source ?? '',
    },
    validate: { year: required, hourlyIncomeVnd: required, hoursPerDay: required },
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(
        {
          year: Number(values.year),
          hourlyIncomeVnd: Number(values.hourlyIncomeVnd),
          hoursPerDay: Number(values.hoursPerDay),
          source: emptyToNull(values.source),
        },
        {
          onSuccess: () => {
            notifySuccess(m.saved);
            onDone();
          },
          onError: (error) => reportMutationError(form, error),
        },
      ),
    reportInvalidForm,
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <NumberInput
          label={m.year}
          required
          disabled={rate !== null}
          min={2000}
          max={2100}
          allowDecimal={false}
          {...form.getInputProps('year')}
        />
        <NumberInput
          label={m.hourlyIncomeInput}
          required
          min={0}
          allowDecimal={false}
          thousandSeparator="."
          decimalSeparator=","
          {...form.getInputProps('hourlyIncomeVnd')}
        />
        <NumberInput label={m.hoursPerDay} required min={1} max={24} allowDecimal={false} {...form.getInputProps('hoursPerDay')} />
        <TextInput label={m.source} {...form.getInputProps('source')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {vi.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {vi.common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** null: no dialog; 'new': a new year; a rate: edit it. */
type Dialog = null | 'new' | IncomeRate;

/** Hourly income per year; administrators and procedure controllers may change it. */
export function IncomeRates() {
  const rates = useIncomeRates();
  const { data: session } = useSession();
  const canEdit = hasRole(session?.user, 'admin', 'procedure_controller');
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <Section id="income-rates-heading" title={m.heading}>
      <Stack gap="sm">
        <Text c="gray.8">{m.intro}</Text>
        {!rates.data ? (
          <QueryState query={rates} />
        ) : rates.data.length === 0 ? (
          <Text c="gray.7">{m.empty}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder striped>
              <Table.Caption>{m.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.year}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {m.hourlyIncome}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {m.hoursPerDay}
                  </Table.Th>
                  <Table.Th scope="col">{m.source}</Table.Th>
                  {canEdit && <Table.Th scope="col">{m.actions}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data.map((rate) => (
                  <Table.Tr key={rate.year}>
                    <Table.Th scope="row">{rate.year}</Table.Th>
                    <Table.Td ta="right">{formatMoney(rate.hourlyIncomeVnd)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(rate.hoursPerDay)}</Table.Td>
                    <Table.Td>{rate.source}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Button variant="subtle" size="xs" aria-label={m.editLabel(rate.year)} onClick={() => setDialog(rate)}>
                          {m.edit}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canEdit && (
          <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('new')}>
            {m.add}
          </Button>
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === null || dialog === 'new' ? m.addTitle : m.editTitle(dialog.year)}
      >
        {dialog !== null && (
          <RateForm key={dialog === 'new' ? 'new' : dialog.year} rate={dialog === 'new' ? null : dialog} onDone={() => setDialog(null)} />
        )}
      </Modal>
    </Section>
  );
}
