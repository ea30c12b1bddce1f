import type { DossierView } from '../../../contract/dossiers';
import { applicantKindLabels, componentPresenceLabels, returnMethodLabels, timeUnitLabels } from '../../../contract/labels';

type Event = DossierView['events'][number];

/** The facts the forms take from a dossier's view and its event trail (docs/formats/dossier-forms.md). */
export function lastEvent(view: DossierView, actions: string[]): Event | null {
  return [...view.events].reverse().find((event) => actions.includes(event.action)) ?? null;
}

/** The intake event (desk `receive`, or `accept` of an online dossier) and the decision it took. */
export function intakeEvent(view: DossierView): Event | null {
  return view.events.find((event) => event.action === 'receive' || event.action === 'submit') ?? null;
}

/** An event's reason: the `reason` its data holds, else its comment. */
export function eventReason(event: Event | null): string | null {
  const reason = event?.data.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason : (event?.comment ?? null);
}

export function eventItems(event: Event | null): string[] {
  const items = event?.data.items;
  return Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string') : [];
}

export function eventPositions(event: Event | null): number[] {
  const positions = event?.data.positions;
  return Array.isArray(positions) ? positions.filter((position): position is number => typeof position === 'number') : [];
}

export function describeTime(time: DossierView['time']): string | null {
  if (!time) return null;
  return `${time.amount.toLocaleString('vi-VN')} ${timeUnitLabels[time.unit].toLocaleLowerCase('vi-VN')}`;
}

/** "Ông/Bà Nguyễn Văn An" for a person; the organisation's name as it is. */
export function applicantName(view: DossierView): string {
  return view.applicant.kind === 'individual' ? `Ông/Bà ${view.applicant.fullName}` : view.applicant.fullName;
}

export function idLabel(view: DossierView): string {
  return view.applicant.kind === 'individual' ? 'Số định danh cá nhân (CCCD)' : 'Mã số thuế';
}

export function applicantKind(view: DossierView): string {
  return applicantKindLabels[view.applicant.kind];
}

export function representativeText(view: DossierView): string | null {
  const person = view.applicant.representative;
  if (!person) return null;
  const parts = [person.fullName];
  if (person.idNumber) parts.push(`CCCD ${person.idNumber}`);
  if (person.phone) parts.push(`điện thoại ${person.phone}`);
  if (person.authorisation) parts.push(`theo ${person.authorisation}`);
  return parts.join(', ');
}

/** One row per component: no., name, originals / copies, how it came (file, paper digitised, reused). */
export function componentRows(view: DossierView): string[][] {
  return view.components
    .filter((component) => component.presence !== 'missing')
    .map((component, index) => [
      String(index + 1),
      component.name + (component.reusedFrom ? ` (tái sử dụng: ${component.reusedFrom})` : ''),
      [component.originals ? `${component.originals} bản chính` : '', component.copies ? `${component.copies} bản sao` : '']
        .filter(Boolean)
        .join(', ') || '—',
      componentPresenceLabels[component.presence],
    ]);
}

/** Where the result is collected: the receiving desk, or by post / online for those channels. */
export function collectionPlace(view: DossierView): string {
  if (view.returnMethod) return `${returnMethodLabels[view.returnMethod]}${view.returnMethod === 'desk' ? ` — ${deskName(view)}` : ''}`;
  if (view.channel === 'postal') return returnMethodLabels.postal;
  return `${returnMethodLabels.desk} — ${deskName(view)}`;
}

export function deskName(view: DossierView): string {
  return (view.receivingUnit ?? view.handlingUnit).name;
}
