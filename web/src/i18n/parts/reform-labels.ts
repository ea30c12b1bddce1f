import type {
  ConditionAction,
  ConditionAssessment,
  ConditionForm,
  ConditionStatus,
  FigureSource,
  IndicatorKey,
  IndicatorStatus,
  Measure,
  ProposalAction,
  ProposalStatus,
  ReductionMethod,
} from '../../api/reform-types';

/** Vietnamese names of the codes the reform API uses (NQ 66/NQ-CP programme). */
export const reformLabels = {
  methods: {
    unweighted: 'Không trọng số',
    weighted: 'Có trọng số theo số hồ sơ',
  } satisfies Record<ReductionMethod, string>,
  /** Shown next to the figures, so a reader knows how they were computed. */
  methodNotes: {
    unweighted: 'Cách tính: không trọng số (mỗi thủ tục tính như nhau)',
    weighted: 'Cách tính: có trọng số theo số hồ sơ của từng thủ tục',
  } satisfies Record<ReductionMethod, string>,
  indicatorStatuses: {
    met: 'Đạt',
    behind: 'Chưa đạt',
    no_data: 'Chưa có dữ liệu',
  } satisfies Record<IndicatorStatus, string>,
  /** Used where the server's own label is not at hand (the detail page before the summary loads). */
  indicators: {
    time_reduction: 'Giảm thời gian giải quyết TTHC',
    cost_reduction: 'Giảm chi phí tuân thủ TTHC',
    business_procedures_online: 'TTHC liên quan đến doanh nghiệp thực hiện trực tuyến',
    location_independent: 'TTHC không phụ thuộc địa giới hành chính',
    internal_procedures_published: 'TTHC nội bộ được rà soát, công bố',
    internal_procedures_electronic: 'TTHC nội bộ thực hiện trên môi trường điện tử',
    business_conditions_cut: 'Điều kiện kinh doanh không cần thiết được cắt giảm',
    business_reporting_electronic: 'Chế độ báo cáo của doanh nghiệp thực hiện điện tử',
  } satisfies Record<IndicatorKey, string>,
  proposalStatuses: {
    draft: 'Dự thảo',
    submitted: 'Đã trình',
    consolidated: 'Đã tổng hợp',
    approved: 'Đã phê duyệt',
    implemented: 'Đã thực hiện',
    rejected: 'Bị từ chối',
  } satisfies Record<ProposalStatus, string>,
  proposalActions: {
    submit: 'Trình phương án',
    reopen: 'Rút lại',
    consolidate: 'Tổng hợp',
    approve: 'Phê duyệt',
    reject: 'Từ chối',
    implement: 'Đã thực hiện',
  } satisfies Record<ProposalAction, string>,
  measures: {
    abolish: 'Bãi bỏ thủ tục',
    cut_components: 'Cắt giảm thành phần hồ sơ/số bản',
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
  } satisfies Record<Measure, string>,
  figureSources: {
    entered: 'Nhập tay',
    measured: 'Đo từ hồ sơ',
    demo: 'Dữ liệu mẫu',
  } satisfies Record<FigureSource, string>,
  conditionForms: {
    licence: 'Giấy phép',
    certificate: 'Giấy chứng nhận',
    practising_certificate: 'Chứng chỉ hành nghề',
    written_confirmation: 'Văn bản xác nhận',
    approval: 'Văn bản chấp thuận',
  } satisfies Record<ConditionForm, string>,
  conditionAssessments: {
    necessary: 'Cần thiết',
    unnecessary: 'Không cần thiết',
    overlapping: 'Trùng lặp',
    vague: 'Không rõ ràng',
  } satisfies Record<ConditionAssessment, string>,
  conditionActions: {
    abolish: 'Bãi bỏ',
    simplify: 'Đơn giản hóa',
    keep: 'Giữ nguyên',
  } satisfies Record<ConditionAction, string>,
  conditionStatuses: {
    in_force: 'Đang áp dụng',
    proposed: 'Đã đề xuất cắt giảm',
    abolished: 'Đã bãi bỏ',
    simplified: 'Đã đơn giản hóa',
  } satisfies Record<ConditionStatus, string>,
  /** What happened to a proposal, by the audit action the server records; unknown codes are shown as sent. */
  proposalEvents: {
    'proposal.create': 'Tạo phương án',
    'proposal.edit': 'Chỉnh sửa phương án',
    'proposal.submit': 'Trình phương án',
    'proposal.reopen': 'Rút lại để chỉnh sửa',
    'proposal.consolidate': 'Tổng hợp',
    'proposal.approve': 'Phê duyệt',
    'proposal.reject': 'Từ chối',
    'proposal.implement': 'Ghi nhận đã thực hiện',
  } as Record<string, string>,
};
