import type { Content } from 'pdfmake/interfaces';
import type { DossierView } from '../../../contract/dossiers';
import { dossierActionLabels, timingClassLabels } from '../../../contract/labels';
import { deskName } from './facts';
import { formatCellDateTime, formatPlaceDate } from './format';
import { field, masthead, table, title, A4_PORTRAIT_CONTENT_MM as WIDTH } from './kit';
import type { FormHeader } from './types';

type Event = DossierView['events'][number];

/** What an event in the trail says, in the words of the slip; intake events have their own. */
const actionNames: Record<string, string> = {
  ...dossierActionLabels,
  receive: 'Tiếp nhận tại Bộ phận Một cửa',
  submit: 'Nộp hồ sơ trực tuyến',
};

/** One row of Mẫu 06: giver, receiver, time, result of the step handed over, note. */
export type ControlSlipRow = { giver: string; receiver: string; at: string; result: string; note: string };

function party(name: string | null, unit: string | null): string {
  if (name && unit) return `${name} (${unit})`;
  return name ?? unit ?? '';
}

function receiverOf(view: DossierView, event: Event): string {
  if (event.action === 'return_result') return `${view.applicant.fullName} (người nộp hồ sơ)`;
  if (event.toUserName || event.toUnitName) return party(event.toUserName, event.toUnitName);
  const step = event.toStepNo === null ? null : view.steps.find((candidate) => candidate.stepNo === event.toStepNo);
  if (step) return party(step.assignee?.fullName ?? null, `${step.name} — ${step.unit.name}`);
  if (event.action === 'request_supplement' || event.action === 'refuse' || event.action === 'stop') {
    return `${view.applicant.fullName} (người nộp hồ sơ)`;
  }
  return '';
}

/**
 * The handovers of the trail: every event that moves the dossier to another holder (a step, a person, a unit, the
 * applicant). Events that keep it where it is (a consultation reply noted by the same holder) are not handovers.
 */
export function controlSlipRows(view: DossierView): ControlSlipRow[] {
  return view.events
    .map((event) => ({ event, receiver: receiverOf(view, event) }))
    .filter(({ receiver }) => receiver !== '')
    .map(({ event, receiver }) => ({
      giver: party(event.actorName, event.actorUnitName),
      receiver,
      at: formatCellDateTime(event.occurredAt),
      result: event.stepTiming ? timingClassLabels[event.stepTiming] : '',
      note: [actionNames[event.action] ?? event.action, event.comment].filter(Boolean).join(': '),
    }));
}

/** Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ, produced from the event trail. */
export function controlSlipContent(view: DossierView, header: FormHeader): Content[] {
  const rows = controlSlipRows(view).map((row, index) => [String(index + 1), row.giver, row.receiver, row.at, row.result, row.note]);
  const consulted = view.consultations.map((consultation) => consultation.unit?.name ?? consultation.agencyName);
  const lastInstant = view.events.at(-1)?.occurredAt ?? view.submittedAt;
  return [
    masthead(header.issuer, { numberLine: null, placeDate: formatPlaceDate(header.place, lastInstant), contentWidthMm: WIDTH }),
    ...title(['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${view.code}`]),
    field('Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ', view.code, 8),
    field('Thủ tục hành chính', view.procedure.name),
    field('Người nộp hồ sơ', view.applicant.fullName),
    field('Nơi tiếp nhận', deskName(view)),
    field('Cơ quan (bộ phận) giải quyết hồ sơ', view.handlingUnit.name),
    field('Cơ quan phối hợp giải quyết hồ sơ', consulted.length ? [...new Set(consulted)].join('; ') : 'Không'),
    table(
      [9, 36, 36, 24, 18, '*'],
      ['STT', 'Bên giao', 'Bên nhận', 'Thời gian giao, nhận', 'Kết quả (trước hạn/ đúng hạn/ quá hạn)', 'Ghi chú'],
      rows,
      10,
    ),
  ];
}
