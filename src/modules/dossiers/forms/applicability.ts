import type { DossierView } from '../../../contract/dossiers';
import { intakeEvent, lastEvent } from './facts';
import type { DossierFormNumber } from './types';

type Event = DossierView['events'][number];

function decidedAtIntake(view: DossierView, decision: string): Event | null {
  const event = intakeEvent(view);
  return event && event.data.decision === decision ? event : null;
}

/** The event a form is issued for: the latest supplement request, the refusal, the apology, the stop. */
export function supplementEvent(view: DossierView): Event | null {
  return lastEvent(view, ['request_supplement']) ?? decidedAtIntake(view, 'request_supplement');
}
export function refusalEvent(view: DossierView): Event | null {
  return lastEvent(view, ['refuse']) ?? decidedAtIntake(view, 'refuse');
}
export function apologyEvent(view: DossierView): Event | null {
  return lastEvent(view, ['apologize']);
}
export function stopEvent(view: DossierView): Event | null {
  return lastEvent(view, ['stop']);
}

/**
 * Why a form does not apply to this dossier's history (the route answers 409 with it), or null when it does: a
 * receipt only for a dossier received with a due date, an apology slip only after an apology, and so on.
 */
export function formNotApplicable(view: DossierView, form: DossierFormNumber): string | null {
  switch (form) {
    case '01':
      return view.receivedAt && view.appointmentDueAt
        ? null
        : 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).';
    case '02':
      return supplementEvent(view) ? null : 'Hồ sơ chưa từng được yêu cầu bổ sung, hoàn thiện nên không có Phiếu yêu cầu bổ sung (Mẫu 02).';
    case '03':
      return refusalEvent(view) ? null : 'Hồ sơ không bị từ chối nên không có Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03).';
    case '04':
      return view.hasApology && apologyEvent(view)
        ? null
        : 'Hồ sơ chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả nên không có Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).';
    case '05':
      return stopEvent(view) ? null : 'Hồ sơ không bị dừng giải quyết nên không có Thông báo dừng giải quyết hồ sơ (Mẫu 05).';
    case '06':
      return view.receivedAt ? null : 'Hồ sơ chưa được tiếp nhận nên chưa có Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06).';
  }
}
