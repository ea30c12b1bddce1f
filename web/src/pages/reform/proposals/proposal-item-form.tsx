import { Grid, MultiSelect, NativeSelect, NumberInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { reformMeasures as MEASURES, timeUnits as TIME_UNITS } from '../../../../../src/contract/enums';
import { MAX_PROPOSAL_ITEM_TEXT, type Proposal, type ProposalItem } from '../../../../../src/contract/reform-proposals';
import { isApiError } from '../../../api/client';
import { useProcedureReform } from '../../../api/reform';
import { useSaveProposalItem } from '../../../api/reform-proposals';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { ErrorAlert, PageLoader } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { ActivitiesEditor } from '../shared/activities-editor';
import { FieldGroup, hintBelowInput } from '../shared/field-group';
import { FormFooter } from '../shared/form-footer';
import { LimitedTextarea } from '../shared/limited-textarea';
import { ServerErrors, useServerErrors } from '../shared/server-errors';
import { ItemCompare } from './item-compare';
import { type ItemFormValues, itemValidation, prefillFromProcedure, toItemInput, toItemValues } from './item-form-values';
import { ProcedureSelect } from './procedure-select';

const m = vi.reformProposals.itemForm;
const cost = vi.reformCost.form;
const measureOptions = MEASURES.map((measure) => ({ value: measure, label: vi.reformLabels.measures[measure] }));
const unitOptions = TIME_UNITS.map((unit) => ({ value: unit, label: vi.labels.timeUnitOptions[unit] }));
const money = { min: 0, allowDecimal: false, thousandSeparator: '.', decimalSeparator: ',' } as const;

interface ProposalItemFormProps {
  proposal: Proposal;
  /** The row to edit, or null to add a procedure. */
  item: ProposalItem | null;
  onDone: () => void;
  onReload: () => void;
}

/** Adds a procedure to a proposal or changes its row: measures, the proposed time and cost, the law to amend. */
export function ProposalItemForm({ proposal, item, onDone, onReload }: ProposalItemFormProps) {
  const save = useSaveProposalItem(proposal.id);
  const [isStale, setIsStale] = useState(false);
  const serverErrors = useServerErrors();
  const form = useForm<ItemFormValues>({ initialValues: toItemValues(item), validate: itemValidation });
  const values = form.values;
  const procedure = useProcedureReform(values.code ?? '');
  const prefilledCode = useRef<string | null>(item?.procedureCode ?? null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefills once per chosen procedure; the form object changes on every render
  useEffect(() => {
    const data = procedure.data;
    if (!data || prefilledCode.current === data.code) return;
    prefilledCode.current = data.code;
    form.setValues((current) => prefillFromProcedure(current as ItemFormValues, data));
  }, [procedure.data]);

  const handleSubmit = form.onSubmit((submitted) => {
    setIsStale(false);
    serverErrors.clear();
    save.mutate(toItemInput(submitted, proposal.version), {
      onSuccess: () => {
        notifySuccess(vi.reformProposals.itemSaved);
        onDone();
      },
      onError: (error) => {
        setIsStale(isApiError(error, 409));
        serverErrors.report(error);
        reportMutationError(form, error);
      },
    });
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <ProcedureSelect
          value={values.code}
          selectedLabel={values.codeLabel}
          disabled={item !== null}
          error={form.errors.code}
          onChange={(code, label) => form.setValues({ code, codeLabel: label })}
        />
        <MultiSelect
          label={m.measures}
          required
          data={measureOptions}
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('measures')}
        />
        <FieldGroup legend={m.timeHeading}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={m.timeAmount}
                required
                min={0}
                decimalScale={2}
                decimalSeparator=","
                {...form.getInputProps('timeAmount')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect label={m.timeUnit} data={unitOptions} {...form.getInputProps('timeUnit')} />
            </Grid.Col>
          </Grid>
        </FieldGroup>
        <FieldGroup legend={m.costHeading}>
          <Stack>
            <FieldGroup legend={cost.activities}>
              <ActivitiesEditor
                value={values.activities}
                onChange={(activities) => form.setFieldValue('activities', activities)}
                errors={form.errors}
              />
            </FieldGroup>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput label={cost.fees} {...money} {...form.getInputProps('feesVnd')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  label={cost.otherCosts}
                  description={cost.otherCostsHint}
                  {...hintBelowInput}
                  {...money}
                  {...form.getInputProps('otherCostsVnd')}
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </FieldGroup>
        <LimitedTextarea label={m.legalText} maxLength={MAX_PROPOSAL_ITEM_TEXT} {...form.getInputProps('legalText')} />
        <LimitedTextarea label={m.reason} required maxLength={MAX_PROPOSAL_ITEM_TEXT} {...form.getInputProps('reason')} />
        <section aria-labelledby="item-compare-heading">
          <Title order={3} size="h4" id="item-compare-heading" mb="xs">
            {m.compareCaption}
          </Title>
          {!values.code ? (
            <div>{m.choosePrompt}</div>
          ) : procedure.data ? (
            <ItemCompare values={values} item={item} procedure={procedure.data} />
          ) : procedure.isError ? (
            <ErrorAlert error={procedure.error} onRetry={() => void procedure.refetch()} />
          ) : (
            <PageLoader />
          )}
        </section>
        <FormFooter
          errors={<ServerErrors details={serverErrors.details} />}
          isStale={isStale}
          staleMessage={vi.reformProposals.stale}
          onReload={onReload}
          onDone={onDone}
          isPending={save.isPending}
        />
      </Stack>
    </form>
  );
}
