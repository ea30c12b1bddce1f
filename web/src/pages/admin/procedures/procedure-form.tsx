import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { DecisionPreview, UnitRef } from '../../../../../src/contract/catalog';
import { type ApiErrorDetail, isApiError } from '../../../api/client';
import { reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { DecisionSummary } from '../decisions/decision-summary';
import { ComponentsEditor } from './editors/components-editor';
import { DecisionFields } from './editors/decision-fields';
import { FeesEditor } from './editors/fees-editor';
import { GeneralFields } from './editors/general-fields';
import { LegalBasisEditor } from './editors/legal-editor';
import { MethodsEditor, StepsEditor } from './editors/methods-steps-editors';
import { ProcessEditor } from './editors/process-editor';
import { DossierSetsField, ResultTemplatesEditor, RolesEditor } from './editors/record-editors';
import { TimeFields } from './editors/time-fields';
import { ErrorSummary } from './error-summary';
import type { ProcedureFormValues } from './procedure-form-values';

const m = vi.adminProcedures;
const required = (value: string) => (value.trim() ? null : vi.common.required);
const requiredNumber = (value: number | '') => (value === '' ? vi.common.required : null);

interface ProcedureEditFormProps {
  initialValues: ProcedureFormValues;
  isNewProcedure: boolean;
  /** Units the version already names, so they show by name even if the tree changed. */
  knownUnits: UnitRef[];
  submitLabel: string;
  isSubmitting: boolean;
  onSubmit: (values: ProcedureFormValues) => Promise<unknown>;
  /** When given, the submit button asks for the dry run and `onSubmit` runs only once its summary is confirmed. */
  onPreview?: (values: ProcedureFormValues) => Promise<DecisionPreview>;
  onReload: () => void;
  /** False when the form edits one item's content of a decision entered on its own page. */
  hasDecision?: boolean;
}

export function ProcedureEditForm(props: ProcedureEditFormProps) {
  const { initialValues, isNewProcedure, knownUnits, submitLabel, isSubmitting, onSubmit, onPreview, onReload, hasDecision = true } = props;
  const [serverErrors, setServerErrors] = useState<ApiErrorDetail[]>([]);
  const [isStale, setIsStale] = useState(false);
  const [preview, setPreview] = useState<{ values: ProcedureFormValues; result: DecisionPreview } | null>(null);
  const form = useForm<ProcedureFormValues>({
    initialValues,
    // A summary describes the values it was asked for: any change asks for a new one.
    onValuesChange: () => setPreview(null),
    validate: {
      code: (value) => (isNewProcedure ? required(value) : null),
      decision: hasDecision
        ? {
            number: required,
            date: required,
            signer: required,
            signerTitle: required,
            issuerName: required,
            type: required,
            effectiveDate: required,
          }
        : undefined,
      procedure: {
        name: required,
        field: required,
        processingTime: { amount: requiredNumber },
        components: { name: required },
        fees: { name: required },
        legalBasis: { number: required },
        processTemplate: { name: required, role: required, budget: { amount: requiredNumber } },
      },
    },
  });

  const run = async (action: () => Promise<unknown>) => {
    setServerErrors([]);
    setIsStale(false);
    try {
      await action();
    } catch (error) {
      setPreview(null);
      reportMutationError(form, error);
      const isOutdated = isApiError(error, 409) || (isApiError(error) && error.details.some((detail) => detail.path === 'baseVersionNo'));
      setIsStale(isOutdated && !isNewProcedure);
      if (isApiError(error)) setServerErrors(error.details);
    }
  };
  const handleSubmit = form.onSubmit(
    (values) =>
      run(async () => {
        if (onPreview) setPreview({ values, result: await onPreview(values) });
        else await onSubmit(values);
      }),
    reportInvalidForm,
  );
  const confirm = (values: ProcedureFormValues) =>
    run(async () => {
      await onSubmit(values);
      setPreview(null);
    });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="lg">
        <Section id="edit-general" title={m.sections.general}>
          {isNewProcedure && (
            <TextInput label={m.general.code} placeholder={m.general.codePlaceholder} required mb="md" {...form.getInputProps('code')} />
          )}
          <GeneralFields form={form} knownUnits={knownUnits} />
        </Section>
        <Section id="edit-roles" title={m.sections.roles}>
          <RolesEditor form={form} />
        </Section>
        <Section id="edit-time" title={m.sections.time}>
          <TimeFields form={form} />
        </Section>
        <Section id="edit-methods" title={m.sections.methods}>
          <MethodsEditor form={form} />
        </Section>
        <Section id="edit-steps" title={m.sections.steps}>
          <StepsEditor form={form} />
        </Section>
        <Section id="edit-components" title={m.sections.components}>
          <Stack gap="md">
            <ComponentsEditor form={form} />
            <DossierSetsField form={form} />
          </Stack>
        </Section>
        <Section id="edit-result-templates" title={m.sections.resultTemplates}>
          <ResultTemplatesEditor form={form} />
        </Section>
        <Section id="edit-fees" title={m.sections.fees}>
          <FeesEditor form={form} />
        </Section>
        <Section id="edit-process" title={m.sections.process}>
          <ProcessEditor form={form} />
        </Section>
        <Section id="edit-legal" title={m.sections.legal}>
          <LegalBasisEditor form={form} />
        </Section>
        {hasDecision && (
          <Section id="edit-decision" title={m.sections.decision}>
            <DecisionFields form={form} isNewProcedure={isNewProcedure} />
          </Section>
        )}
        <ErrorSummary details={serverErrors} isStale={isStale} onReload={onReload} />
        {preview ? (
          <DecisionSummary
            preview={preview.result}
            isConfirming={isSubmitting}
            onConfirm={() => void confirm(preview.values)}
            onBack={() => setPreview(null)}
          />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={isSubmitting}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
