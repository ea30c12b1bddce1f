import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ProposalAction } from '../../../../../src/contract/enums';
import { type Proposal, proposalSigningForms } from '../../../../../src/contract/reform-proposals';
import { useSession } from '../../../api/auth';
import { isApiError } from '../../../api/client';
import { useProposalAction } from '../../../api/reform-proposals';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { FormFooter } from '../shared/form-footer';
import { type CentralDecision, CentralDecisionFields } from './central-decision-fields';

const m = vi.reformProposals.actions;
const labels = vi.reformLabels.proposalActions;
/** Actions that move the proposal back or out get a quieter or a red button. */
const variants: Record<ProposalAction, { variant: string; color?: string }> = {
  submit: { variant: 'filled' },
  reopen: { variant: 'default' },
  consolidate: { variant: 'filled' },
  approve: { variant: 'filled', color: 'green.8' },
  reject: { variant: 'outline', color: 'red.8' },
  record_central_decision: { variant: 'filled' },
  implement: { variant: 'filled', color: 'green.8' },
};

type FieldKey = 'reason' | 'approvalReference' | 'decisionNumber';
type SigningForm = (typeof proposalSigningForms)[number];

/** What each action asks for besides a confirmation, named as in the request so server errors land on it. */
const actionFields: Partial<Record<ProposalAction, { key: FieldKey; label: string; placeholder?: string }>> = {
  approve: { key: 'approvalReference', label: m.approvalReference, placeholder: m.approvalReferencePlaceholder },
  reject: { key: 'reason', label: m.reason },
  implement: { key: 'decisionNumber', label: m.decisionNumber, placeholder: m.decisionNumberPlaceholder },
};

function ActionForm({
  proposal,
  action,
  onDone,
  onReload,
}: {
  proposal: Proposal;
  action: ProposalAction;
  onDone: () => void;
  onReload: () => void;
}) {
  const run = useProposalAction(proposal.id);
  // The submitting leader's own position and signing form (their account) come first; both stay editable.
  const account = useSession().data?.user;
  const [isStale, setIsStale] = useState(false);
  const field = actionFields[action];
  const requiredFor = (key: FieldKey) => (value: string) => (field?.key === key && !value.trim() ? vi.common.required : null);
  const isCentral = action === 'record_central_decision';
  const requiredIfCentral = (value: string) => (isCentral && !value.trim() ? vi.common.required : null);
  const form = useForm<Record<FieldKey, string> & { signingForm: SigningForm; signingTitle: string; centralDecision: CentralDecision }>({
    initialValues: {
      reason: '',
      approvalReference: '',
      decisionNumber: '',
      signingForm: account?.signingForm ?? 'head',
      signingTitle: account?.position ?? '',
      centralDecision: { number: '', date: '', issuerName: proposal.decidedBy ?? '', outcome: 'approved' },
    },
    validate: {
      reason: requiredFor('reason'),
      approvalReference: requiredFor('approvalReference'),
      decisionNumber: requiredFor('decisionNumber'),
      centralDecision: { number: requiredIfCentral, date: requiredIfCentral, issuerName: requiredIfCentral },
    },
  });
  const handleSubmit = form.onSubmit((values) => {
    setIsStale(false);
    const title = values.signingTitle.trim();
    // The head signing with the unit kind's title is the default: nothing to send.
    const signing =
      action === 'submit' && (values.signingForm !== 'head' || title)
        ? { form: values.signingForm, ...(title ? { title } : {}) }
        : undefined;
    run.mutate(
      {
        action,
        version: proposal.version,
        ...(field ? { [field.key]: values[field.key].trim() } : {}),
        ...(signing ? { signing } : {}),
        ...(isCentral ? { centralDecision: { ...values.centralDecision, number: values.centralDecision.number.trim() } } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(m.done(labels[action]));
          onDone();
        },
        onError: (error) => {
          setIsStale(isApiError(error, 409));
          reportMutationError(form, error);
        },
      },
    );
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text>{m.confirm[action]}</Text>
        {action === 'submit' && (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="signing-form-label">
                {m.signingForm}
              </Text>
              <SegmentedControl
                aria-labelledby="signing-form-label"
                data={proposalSigningForms.map((value) => ({ value, label: m.signingForms[value] }))}
                {...form.getInputProps('signingForm')}
              />
            </Stack>
            <TextInput
              label={m.signingTitle}
              description={m.signingTitleHint[form.values.signingForm]}
              maxLength={100}
              {...form.getInputProps('signingTitle')}
              error={form.errors.signingTitle ?? form.errors['signing.title']}
            />
          </>
        )}
        {isCentral && <CentralDecisionFields form={form} />}
        {field?.key === 'reason' && (
          <Textarea label={field.label} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
        )}
        {field && field.key !== 'reason' && (
          <TextInput label={field.label} placeholder={field.placeholder} required data-autofocus {...form.getInputProps(field.key)} />
        )}
        <FormFooter
          isStale={isStale}
          staleMessage={vi.reformProposals.stale}
          onReload={onReload}
          onDone={onDone}
          isPending={run.isPending}
          label={labels[action]}
          buttonProps={variants[action]}
        />
      </Stack>
    </form>
  );
}

/** The buttons the server allows this user on this proposal now, each behind a confirmation. */
export function ProposalActions({ proposal, onReload }: { proposal: Proposal; onReload: () => void }) {
  const [action, setAction] = useState<ProposalAction | null>(null);
  const notice = proposal.decidedBy && proposal.status !== 'draft' && (
    <Alert color="blue" variant="light">
      {m.decidedBy(proposal.decidedBy)}
    </Alert>
  );
  if (proposal.allowedActions.length === 0) return notice || null;
  return (
    <>
      {notice}
      <Group gap="sm" role="group" aria-label={m.heading}>
        {proposal.allowedActions.map((allowed) => (
          <Button key={allowed} onClick={() => setAction(allowed)} {...variants[allowed]}>
            {labels[allowed]}
          </Button>
        ))}
      </Group>
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? m.confirmTitle(labels[action]) : ''}>
        {action && <ActionForm key={action} proposal={proposal} action={action} onDone={() => setAction(null)} onReload={onReload} />}
      </Modal>
    </>
  );
}
