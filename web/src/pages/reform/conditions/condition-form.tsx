import { Autocomplete, Checkbox, Grid, NativeSelect, NumberInput, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  conditionActions as CONDITION_ACTIONS,
  conditionAssessments as CONDITION_ASSESSMENTS,
  conditionForms as CONDITION_FORMS,
  conditionSourceLevels as CONDITION_SOURCE_LEVELS,
  conditionStatuses as CONDITION_STATUSES,
} from '../../../../../src/contract/enums';
import type { Condition, ConditionContent } from '../../../../../src/contract/reform-conditions';
import { useSession } from '../../../api/auth';
import { isApiError } from '../../../api/client';
import { useFields } from '../../../api/procedures';
import { useCreateCondition, useUpdateCondition } from '../../../api/reform-conditions';
import { DateField } from '../../../components/date-fields';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';
import { FormFooter } from '../shared/form-footer';
import { ServerErrors, useServerErrors } from '../shared/server-errors';

const m = vi.reformConditions;
const labels = vi.reformLabels;
const options = <T extends string>(values: readonly T[], names: Record<T, string>) =>
  values.map((value) => ({ value, label: names[value] }));
const required = (value: string) => (value.trim() ? null : vi.common.required);

function toValues(condition: Condition | null, ownUnit: string | null) {
  return {
    unitId: condition?.unit.id ?? ownUnit,
    field: condition?.field ?? '',
    text: condition?.text ?? '',
    form: condition?.form ?? 'licence',
    sourceRegulation: condition?.sourceRegulation ?? '',
    sourceLevel: condition?.sourceLevel ?? 'central',
    abolishedByText: condition?.abolishedByText ?? '',
    isOutsideConditionalList: condition?.isOutsideConditionalList ?? false,
    procedureCodes: condition?.procedureCodes ?? [],
    complianceCostVnd: (condition?.complianceCostVnd ?? '') as number | '',
    assessment: condition?.assessment ?? 'necessary',
    proposedAction: condition?.proposedAction ?? 'keep',
    reason: condition?.reason ?? '',
    status: condition?.status ?? 'in_force',
    statusChangedOn: condition?.statusChangedOn ?? '',
  };
}

type ConditionValues = ReturnType<typeof toValues>;

function toContent(values: ConditionValues): ConditionContent {
  return {
    field: values.field.trim(),
    text: values.text.trim(),
    form: values.form,
    sourceRegulation: values.sourceRegulation.trim(),
    sourceLevel: values.sourceLevel,
    abolishedByText: values.sourceLevel === 'central' ? emptyToNull(values.abolishedByText) : null,
    isOutsideConditionalList: values.isOutsideConditionalList,
    procedureCodes: values.procedureCodes,
    complianceCostVnd: values.complianceCostVnd === '' ? null : values.complianceCostVnd,
    assessment: values.assessment,
    proposedAction: values.proposedAction,
    reason: emptyToNull(values.reason),
    status: values.status,
    statusChangedOn: values.statusChangedOn || null,
  };
}

interface ConditionFormProps {
  condition: Condition | null;
  onDone: () => void;
  onReload: () => void;
}

export function ConditionForm({ condition, onDone, onReload }: ConditionFormProps) {
  const { data: session } = useSession();
  const { data: fields = [] } = useFields();
  const create = useCreateCondition();
  const update = useUpdateCondition();
  const [isStale, setIsStale] = useState(false);
  const serverErrors = useServerErrors();
  const ownUnit = session?.user.roles.find((role) => role.unitId !== null)?.unitId ?? null;
  const form = useForm<ConditionValues>({
    initialValues: toValues(condition, ownUnit),
    validate: {
      unitId: (value) => (value ? null : vi.common.required),
      field: required,
      text: required,
      sourceRegulation: required,
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    setIsStale(false);
    serverErrors.clear();
    const callbacks = {
      onSuccess: () => {
        notifySuccess(condition ? m.updated : m.created);
        onDone();
      },
      onError: (error: unknown) => {
        setIsStale(isApiError(error, 409));
        serverErrors.report(error);
        reportMutationError(form, error);
      },
    };
    if (condition) update.mutate({ ...toContent(values), id: condition.id, version: condition.version }, callbacks);
    else create.mutate({ ...toContent(values), unitId: values.unitId ?? '' }, callbacks);
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <UnitSelect
              label={m.form.unit}
              required
              disabled={condition !== null}
              value={form.values.unitId}
              error={form.errors.unitId}
              onChange={(value) => form.setFieldValue('unitId', value)}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Autocomplete
              label={m.form.field}
              required
              data={fields.map((field) => field.name)}
              limit={20}
              {...form.getInputProps('field')}
            />
          </Grid.Col>
        </Grid>
        <Textarea label={m.form.text} required autosize minRows={2} {...form.getInputProps('text')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect label={m.form.form} data={options(CONDITION_FORMS, labels.conditionForms)} {...form.getInputProps('form')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={m.form.sourceRegulation} required {...form.getInputProps('sourceRegulation')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={m.form.sourceLevel}
              data={options(CONDITION_SOURCE_LEVELS, labels.conditionSourceLevels)}
              {...form.getInputProps('sourceLevel')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Checkbox
              mt={{ sm: 'xl' }}
              label={m.form.isOutsideConditionalList}
              {...form.getInputProps('isOutsideConditionalList', { type: 'checkbox' })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TagsInput label={m.form.procedureCodes} description={m.form.procedureCodesHint} {...form.getInputProps('procedureCodes')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={m.form.complianceCost}
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              {...form.getInputProps('complianceCostVnd')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={m.form.assessment}
              data={options(CONDITION_ASSESSMENTS, labels.conditionAssessments)}
              {...form.getInputProps('assessment')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={m.form.proposedAction}
              data={options(CONDITION_ACTIONS, labels.conditionActions)}
              {...form.getInputProps('proposedAction')}
            />
          </Grid.Col>
        </Grid>
        <Textarea label={m.form.reason} autosize minRows={2} {...form.getInputProps('reason')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={m.form.status}
              data={options(CONDITION_STATUSES, labels.conditionStatuses)}
              {...form.getInputProps('status')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label={m.form.statusChangedOn} {...form.getInputProps('statusChangedOn')} />
          </Grid.Col>
          {form.values.sourceLevel === 'central' && (
            <Grid.Col span={12}>
              <TextInput
                label={m.form.abolishedByText}
                description={m.form.abolishedByTextHint}
                {...form.getInputProps('abolishedByText')}
              />
            </Grid.Col>
          )}
        </Grid>
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
