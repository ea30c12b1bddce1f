import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Proposal, ProposalItem } from '../../../../../src/contract/reform-proposals';
import { isApiError } from '../../../api/client';
import { useDeleteProposalItem, useProposal } from '../../../api/reform-proposals';
import { notifyError, notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { FormFooter } from '../shared/form-footer';
import { ProposalActions } from './proposal-actions';
import { ProposalHeader } from './proposal-header';
import { ProposalItemForm } from './proposal-item-form';
import { ProposalItemsTable } from './proposal-items-table';
import { ProposalTimeline, ProposalTotals } from './proposal-overview';

const m = vi.reformProposals;

/** null: no dialog; 'new': add a procedure; an item: edit it. */
type ItemDialog = null | 'new' | ProposalItem;

function DeleteItem({
  proposal,
  item,
  onDone,
  onReload,
}: {
  proposal: Proposal;
  item: ProposalItem;
  onDone: () => void;
  onReload: () => void;
}) {
  const remove = useDeleteProposalItem(proposal.id);
  const [isStale, setIsStale] = useState(false);
  const confirm = () =>
    remove.mutate(
      { code: item.procedureCode, version: proposal.version },
      {
        onSuccess: () => {
          notifySuccess(m.itemDeleted);
          onDone();
        },
        onError: (error) => {
          setIsStale(isApiError(error, 409));
          notifyError(error);
        },
      },
    );
  return (
    <Stack>
      <Text>{m.deleteItemConfirm(item.procedureName)}</Text>
      <FormFooter
        isStale={isStale}
        staleMessage={m.stale}
        onReload={onReload}
        onDone={onDone}
        isPending={remove.isPending}
        label={m.deleteItem}
        onConfirm={confirm}
        buttonProps={{ color: 'red.8' }}
      />
    </Stack>
  );
}

export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const query = useProposal(id);
  usePageTitle(query.data?.title ?? m.title);
  const [itemDialog, setItemDialog] = useState<ItemDialog>(null);
  const [deleting, setDeleting] = useState<ProposalItem | null>(null);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  if (!query.data) return <QueryState query={query} />;
  const proposal = query.data;
  const reload = () => void query.refetch();

  return (
    <Stack gap="lg">
      <ProposalHeader proposal={proposal} onReload={reload} />
      {proposal.isDemo && (
        <Text size="sm" c="orange.9">
          {m.demoText}
        </Text>
      )}
      <ProposalActions proposal={proposal} onReload={reload} />
      <ProposalTotals proposal={proposal} />
      <Paper component="section" aria-labelledby="proposal-items" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="proposal-items">
            {m.itemsHeading}
          </Title>
          {proposal.canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} variant="light" onClick={() => setItemDialog('new')}>
              {m.addItem}
            </Button>
          )}
        </Group>
        {proposal.items.length === 0 ? (
          <Text c="gray.7">{m.noItems}</Text>
        ) : (
          <ProposalItemsTable items={proposal.items} canEdit={proposal.canEdit} onEdit={setItemDialog} onDelete={setDeleting} />
        )}
      </Paper>
      <ProposalTimeline proposal={proposal} />
      <Modal
        opened={itemDialog !== null}
        onClose={() => setItemDialog(null)}
        title={itemDialog === null || itemDialog === 'new' ? m.itemForm.addTitle : m.itemForm.editTitle(itemDialog.procedureCode)}
        size="xl"
        fullScreen={isPhone}
      >
        {itemDialog !== null && (
          <ProposalItemForm
            key={itemDialog === 'new' ? 'new' : itemDialog.id}
            proposal={proposal}
            item={itemDialog === 'new' ? null : itemDialog}
            onDone={() => setItemDialog(null)}
            onReload={reload}
          />
        )}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={m.deleteItem}>
        {deleting && <DeleteItem proposal={proposal} item={deleting} onDone={() => setDeleting(null)} onReload={reload} />}
      </Modal>
    </Stack>
  );
}
