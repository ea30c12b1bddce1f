import { Alert, Button, Group, List, NativeSelect, Paper, Stack, Stepper, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { hasRole, useSession } from '../../api/auth';
import { useSubmitOnlineDossier } from '../../api/dossiers';
import { useProcedure } from '../../api/procedures';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../components/form-errors';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { ApplicantFields, type ApplicantValues, emptyApplicant, toApplicant, validateApplicant } from '../dossiers/shared/applicant-fields';
import {
  ComponentChecklist,
  type ComponentEntry,
  hasMissingRequired,
  newEntries,
  toIntakeComponents,
} from '../dossiers/shared/component-checklist';

const m = vi.dossiers.online;
const ONLINE_PRESENCES = ['file', 'reused'] as const;

type OnlineValues = { handlingUnitCode: string; applicant: ApplicantValues; requestSummary: string };

/** What the account already says about its holder (more once accounts carry their ID number and contacts). */
function prefilledApplicant(user: { fullName: string; roles: { role: string }[] } & Record<string, unknown>): ApplicantValues {
  const text = (key: string) => (typeof user[key] === 'string' ? (user[key] as string) : '');
  const isBusiness = user.roles.some((role) => role.role === 'business');
  return {
    ...emptyApplicant,
    kind: isBusiness ? 'organization' : 'individual',
    fullName: user.fullName,
    idNumber: text(isBusiness ? 'taxCode' : 'personalId'),
    email: text('email'),
    phone: text('phone'),
  };
}

function OnlineApplyForm({ code }: { code: string }) {
  const { data: session } = useSession();
  const procedure = useProcedure(code);
  const submit = useSubmitOnlineDossier();
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const [entries, setEntries] = useState<ComponentEntry[]>([]);
  const form = useForm<OnlineValues>({
    initialValues: { handlingUnitCode: '', applicant: session ? prefilledApplicant(session.user) : emptyApplicant, requestSummary: '' },
    validate: (values) => ({
      ...validateApplicant(values.applicant),
      ...((procedure.data?.handlingUnits.length ?? 0) > 1 && !values.handlingUnitCode ? { handlingUnitCode: vi.common.required } : {}),
    }),
  });
  if (!procedure.data) return <QueryState query={procedure} />;
  const components = procedure.data.components;
  const current = entries.length === components.length ? entries : newEntries(components, 'file');
  const isMissing = hasMissingRequired(components, current);
  const units = procedure.data.handlingUnits;
  const values = form.getValues();

  const nextFromApplicant = () => {
    if (!form.validate().hasErrors) setActive(1);
    else reportInvalidForm();
  };
  const send = () =>
    submit.mutate(
      {
        procedureCode: code,
        handlingUnitCode: emptyToNull(values.handlingUnitCode),
        applicant: toApplicant(values.applicant),
        requestSummary: emptyToNull(values.requestSummary),
        components: toIntakeComponents(current),
      },
      {
        onSuccess: (dossier) => {
          notifySuccess(m.submitted(dossier.code));
          void navigate(`/ho-so-cua-toi/${dossier.id}`);
        },
        onError: (error) => reportMutationError(form, error),
      },
    );

  return (
    <Stack gap="md">
      <Title order={1}>{m.title(procedure.data.name)}</Title>
      <Stepper active={active} onStepClick={(step) => step < active && setActive(step)} size="sm" orientation="horizontal" wrap={false}>
        <Stepper.Step label={m.stepApplicant}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              {units.length > 1 && (
                <NativeSelect
                  label={vi.dossiers.intake.handlingUnit}
                  required
                  data={[{ value: '', label: '' }, ...units.map((unit) => ({ value: unit.code, label: unit.name }))]}
                  {...form.getInputProps('handlingUnitCode')}
                />
              )}
              <ApplicantFields form={form} isKindLocked />
              <Textarea label={vi.dossiers.applicant.requestSummary} autosize minRows={2} {...form.getInputProps('requestSummary')} />
              <Group justify="flex-end">
                <Button onClick={nextFromApplicant}>{m.next}</Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={m.stepComponents}>
          <Stack gap="sm">
            <ComponentChecklist components={components} entries={current} presences={ONLINE_PRESENCES} onChange={setEntries} />
            {isMissing && (
              <Text c="orange.9" size="sm">
                {m.missingRequired}
              </Text>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setActive(0)}>
                {m.previous}
              </Button>
              <Button onClick={() => setActive(2)} disabled={isMissing}>
                {m.next}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={m.stepReview}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Text fw={600}>
                {values.applicant.fullName} · {values.applicant.idNumber}
              </Text>
              <List type="ordered" size="sm" spacing={4}>
                {components.map((component, index) => (
                  <List.Item key={`${index}-${component.name}`}>
                    {component.name} — {vi.dossiers.labels.presences[current[index]?.presence ?? 'missing']}
                    {current[index]?.presence === 'file' ? ` (${m.reviewFiles(current[index]?.files.length ?? 0)})` : ''}
                  </List.Item>
                ))}
              </List>
              <Group justify="space-between">
                <Button variant="default" onClick={() => setActive(1)}>
                  {m.previous}
                </Button>
                <Button onClick={send} loading={submit.isPending} disabled={isMissing}>
                  {m.submit}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

/** Online filing (issue 12 "Intake"): a signed-in citizen or business, a procedure offered online. */
export function OnlineApplyPage() {
  const { code = '' } = useParams();
  const { data: session, isPending } = useSession();
  const procedure = useProcedure(code);
  usePageTitle(m.apply);
  if (isPending || !procedure.data) return <QueryState query={procedure} />;
  // Why not, before anything else: a procedure not offered online is not filed here by anyone.
  if (procedure.data.onlineLevel === 'none') {
    return (
      <Stack gap="md">
        <Title order={1}>{m.apply}</Title>
        <Alert color="orange" role="alert">
          <Text size="sm">{m.notOnline(procedure.data.name)}</Text>
          <Button component={Link} to={`/thu-tuc/${encodeURIComponent(code)}`} mt="sm" size="sm" variant="light">
            {m.backToProcedure}
          </Button>
        </Alert>
      </Stack>
    );
  }
  if (!session || !hasRole(session.user, 'citizen', 'business')) {
    return (
      <Stack gap="md">
        <Title order={1}>{m.apply}</Title>
        <Alert color="blue" role="alert">
          <Text size="sm">{session ? m.staffCannotApply : m.signInToApply}</Text>
          {!session && (
            <Button component={Link} to={`/dang-nhap?next=${encodeURIComponent(`/thu-tuc/${code}/nop-truc-tuyen`)}`} mt="sm" size="sm">
              {m.signIn}
            </Button>
          )}
        </Alert>
      </Stack>
    );
  }
  return <OnlineApplyForm code={code} />;
}
