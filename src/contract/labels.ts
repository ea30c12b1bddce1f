import type {
  AnnouncementKind,
  ApplicantKind,
  ApplicantType,
  Channel,
  ComponentPresence,
  ConditionAction,
  ConditionAssessment,
  ConditionForm,
  ConditionSourceLevel,
  ConditionStatus,
  DayKind,
  DecisionForm,
  DecisionType,
  DelegationKind,
  DossierAction,
  DossierSource,
  DossierStatus,
  DossierStepStatus,
  FeeKind,
  FigureSource,
  HolidayGroup,
  IndicatorStatus,
  InternalGroup,
  Level,
  NotifyChannel,
  NotifyStatus,
  OnlineLevel,
  PortalSyncState,
  ProcedureListFlag,
  ProcessRole,
  ProposalAction,
  ProposalStatus,
  ReductionMethod,
  ReformIndicator,
  ReformMeasure,
  ReformScope,
  ReturnMethod,
  Role,
  TimeUnit,
  TimingClass,
  UnitType,
  VersionStatus,
} from './enums';

/*
 * Vietnamese names of the API's code values, defined once for the server (messages, DOCX/PDF documents) and the
 * web app. The reform wording follows the legal texts: the targets of Nghị quyết 66/NQ-CP (26/3/2025) as the
 * provincial plans restate them, and the compliance-cost terms of Thông tư 02/2017/TT-VPCP.
 */

export const roleLabels = {
  citizen: 'Công dân',
  business: 'Doanh nghiệp, tổ chức',
  desk_officer: 'Cán bộ Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý hồ sơ',
  division_head: 'Lãnh đạo phòng',
  unit_leader: 'Lãnh đạo cơ quan',
  procedure_controller: 'Cán bộ kiểm soát TTHC',
  provincial_office: 'Văn phòng UBND tỉnh',
  admin: 'Quản trị hệ thống',
} as const satisfies Record<Role, string>;

export const unitTypeLabels = {
  province: 'UBND tỉnh, thành phố',
  department: 'Sở, ban, ngành',
  division: 'Phòng, đơn vị trực thuộc',
  commune: 'UBND xã, phường, đặc khu',
  district: 'Cấp huyện (trước 01/7/2025)',
  desk: 'Bộ phận Một cửa',
  vertical_agency: 'Cơ quan ngành dọc trung ương tại tỉnh',
} as const satisfies Record<UnitType, string>;

export const levelLabels = {
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
  ministry: 'Cấp bộ, ngành',
} as const satisfies Record<Level, string>;

export const onlineLevelLabels = {
  full: 'Trực tuyến toàn trình',
  partial: 'Trực tuyến một phần',
  none: 'Không trực tuyến',
} as const satisfies Record<OnlineLevel, string>;

/** Written after a number: "10 ngày làm việc". */
export const timeUnitWords = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
} as const satisfies Record<TimeUnit, string>;

/** Offered as a choice: "Ngày theo lịch". */
export const timeUnitLabels = {
  working_days: 'Ngày làm việc',
  working_hours: 'Giờ làm việc',
  calendar_days: 'Ngày theo lịch',
} as const satisfies Record<TimeUnit, string>;

export const channelLabels = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
} as const satisfies Record<Channel, string>;

export const feeKindLabels = {
  fee: 'Phí',
  charge: 'Lệ phí',
} as const satisfies Record<FeeKind, string>;

export const decisionTypeLabels = {
  new: 'Công bố mới',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
} as const satisfies Record<DecisionType, string>;

export const decisionFormLabels = {
  full: 'Công bố đầy đủ nội dung',
  list: 'Công bố danh mục',
} as const satisfies Record<DecisionForm, string>;

export const procedureListFlagLabels = {
  fullOnlineEligible: 'Đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình',
  oneStopDesk: 'Thực hiện tại Bộ phận Một cửa',
  electronicResult: 'Trả kết quả điện tử',
  nationalPortal: 'Tích hợp trên Cổng Dịch vụ công quốc gia',
  technicalRegulation: 'Quy định trong quy chuẩn kỹ thuật, tiêu chuẩn bắt buộc',
} as const satisfies Record<ProcedureListFlag, string>;

/** The parts of a procedure record, as the publication summary names what changed. */
export const recordPartLabels: Record<string, string> = {
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  levels: 'Cấp thực hiện',
  handlingUnitCodes: 'Cơ quan giải quyết',
  receivingUnitCodes: 'Nơi tiếp nhận',
  applicantTypes: 'Đối tượng thực hiện',
  applicantsText: 'Mô tả đối tượng',
  methods: 'Cách thức thực hiện',
  steps: 'Trình tự thực hiện',
  components: 'Thành phần hồ sơ',
  processingTime: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  result: 'Kết quả',
  conditions: 'Yêu cầu, điều kiện',
  legalBasis: 'Căn cứ pháp lý',
  onlineLevel: 'Mức độ trực tuyến',
  locationIndependent: 'Không phụ thuộc địa giới hành chính',
  postalEligible: 'Bưu chính công ích',
  businessRelated: 'Liên quan doanh nghiệp',
  internalGroup: 'Nhóm thủ tục nội bộ',
  processTemplate: 'Quy trình nội bộ',
  sourceUrl: 'Đường dẫn nguồn',
  source: 'Nguồn',
  demoGenerated: 'Trường tự sinh',
};

export const versionStatusLabels = {
  in_force: 'Đang có hiệu lực',
  superseded: 'Hết hiệu lực',
  abolished: 'Đã bãi bỏ',
  scheduled: 'Sắp có hiệu lực',
} as const satisfies Record<VersionStatus, string>;

export const internalGroupLabels = {
  A: 'Nhóm A — do bộ, ngành trung ương công bố',
  B: 'Nhóm B — thuộc phạm vi của tỉnh, do Chủ tịch UBND tỉnh công bố',
} as const satisfies Record<InternalGroup, string>;

export const applicantTypeLabels = {
  citizen: 'Công dân',
  business: 'Doanh nghiệp',
  organization: 'Tổ chức',
  foreigner: 'Người nước ngoài',
  state_agency: 'Cơ quan nhà nước, cán bộ, công chức',
} as const satisfies Record<ApplicantType, string>;

export const delegationKindLabels = {
  delegation: 'Ủy quyền',
  decentralisation: 'Phân cấp',
} as const satisfies Record<DelegationKind, string>;

export const processRoleLabels = {
  desk_officer: 'Cán bộ Bộ phận Một cửa',
  specialist: 'Chuyên viên xử lý',
  division_head: 'Lãnh đạo phòng',
  unit_leader: 'Lãnh đạo cơ quan',
  clerk: 'Văn thư',
} as const satisfies Record<ProcessRole, string>;

export const dayKindLabels = {
  holiday: 'Nghỉ lễ, Tết',
  compensatory: 'Nghỉ bù',
  day_off: 'Nghỉ (hoán đổi)',
  working_day: 'Làm việc bù',
} as const satisfies Record<DayKind, string>;

export const announcementKindLabels = {
  day_off: 'Ngày nghỉ',
  working_day: 'Ngày làm việc bù',
} as const satisfies Record<AnnouncementKind, string>;

export const holidayGroupLabels = {
  new_year: 'Tết Dương lịch (1/1)',
  tet: 'Tết Âm lịch',
  hung_kings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  reunification: 'Ngày Chiến thắng (30/4)',
  labour: 'Ngày Quốc tế Lao động (1/5)',
  national_day: 'Quốc khánh (2/9)',
  culture_day: 'Ngày Văn hóa Việt Nam (24/11)',
} as const satisfies Record<HolidayGroup, string>;

export const reductionMethodLabels = {
  unweighted: 'Không trọng số',
  weighted: 'Có trọng số theo số hồ sơ',
} as const satisfies Record<ReductionMethod, string>;

/** The targets of Nghị quyết 66/NQ-CP, in its words (mục tiêu năm 2025 và 2026). */
export const indicatorLabels = {
  time_reduction: 'Cắt giảm thời gian giải quyết TTHC so với năm 2024',
  cost_reduction: 'Cắt giảm chi phí tuân thủ TTHC so với năm 2024',
  business_procedures_online: 'TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến toàn trình',
  location_independent: 'TTHC được thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh',
  internal_procedures_published: 'TTHC nội bộ được rà soát, cắt giảm, đơn giản hóa và công bố',
  internal_procedures_electronic: 'TTHC nội bộ được thực hiện trên môi trường điện tử',
  business_conditions_cut: 'Điều kiện kinh doanh được bãi bỏ (trên tổng số điều kiện được rà soát)',
  business_reporting_electronic: 'Chế độ báo cáo của doanh nghiệp được thực hiện điện tử',
  time_reduction_business: 'Cắt giảm thời gian giải quyết TTHC liên quan đến hoạt động kinh doanh so với năm 2024',
  cost_reduction_business: 'Cắt giảm chi phí tuân thủ TTHC liên quan đến hoạt động kinh doanh so với năm 2024',
  time_reduction_internal: 'Cắt giảm thời gian giải quyết TTHC nội bộ so với năm 2024',
  cost_reduction_internal: 'Cắt giảm chi phí tuân thủ TTHC nội bộ so với năm 2024',
  time_reduction_vertical: 'Thời gian giải quyết TTHC của cơ quan ngành dọc trung ương (tham khảo, không tính vào chỉ tiêu của tỉnh)',
  cost_reduction_vertical: 'Chi phí tuân thủ TTHC của cơ quan ngành dọc trung ương (tham khảo, không tính vào chỉ tiêu của tỉnh)',
  business_conditions_simplified: 'Điều kiện kinh doanh được đơn giản hóa (tính riêng, không tính là bãi bỏ)',
  business_conditions_outside_list:
    'Điều kiện kinh doanh của ngành nghề ngoài danh mục ngành, nghề đầu tư kinh doanh có điều kiện được bãi bỏ',
  procedures_full_online: 'TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình',
  information_once: 'Thành phần hồ sơ khai thác lại giấy tờ đã số hóa (người dân chỉ cung cấp thông tin một lần)',
} as const satisfies Record<ReformIndicator, string>;

export const indicatorStatusLabels = {
  met: 'Đạt',
  behind: 'Chưa đạt',
  no_data: 'Chưa có dữ liệu',
  no_target: 'Tham khảo (không đặt mục tiêu)',
} as const satisfies Record<IndicatorStatus, string>;

export const figureSourceLabels = {
  entered: 'Nhập tay',
  measured: 'Đo từ hồ sơ',
  demo: 'Dữ liệu mẫu',
} as const satisfies Record<FigureSource, string>;

export const proposalStatusLabels = {
  draft: 'Dự thảo',
  submitted: 'Đã trình',
  consolidated: 'Đã tổng hợp',
  approved: 'Đã phê duyệt',
  implemented: 'Đã thực hiện',
  rejected: 'Bị từ chối',
} as const satisfies Record<ProposalStatus, string>;

export const proposalActionLabels = {
  submit: 'Trình phương án',
  reopen: 'Rút lại',
  consolidate: 'Tổng hợp',
  approve: 'Phê duyệt',
  reject: 'Từ chối',
  record_central_decision: 'Ghi quyết định của bộ, ngành',
  implement: 'Đã thực hiện',
} as const satisfies Record<ProposalAction, string>;

/** Measures of a simplification proposal (phương án cắt giảm, đơn giản hóa; NQ 66/NQ-CP, TT 02/2017/TT-VPCP). */
export const measureLabels = {
  abolish: 'Bãi bỏ thủ tục',
  cut_components: 'Cắt giảm thành phần hồ sơ, số bản',
  shorten_time: 'Rút ngắn thời gian giải quyết',
  move_online_full: 'Chuyển sang trực tuyến toàn trình',
  move_online_partial: 'Chuyển sang trực tuyến một phần',
  reuse_data: 'Khai thác, tái sử dụng dữ liệu thay giấy tờ',
  location_independent: 'Không phụ thuộc địa giới hành chính',
  ex_post_control: 'Chuyển tiền kiểm sang hậu kiểm',
  single_inspection: 'Một đầu mối kiểm tra',
  decentralise: 'Phân cấp, phân quyền',
  hand_to_organisations: 'Giao doanh nghiệp, tổ chức xã hội thực hiện',
  merge_procedures: 'Hợp nhất thủ tục sau sắp xếp đơn vị',
} as const satisfies Record<ReformMeasure, string>;

export const conditionFormLabels = {
  licence: 'Giấy phép',
  certificate: 'Giấy chứng nhận',
  practising_certificate: 'Chứng chỉ hành nghề',
  written_confirmation: 'Văn bản xác nhận',
  approval: 'Văn bản chấp thuận',
} as const satisfies Record<ConditionForm, string>;

export const conditionAssessmentLabels = {
  necessary: 'Cần thiết',
  unnecessary: 'Không cần thiết',
  overlapping: 'Trùng lặp',
  vague: 'Không rõ ràng',
} as const satisfies Record<ConditionAssessment, string>;

export const conditionActionLabels = {
  abolish: 'Bãi bỏ',
  simplify: 'Đơn giản hóa',
  keep: 'Giữ nguyên',
} as const satisfies Record<ConditionAction, string>;

export const conditionStatusLabels = {
  in_force: 'Đang áp dụng',
  proposed: 'Đã đề xuất cắt giảm',
  abolished: 'Đã bãi bỏ',
  simplified: 'Đã đơn giản hóa',
} as const satisfies Record<ConditionStatus, string>;

export const conditionSourceLevelLabels = {
  central: 'Văn bản của trung ương (tỉnh chỉ kiến nghị)',
  provincial: 'Văn bản của tỉnh (tỉnh bãi bỏ)',
} as const satisfies Record<ConditionSourceLevel, string>;

export const reformScopeLabels = {
  province: 'TTHC do tỉnh công bố, giải quyết',
  vertical: 'TTHC của cơ quan ngành dọc trung ương',
  internal: 'TTHC nội bộ',
} as const satisfies Record<ReformScope, string>;

// dossiers
export const dossierStatusLabels = {
  submitted: 'Chờ tiếp nhận',
  supplement_requested: 'Chờ bổ sung',
  processing: 'Đang giải quyết',
  result_ready: 'Có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  refused: 'Từ chối tiếp nhận',
  stopped: 'Dừng xử lý',
} as const satisfies Record<DossierStatus, string>;

/**
 * A dossier's status as it is shown: `refused` is "Từ chối tiếp nhận" at the desk (never received, Mẫu 03) and
 * "Từ chối giải quyết" once received — the handling unit's leader refused it in processing.
 */
export function dossierStatusLabel(status: DossierStatus, wasReceived: boolean): string {
  return status === 'refused' && wasReceived ? 'Từ chối giải quyết' : dossierStatusLabels[status];
}

/** The status filter's choices: `refused` ("Từ chối") covers both refusals. */
export const dossierStatusFilterLabels = { ...dossierStatusLabels, refused: 'Từ chối' } as const;

export const dossierActionLabels = {
  accept: 'Tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung',
  resume: 'Đã nhận bổ sung',
  refuse: 'Từ chối',
  transfer: 'Chuyển xử lý',
  assign: 'Phân công',
  submit_for_review: 'Trình xem xét',
  send_back: 'Trả lại',
  approve: 'Phê duyệt',
  consult: 'Lấy ý kiến phối hợp',
  consult_reply: 'Trả lời phối hợp',
  issue_result: 'Ban hành kết quả',
  return_result: 'Trả kết quả',
  apologize: 'Xin lỗi, gia hạn',
  stop: 'Dừng xử lý',
} as const satisfies Record<DossierAction, string>;

export const dossierSourceLabels = {
  desk: 'Tại Bộ phận Một cửa',
  online: 'Dịch vụ công trực tuyến',
  national_portal: 'Cổng Dịch vụ công quốc gia',
} as const satisfies Record<DossierSource, string>;

export const applicantKindLabels = {
  individual: 'Cá nhân',
  organization: 'Tổ chức, doanh nghiệp',
} as const satisfies Record<ApplicantKind, string>;

export const componentPresenceLabels = {
  file: 'Tệp điện tử',
  paper: 'Bản giấy (số hóa tại Bộ phận Một cửa)',
  reused: 'Tái sử dụng kết quả đã số hóa',
  missing: 'Chưa có',
} as const satisfies Record<ComponentPresence, string>;

export const timingClassLabels = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
} as const satisfies Record<TimingClass, string>;

export const dossierStepStatusLabels = {
  pending: 'Chưa đến',
  active: 'Đang xử lý',
  done: 'Đã xong',
  skipped: 'Bỏ qua',
} as const satisfies Record<DossierStepStatus, string>;

export const returnMethodLabels = {
  desk: 'Tại Bộ phận Một cửa',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
} as const satisfies Record<ReturnMethod, string>;

export const portalSyncStateLabels = {
  not_required: 'Không cần đồng bộ',
  pending: 'Chờ đồng bộ',
  sent: 'Đã đồng bộ',
  failed: 'Đồng bộ lỗi',
} as const satisfies Record<PortalSyncState, string>;
export const notifyChannelLabels = {
  email: 'Thư điện tử',
  sms: 'Tin nhắn SMS',
  zalo: 'Zalo',
  national_portal: 'Đồng bộ Cổng Dịch vụ công quốc gia',
} as const satisfies Record<NotifyChannel, string>;

export const notifyStatusLabels = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi thất bại',
} as const satisfies Record<NotifyStatus, string>;

/** The kinds of message other modules enqueue (docs/api/notify.md); an unknown one is shown as its code. */
export const notifyTemplateLabels: Record<string, string> = {
  'auth.verify': 'Xác minh tài khoản',
  'dossier.received': 'Tiếp nhận hồ sơ',
  'dossier.supplement_requested': 'Yêu cầu bổ sung hồ sơ',
  'dossier.apology': 'Thư xin lỗi, hẹn lại ngày trả',
  'dossier.result_ready': 'Hồ sơ đã có kết quả',
  'dossier.returned': 'Đã trả kết quả',
  'dossier.status': 'Trạng thái hồ sơ (Cổng quốc gia)',
};
