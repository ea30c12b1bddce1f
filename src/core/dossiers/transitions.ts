/**
 * The transitions table of a dossier (docs/api/dossiers.md "Actions"): status × action → allowed, or the reason in
 * Vietnamese. Two kinds of refusal: `state` (the dossier is not where the action applies: 409/422) and `actor`
 * (this person may not take it: 403). Pure: the caller says what the actor can do (capabilities), the rules decide.
 */
import { type DossierAction, type DossierStatus, dossierActions } from '../../contract/enums';
import { actionAppliesToStep, type StepShape } from './steps';

export interface DossierRuleState {
  status: DossierStatus;
  /** The dossier was accepted (has `receivedAt`): a supplement then pauses the clock. */
  accepted: boolean;
  hasApology: boolean;
  steps: readonly StepShape[];
  /** Index in `steps` of the active step, or null. */
  activeIndex: number | null;
  openConsultations: number;
  /** Filed online (channel `online`) and its result is electronic: the result may be returned online. */
  onlineResult?: boolean;
}

/** What the actor can do on this dossier, worked out by the module from roles, units and assignments. */
export interface ActorCapabilities {
  /** Desk officer over the receiving desk or the handling unit. */
  deskOfficer: boolean;
  /** Holds the active step (role over its unit or a unit inside it, or its assignee). */
  stepHolder: boolean;
  /** Unit leader of the handling unit. */
  handlingLeader: boolean;
  /** Unit leader or division head of the handling unit. */
  handlingLeaderOrHead: boolean;
  /** The applicant's own account (online). */
  applicant: boolean;
  /** Staff of a unit with an open consultation. */
  consultedStaff: boolean;
  /**
   * Issued the result: completed the issuing step, or holds its role over its unit (a clerk step: the handling
   * unit's leader or desk officer). Returns an electronic result online.
   */
  resultIssuer?: boolean;
}

export type ActionCheck = { allowed: true } | { allowed: false; kind: 'state' | 'actor'; reason: string };

const OPEN: readonly DossierStatus[] = ['submitted', 'supplement_requested', 'processing'];
const ok: ActionCheck = { allowed: true };
const state = (reason: string): ActionCheck => ({ allowed: false, kind: 'state', reason });
const actor = (reason: string): ActionCheck => ({ allowed: false, kind: 'actor', reason });

const NOT_STEP_HOLDER = 'Anh/chị không phải người đang xử lý bước hiện tại của hồ sơ.';
const NOT_DESK = 'Chỉ công chức bộ phận một cửa của nơi tiếp nhận hoặc đơn vị giải quyết được thực hiện thao tác này.';
const NOT_PROCESSING = 'Hồ sơ không ở trạng thái đang giải quyết.';

const STEP_REASON: Partial<Record<DossierAction, string>> = {
  transfer: 'Bước hiện tại không phải bước tiếp nhận và chuyển hồ sơ của bộ phận một cửa.',
  assign: 'Bước hiện tại không phải bước phân công xử lý.',
  submit_for_review: 'Bước hiện tại không phải bước thẩm định của chuyên viên.',
  send_back: 'Bước hiện tại không phải bước xem xét sau thẩm định, không thể trả lại.',
  approve: 'Bước hiện tại không phải bước xem xét hoặc phê duyệt.',
  issue_result: 'Bước hiện tại không phải bước phát hành kết quả.',
};

export function checkAction(dossier: DossierRuleState, can: ActorCapabilities, action: DossierAction): ActionCheck {
  const { status } = dossier;
  if (!OPEN.includes(status) && !(status === 'result_ready' && action === 'return_result')) {
    return state(closedReason(status));
  }
  switch (action) {
    case 'accept':
      if (status !== 'submitted' && !(status === 'supplement_requested' && !dossier.accepted)) {
        return state('Chỉ tiếp nhận được hồ sơ mới nộp hoặc đang chờ bổ sung trước khi tiếp nhận.');
      }
      return can.deskOfficer ? ok : actor(NOT_DESK);
    case 'request_supplement':
      if (status === 'submitted') return can.deskOfficer ? ok : actor(NOT_DESK);
      if (status === 'processing') return can.stepHolder ? ok : actor(NOT_STEP_HOLDER);
      return state('Hồ sơ đang chờ bổ sung, không thể yêu cầu bổ sung thêm lần nữa.');
    case 'resume':
      if (status !== 'supplement_requested') return state('Hồ sơ không ở trạng thái chờ bổ sung.');
      return can.deskOfficer || can.applicant ? ok : actor('Chỉ bộ phận một cửa hoặc người nộp hồ sơ được tiếp tục sau khi bổ sung.');
    case 'refuse':
      if (status === 'processing') {
        return can.handlingLeader ? ok : actor('Chỉ lãnh đạo đơn vị giải quyết được từ chối hồ sơ đang giải quyết.');
      }
      if (status === 'submitted' || !dossier.accepted) return can.deskOfficer ? ok : actor(NOT_DESK);
      return state('Hồ sơ đang chờ bổ sung sau khi tiếp nhận: chỉ từ chối được khi đang giải quyết.');
    case 'consult':
      if (status !== 'processing' || dossier.activeIndex === null) return state(NOT_PROCESSING);
      return can.stepHolder ? ok : actor(NOT_STEP_HOLDER);
    case 'consult_reply':
      if (dossier.openConsultations === 0) return state('Hồ sơ không có yêu cầu phối hợp nào đang chờ trả lời.');
      return can.consultedStaff || can.stepHolder
        ? ok
        : actor('Chỉ cơ quan được hỏi ý kiến hoặc người xử lý bước được ghi ý kiến trả lời.');
    case 'apologize':
      if (!dossier.accepted || (status !== 'processing' && status !== 'supplement_requested')) {
        return state('Chỉ xin lỗi, gia hạn được hồ sơ đã tiếp nhận và chưa có kết quả.');
      }
      if (dossier.hasApology) return state('Hồ sơ đã có văn bản xin lỗi và hẹn lại ngày trả; mỗi hồ sơ chỉ một lần.');
      return can.handlingLeaderOrHead ? ok : actor('Chỉ lãnh đạo đơn vị hoặc trưởng phòng của đơn vị giải quyết được xin lỗi và hẹn lại.');
    case 'stop':
      return can.deskOfficer || can.applicant
        ? ok
        : actor('Chỉ bộ phận một cửa (theo đề nghị bằng văn bản) hoặc người nộp được dừng hồ sơ.');
    case 'return_result':
      if (status !== 'result_ready') return state('Hồ sơ chưa có kết quả để trả.');
      if (can.deskOfficer || can.stepHolder) return ok;
      // The handling unit that issued an electronic result of an online dossier returns it online itself.
      return can.resultIssuer && dossier.onlineResult ? ok : actor(NOT_DESK);
    default:
      return checkStepAction(dossier, can, action);
  }
}

export type ReturnMethod = 'desk' | 'online' | 'postal';

/**
 * The method of `return_result`, once the action is allowed: online only for a dossier filed online whose result is
 * electronic (`body`, 422 with the reason); the issuing unit (not the desk) returns online only (`actor`, 403).
 */
export function checkReturnMethod(
  dossier: Pick<DossierRuleState, 'onlineResult'> & { channel: string; resultIsElectronic: boolean },
  can: ActorCapabilities,
  method: ReturnMethod,
): { allowed: true } | { allowed: false; kind: 'body' | 'actor'; reason: string } {
  if (method === 'online' && dossier.channel !== 'online') {
    return { allowed: false, kind: 'body', reason: 'Hồ sơ nộp trực tiếp hoặc qua bưu chính: kết quả không trả trực tuyến được.' };
  }
  if (method === 'online' && !dossier.resultIsElectronic) {
    return {
      allowed: false,
      kind: 'body',
      reason: 'Kết quả là bản giấy: không trả trực tuyến được, hãy trả tại bộ phận một cửa hoặc qua bưu chính.',
    };
  }
  if (method !== 'online' && !can.deskOfficer && !can.stepHolder) {
    return {
      allowed: false,
      kind: 'actor',
      reason: 'Đơn vị giải quyết chỉ trả trực tuyến kết quả điện tử; trả tại quầy hoặc qua bưu chính do bộ phận một cửa thực hiện.',
    };
  }
  return { allowed: true };
}

function checkStepAction(dossier: DossierRuleState, can: ActorCapabilities, action: DossierAction): ActionCheck {
  if (dossier.status !== 'processing' || dossier.activeIndex === null) return state(NOT_PROCESSING);
  if (!actionAppliesToStep(action, dossier.steps, dossier.activeIndex)) {
    return state(STEP_REASON[action] ?? 'Thao tác không áp dụng cho bước hiện tại.');
  }
  if (action === 'submit_for_review' && dossier.openConsultations > 0) {
    return state('Còn yêu cầu phối hợp chưa được trả lời: chưa thể trình kết quả thẩm định.');
  }
  if (action === 'transfer') return can.deskOfficer || can.stepHolder ? ok : actor(NOT_DESK);
  return can.stepHolder ? ok : actor(NOT_STEP_HOLDER);
}

function closedReason(status: DossierStatus): string {
  switch (status) {
    case 'result_ready':
      return 'Hồ sơ đã có kết quả, chỉ còn trả kết quả.';
    case 'returned':
      return 'Hồ sơ đã trả kết quả, không thể thao tác thêm.';
    case 'refused':
      return 'Hồ sơ đã bị từ chối, không thể thao tác thêm.';
    default:
      return 'Hồ sơ đã dừng giải quyết, không thể thao tác thêm.';
  }
}

/** The actions the actor may take now: what the view's `allowedActions` shows. */
export function allowedActionsFor(dossier: DossierRuleState, can: ActorCapabilities): DossierAction[] {
  return dossierActions.filter((action) => checkAction(dossier, can, action).allowed);
}

export const NO_CAPABILITIES: ActorCapabilities = {
  deskOfficer: false,
  stepHolder: false,
  handlingLeader: false,
  handlingLeaderOrHead: false,
  applicant: false,
  consultedStaff: false,
  resultIssuer: false,
};
