import { Anchor, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconFileTypeDocx, IconFileTypePdf, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Proposal } from '../../../../../src/contract/reform-proposals';
import { isApiError } from '../../../api/client';
import { proposalDocumentUrl, useRenameProposal } from '../../../api/reform-proposals';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';
import { FormFooter } from '../shared/form-footer';
import { ApprovalOverdueTag, DemoTag, OverdueTag, ProposalStatusTag } from '../shared/reform-tags';
import { ServerErrors, useServerErrors } from '../shared/server-errors';

const m = vi.reformProposals;

function RenameForm({ proposal, onDone, onReload }: { proposal: Proposal; onDone: () => void; onReload: () => void }) {
  const rename = useRenameProposal(proposal.id);
  const [isStale, setIsStale] = useState(false);
  const serverErrors = useServerErrors();
  const form = useForm({
    initialValues: { title: proposal.title },
    validate: { title: (value) => (value.trim() ? null : vi.common.required) },
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      rename.mutate(
        { title: values.title.trim(), version: proposal.version },
        {
          onSuccess: () => {
            notifySuccess(m.renamed);
            onDone();
          },
          onError: (error) => {
            setIsStale(isApiError(error, 409));
            serverErrors.report(error);
            reportMutationError(form, error);
          },
        },
      ),
    reportInvalidForm,
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <TextInput label={m.titleInput} required data-autofocus {...form.getInputProps('title')} />
        <FormFooter
          errors={<ServerErrors details={serverErrors.details} />}
          isStale={isStale}
          staleMessage={m.stale}
          onReload={onReload}
          onDone={onDone}
          isPending={rename.isPending}
        />
      </Stack>
    </form>
  );
}

/** Title, unit, status and the documents to sign. */
export function ProposalHeader({ proposal, onReload }: { proposal: Proposal; onReload: () => void }) {
  const [isRenaming, setIsRenaming] = useState(false);
  const decision = proposal.implementedDecision;
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/cai-cach/phuong-an" w="fit-content" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {m.back}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} style={{ flex: '1 1 20rem' }}>
          {proposal.title}
        </Title>
        {proposal.canEdit && (
          <Button variant="subtle" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setIsRenaming(true)}>
            {m.rename}
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <Text c="gray.8">{m.meta(proposal.unit.name, proposal.year)}</Text>
        <ProposalStatusTag status={proposal.status} />
        {proposal.isOverdue && <OverdueTag />}
        {proposal.isApprovalOverdue && <ApprovalOverdueTag />}
        {proposal.isDemo && <DemoTag />}
        <Text c="gray.8" size="sm">
          {m.deadline(formatDate(proposal.deadline))}
        </Text>
        <Text c="gray.8" size="sm">
          {m.approvalDeadline(formatDate(proposal.approvalDeadline))}
        </Text>
      </Group>
      {proposal.approvalReference && <Text>{m.approvalReference(proposal.approvalReference)}</Text>}
      {proposal.centralDecision && (
        <Text>
          {m.centralDecision(
            proposal.centralDecision.number,
            proposal.centralDecision.issuerName,
            formatDate(proposal.centralDecision.date),
            vi.reformProposals.actions.centralOutcomes[proposal.centralDecision.outcome],
          )}
        </Text>
      )}
      {proposal.rejectionReason && <Text c="red.9">{m.rejectionReason(proposal.rejectionReason)}</Text>}
      {decision && <Text>{m.implementedDecision(decision.number, formatDate(decision.date))}</Text>}
      <Group gap="sm" mt="xs">
        <Button
          component="a"
          href={proposalDocumentUrl(proposal.id, 'docx')}
          download
          variant="default"
          leftSection={<IconFileTypeDocx size={18} aria-hidden />}
        >
          {m.downloadDocx}
        </Button>
        <Button
          component="a"
          href={proposalDocumentUrl(proposal.id, 'pdf')}
          download
          variant="default"
          leftSection={<IconFileTypePdf size={18} aria-hidden />}
        >
          {m.downloadPdf}
        </Button>
      </Group>
      <Modal opened={isRenaming} onClose={() => setIsRenaming(false)} title={m.renameTitle}>
        {isRenaming && <RenameForm proposal={proposal} onDone={() => setIsRenaming(false)} onReload={onReload} />}
      </Modal>
    </Stack>
  );
}
