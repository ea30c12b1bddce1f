import { Alert, Button, Group } from '@mantine/core';
import { IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DossierForm } from '../../../../../src/contract/enums';
import { type DossierView, dossierFormUrl } from '../../../api/dossiers';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.intake;

/** What the desk hands over: Mẫu 01 when accepted, Mẫu 02 or 03 otherwise. */
function receiptForm(dossier: DossierView): DossierForm {
  if (dossier.status === 'supplement_requested') return '02';
  if (dossier.status === 'refused') return '03';
  return '01';
}

export function IntakeResult({ dossier, onAnother }: { dossier: DossierView; onAnother: () => void }) {
  const form = receiptForm(dossier);
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={m.received(dossier.code)} role="status">
      <Group gap="sm" mt="sm" wrap="wrap">
        <Button
          component="a"
          href={dossierFormUrl(dossier.id, form)}
          target="_blank"
          rel="noopener"
          leftSection={<IconPrinter size={16} aria-hidden />}
          data-autofocus
        >
          {form === '01' ? m.printReceipt : vi.dossiers.detail.forms[form]}
        </Button>
        <Button component={Link} to={`/can-bo/ho-so/${dossier.id}`} variant="light">
          {m.openDossier}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {m.another}
        </Button>
      </Group>
    </Alert>
  );
}
