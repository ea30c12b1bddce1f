import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DossierAction } from '../../../../../src/contract/enums';
import { type DossierView, isStaleVersion, useDossierAction } from '../../../api/dossiers';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { buildActionBody, validateAction } from './action-body';
import { ActionFields, type ActionValues, emptyActionValues, returnsOnline } from './action-fields';

const m = vi.dossiers.detail;
const actionLabel = (action: DossierAction) => vi.dossiers.labels.actions[action];
/** Actions that end or turn back a dossier look different from the ones that move it forward. */
const CAUTION: DossierAction[] = ['refuse', 'stop', 'send_back', 'request_supplement'];

function ActionDialog({ action, dossier, onClose }: { action: DossierAction; dossier: DossierView; onClose: () => void }) {
  const mutation = useDossierAction(dossier.id);
  const [isUploading, setIsUploading] = useState(false);
  // An electronic result of an online dossier goes back online (the only way its issuing unit may return it).
  const initialValues = { ...emptyActionValues, method: returnsOnline(dossier) ? 'online' : emptyActionValues.method };
  const form = useForm<ActionValues>({ initialValues, validate: (values) => validateAction(action, values) });

  const handleSubmit = form.onSubmit(async (values) => {
    let body: Awaited<ReturnType<typeof buildActionBody>>;
    setIsUploading(true);
    try {
      body = await buildActionBody(action, values, dossier.version);
    } catch (error) {
      reportMutationError(form, error);
      return;
    } finally {
      setIsUploading(false);
    }
    mutation.mutate(body, {
      onSuccess: () => {
        notifySuccess(m.done(actionLabel(action)));
        onClose();
      },
      onError: (error) => {
        if (isStaleVersion(error)) {
          notifications.show({ color: 'orange', message: m.staleVersion });
          onClose();
          return;
        }
        reportMutationError(form, error);
      },
    });
  }, reportInvalidForm);

  return (
    <Modal opened onClose={onClose} title={actionLabel(action)} closeButtonProps={{ 'aria-label': vi.dossiers.action.cancel }}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <ActionFields action={action} form={form} dossier={dossier} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {vi.dossiers.action.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending || isUploading} color={CAUTION.includes(action) ? 'orange' : undefined}>
              {vi.dossiers.action.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One button per action the server allows this actor now (`allowedActions`), each opening its small form. */
export function ActionPanel({ dossier }: { dossier: DossierView }) {
  const [open, setOpen] = useState<DossierAction | null>(null);
  return (
    <Section id="dossier-actions" title={m.actionsHeading}>
      {dossier.allowedActions.length === 0 ? (
        <Text size="sm">{m.noActions}</Text>
      ) : (
        <Group gap="sm" wrap="wrap">
          {dossier.allowedActions.map((action) => (
            <Button
              key={action}
              variant={CAUTION.includes(action) ? 'outline' : 'filled'}
              color={CAUTION.includes(action) ? 'orange' : undefined}
              onClick={() => setOpen(action)}
            >
              {actionLabel(action)}
            </Button>
          ))}
        </Group>
      )}
      {open && <ActionDialog key={`${open}-${dossier.version}`} action={open} dossier={dossier} onClose={() => setOpen(null)} />}
    </Section>
  );
}
