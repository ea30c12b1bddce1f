import { Anchor, List } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import type { DossierForm } from '../../../../../src/contract/enums';
import { type DossierView, dossierFormUrl } from '../../../api/dossiers';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';

/** The forms this dossier has produced so far (docs/api/dossiers.md, "Forms"). */
export function formsOf(dossier: DossierView): DossierForm[] {
  const hasEvent = (action: string) => dossier.events.some((event) => event.action === action);
  const forms: DossierForm[] = [];
  if (dossier.receivedAt) forms.push('01');
  if (dossier.pauses.length > 0 || dossier.status === 'supplement_requested' || hasEvent('request_supplement')) forms.push('02');
  if (dossier.status === 'refused') forms.push('03');
  if (dossier.hasApology) forms.push('04');
  if (dossier.status === 'stopped') forms.push('05');
  forms.push('06');
  return forms;
}

export function FormsSection({ dossier }: { dossier: DossierView }) {
  return (
    <Section id="dossier-forms" title={vi.dossiers.detail.formsHeading}>
      <List spacing="xs" icon={<IconFileTypePdf size={16} aria-hidden />} center>
        {formsOf(dossier).map((form) => (
          <List.Item key={form}>
            <Anchor href={dossierFormUrl(dossier.id, form)} target="_blank" rel="noopener" size="sm">
              {vi.dossiers.detail.forms[form]}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
