import { Button, Grid, Group, NativeSelect, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { IncomeRate, Worksheet } from '../../../../../src/contract/reform';
import { isApiError } from '../../../api/client';
import { useIncomeRates, useProcedureMeasures, useSaveWorksheet } from '../../../api/reform';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { formatDate, formatMoney, formatNumber } from '../../../lib/format';
import { ActivitiesEditor } from '../shared/activities-editor';
import { CostPreview } from '../shared/cost-preview';
import {
  type ActivityValue,
  activityValidation,
  emptyActivity,
  type NumberField,
  requiredNumber,
  toActivities,
  toActivityValues,
  toCostInput,
} from '../shared/cost-values';
import { FieldGroup, hintBelowInput } from '../shared/field-group';
import { ServerErrors, useServerErrors } from '../shared/server-errors';
import { StaleAlert } from '../shared/stale-alert';

const m = vi.reformCost.form;

interface WorksheetValues {
  activities: ActivityValue[];
  feesVnd: NumberField;
  otherCostsVnd: NumberField;
  timesPerYear: NumberField;
  subjectsSource: 'entered' | 'measured';
  subjectsPerYear: NumberField;
  incomeYear: string;
  note: string;
}

function toValues(worksheet: Worksheet | null, rates: IncomeRate[]): WorksheetValues {
  return {
    activities: worksheet ? toActivityValues(worksheet.activities) : [emptyActivity()],
    feesVnd: worksheet?.feesVnd ?? 0,
    otherCostsVnd: worksheet?.otherCostsVnd ?? 0,
    timesPerYear: worksheet?.timesPerYear ?? 1,
    subjectsSource: worksheet?.subjectsSource === 'measured' ? 'measured' : 'entered',
    // A measured figure stays in the entered field too, as a starting point if the user switches to entering it.
    subjectsPerYear: worksheet?.subjectsPerYear ?? '',
    incomeYear: String(worksheet?.incomeYear ?? rates[0]?.year ?? ''),
    note: worksheet?.note ?? '',
  };
}

interface WorksheetFormProps {
  code: string;
  versionNo: number;
  worksheet: Worksheet | null;
  onDone: () => void;
  onReload: () => void;
}

/** Edits the compliance-cost worksheet of one procedure version, with the server's computation alongside. */
export function WorksheetForm({ code, versionNo, worksheet, onDone, onReload }: WorksheetFormProps) {
  const { data: rates = [] } = useIncomeRates();
  const save = useSaveWorksheet(code, versionNo);
  const [isStale, setIsStale] = useState(false);
  const serverErrors = useServerErrors();
  const form = useForm<WorksheetValues>({
    initialValues: toValues(worksheet, rates),
    validate: {
      activities: activityValidation,
      timesPerYear: requiredNumber,
      subjectsPerYear: (value, all) => (all.subjectsSource === 'entered' ? requiredNumber(value) : null),
      incomeYear: (value) => (value ? null : vi.common.required),
    },
  });
  const values = form.values;
  const measures = useProcedureMeasures(code);
  const received = measures.data?.received;
  const isMeasured = values.subjectsSource === 'measured';
  // The preview counts what saving would store: the applicants measured now, or the figure entered.
  const subjects: NumberField = isMeasured ? (received?.applicants ?? '') : values.subjectsPerYear;
  const newestYear = rates[0]?.year;
  // A new worksheet takes the newest income rate once the rates have loaded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the rates arrive, not on every keystroke in the form
  useEffect(() => {
    if (newestYear !== undefined && form.values.incomeYear === '') form.setFieldValue('incomeYear', String(newestYear));
  }, [newestYear]);
  const rate = rates.find((item) => String(item.year) === values.incomeYear);
  const hourlyIncome = rate?.hourlyIncomeVnd ?? worksheet?.hourlyIncomeVnd ?? '';
  const yearOptions = [
    ...(values.incomeYear === '' ? [{ value: '', label: vi.common.choose }] : []),
    ...rates.map((item) => ({ value: String(item.year), label: m.incomeYearOption(item.year, formatMoney(item.hourlyIncomeVnd)) })),
  ];

  const handleSubmit = form.onSubmit((submitted) => {
    setIsStale(false);
    serverErrors.clear();
    save.mutate(
      {
        activities: toActivities(submitted.activities) ?? [],
        feesVnd: submitted.feesVnd || 0,
        otherCostsVnd: submitted.otherCostsVnd || 0,
        timesPerYear: Number(submitted.timesPerYear),
        ...(submitted.subjectsSource === 'measured'
          ? { subjectsSource: 'measured' as const }
          : { subjectsSource: 'entered' as const, subjectsPerYear: Number(submitted.subjectsPerYear) }),
        incomeYear: Number(submitted.incomeYear),
        note: emptyToNull(submitted.note),
        ...(worksheet ? { version: worksheet.version } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(vi.reformProcedure.saved);
          onDone();
        },
        onError: (error) => {
          setIsStale(isApiError(error, 409));
          serverErrors.report(error);
          reportMutationError(form, error);
        },
      },
    );
  }, reportInvalidForm);

  const money = { min: 0, allowDecimal: false, thousandSeparator: '.', decimalSeparator: ',' } as const;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <FieldGroup legend={m.activities}>
          <ActivitiesEditor
            value={values.activities}
            onChange={(activities) => form.setFieldValue('activities', activities)}
            errors={form.errors}
          />
        </FieldGroup>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput label={m.fees} {...money} {...form.getInputProps('feesVnd')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={m.otherCosts}
              description={m.otherCostsHint}
              {...hintBelowInput}
              {...money}
              {...form.getInputProps('otherCostsVnd')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={m.timesPerYear}
              required
              min={0}
              decimalScale={2}
              decimalSeparator=","
              {...form.getInputProps('timesPerYear')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={m.subjectsPerYear}
              required={!isMeasured}
              disabled={isMeasured}
              {...money}
              {...form.getInputProps('subjectsPerYear')}
              {...(isMeasured ? { value: subjects } : {})}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect label={m.incomeYear} required data={yearOptions} {...form.getInputProps('incomeYear')} />
          </Grid.Col>
        </Grid>
        <Radio.Group label={m.subjectsSource} {...form.getInputProps('subjectsSource')}>
          <Stack gap="xs" mt={4}>
            <Radio value="entered" label={m.subjectsEntered} />
            <Radio
              value="measured"
              disabled={!received}
              label={
                received
                  ? m.subjectsMeasured(formatNumber(received.applicants), formatNumber(received.dossiers))
                  : measures.isError
                    ? m.subjectsMeasuredFailed
                    : m.subjectsMeasuredLoading
              }
            />
          </Stack>
        </Radio.Group>
        {isMeasured && measures.data && (
          <Text size="sm" c="gray.7">
            {m.subjectsMeasuredHint(formatDate(measures.data.period.from), formatDate(measures.data.period.to))}
          </Text>
        )}
        <Textarea label={m.note} autosize minRows={2} {...form.getInputProps('note')} />
        <CostPreview
          input={toCostInput({
            hourlyIncome,
            activities: values.activities,
            fees: values.feesVnd,
            otherCosts: values.otherCostsVnd,
            timesPerYear: values.timesPerYear,
            subjectsPerYear: subjects,
          })}
        />
        <ServerErrors details={serverErrors.details} />
        {isStale && <StaleAlert message={vi.reformProcedure.stale} onReload={onReload} />}
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
