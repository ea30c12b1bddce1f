import { Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type KeyboardEvent, useState } from 'react';
import { type DossierView, type ReceiveDossierRequest, useReceiveDossier } from '../../../api/dossiers';
import { useProcedure } from '../../../api/procedures';
import { emptyToNull, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { ApplicantFields, type ApplicantValues, emptyApplicant, toApplicant, validateApplicant } from '../shared/applicant-fields';
import { ComponentChecklist, type ComponentEntry, hasMissingRequired, newEntries, toIntakeComponents } from '../shared/component-checklist';
import { IntakeResult } from './intake-result';
import { ProcedurePicker } from './procedure-picker';

const m = vi.dossiers.intake;
type Decision = 'accept' | 'request_supplement' | 'refuse';
const DESK_PRESENCES = ['file', 'paper', 'reused', 'missing'] as const;

type IntakeValues = {
  handlingUnitCode: string;
  channel: 'direct' | 'postal';
  applicant: ApplicantValues;
  requestSummary: string;
  decision: Decision;
  comment: string;
  reason: string;
  items: string;
};

const initialValues: IntakeValues = {
  handlingUnitCode: '',
  channel: 'direct',
  applicant: emptyApplicant,
  requestSummary: '',
  decision: 'accept',
  comment: '',
  reason: '',
  items: '',
};

function toDecision(values: IntakeValues): ReceiveDossierRequest['decision'] {
  if (values.decision === 'accept') return { action: 'accept', comment: emptyToNull(values.comment) };
  if (values.decision === 'refuse') return { action: 'refuse', reason: values.reason.trim() };
  const items = values.items
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { action: 'request_supplement', reason: values.reason.trim(), items };
}

function IntakeForm({
  procedureCode,
  onChangeProcedure,
  onReceived,
}: {
  procedureCode: string;
  onChangeProcedure: () => void;
  onReceived: (dossier: DossierView) => void;
}) {
  const procedure = useProcedure(procedureCode);
  const receive = useReceiveDossier();
  const components = procedure.data?.components ?? [];
  const [entries, setEntries] = useState<ComponentEntry[]>([]);
  const form = useForm<IntakeValues>({
    initialValues,
    validate: (values) => ({
      ...validateApplicant(values.applicant),
      ...(values.decision !== 'accept' && !values.reason.trim() ? { reason: vi.common.required } : {}),
      ...((procedure.data?.handlingUnits.length ?? 0) > 1 && !values.handlingUnitCode ? { handlingUnitCode: vi.common.required } : {}),
    }),
  });
  if (!procedure.data) return <QueryState query={procedure} />;
  const current = entries.length === components.length ? entries : newEntries(components);
  const isMissing = hasMissingRequired(components, current);
  const decision = form.getValues().decision;

  const handleSubmit = form.onSubmit((values) => {
    const body: ReceiveDossierRequest = {
      procedureCode,
      handlingUnitCode: emptyToNull(values.handlingUnitCode),
      channel: values.channel,
      applicant: toApplicant(values.applicant),
      requestSummary: emptyToNull(values.requestSummary),
      components: toIntakeComponents(current),
      decision: toDecision(values),
    };
    receive.mutate(body, { onSuccess: onReceived, onError: (error) => reportMutationError(form, error) });
  }, reportInvalidForm);
  const submitOnCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
  const units = procedure.data.handlingUnits;

  return (
    <form onSubmit={handleSubmit} onKeyDown={submitOnCtrlEnter} noValidate>
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="gray.7">
            {m.chosenProcedure}
          </Text>
          <Text fw={600}>{procedure.data.name}</Text>
          <Text size="xs" c="gray.7">
            {vi.procedureList.code}: {procedureCode}
          </Text>
          <Group gap="sm" mt="sm" wrap="wrap" align="flex-end">
            {units.length > 1 && (
              <NativeSelect
                label={m.handlingUnit}
                required
                data={[{ value: '', label: '' }, ...units.map((unit) => ({ value: unit.code, label: unit.name }))]}
                {...form.getInputProps('handlingUnitCode')}
              />
            )}
            <NativeSelect
              label={m.channel}
              data={[
                { value: 'direct', label: vi.labels.channels.direct },
                { value: 'postal', label: vi.labels.channels.postal },
              ]}
              {...form.getInputProps('channel')}
            />
            <Button variant="subtle" onClick={onChangeProcedure}>
              {m.changeProcedure}
            </Button>
          </Group>
        </Paper>
        <Section id="intake-applicant" title={m.applicantHeading}>
          <ApplicantFields form={form} />
          <Textarea mt="sm" label={vi.dossiers.applicant.requestSummary} autosize minRows={1} {...form.getInputProps('requestSummary')} />
        </Section>
        <Section id="intake-components" title={m.componentsHeading}>
          <ComponentChecklist components={components} entries={current} presences={DESK_PRESENCES} onChange={setEntries} />
        </Section>
        <Section id="intake-decision" title={m.decisionHeading}>
          <Radio.Group label={m.decision} {...form.getInputProps('decision')}>
            <Group gap="md" mt={6} wrap="wrap">
              {(['accept', 'request_supplement', 'refuse'] as const).map((value) => (
                <Radio key={value} value={value} label={m.decisions[value]} disabled={value === 'accept' && isMissing} />
              ))}
            </Group>
          </Radio.Group>
          {isMissing && (
            <Text size="sm" c="orange.9" mt="xs">
              {m.missingBlocksAccept}
            </Text>
          )}
          {decision === 'accept' ? (
            <Textarea mt="sm" label={vi.dossiers.action.comment} autosize minRows={1} {...form.getInputProps('comment')} />
          ) : (
            <Textarea mt="sm" label={vi.dossiers.action.reason} required autosize minRows={2} {...form.getInputProps('reason')} />
          )}
          {decision === 'request_supplement' && (
            <Textarea mt="sm" label={vi.dossiers.action.supplementItems} autosize minRows={2} {...form.getInputProps('items')} />
          )}
          <Group mt="md" gap="sm" wrap="wrap">
            <Button type="submit" loading={receive.isPending} disabled={decision === 'accept' && isMissing}>
              {m.submit}
            </Button>
            <Text size="xs" c="gray.7">
              {m.shortcuts}
            </Text>
          </Group>
        </Section>
      </Stack>
    </form>
  );
}

/** The desk's intake screen (DOMAIN §3 step 1): find the procedure, the applicant, the checklist, the decision. */
export function IntakePage() {
  usePageTitle(m.title);
  const [procedureCode, setProcedureCode] = useState('');
  const [received, setReceived] = useState<DossierView | null>(null);
  const [round, setRound] = useState(0);
  const restart = () => {
    setReceived(null);
    setProcedureCode('');
    setRound((value) => value + 1);
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      {received ? (
        <IntakeResult dossier={received} onAnother={restart} />
      ) : procedureCode ? (
        <IntakeForm
          key={`${procedureCode}-${round}`}
          procedureCode={procedureCode}
          onChangeProcedure={() => setProcedureCode('')}
          onReceived={setReceived}
        />
      ) : (
        <ProcedurePicker onPick={setProcedureCode} />
      )}
    </Stack>
  );
}
