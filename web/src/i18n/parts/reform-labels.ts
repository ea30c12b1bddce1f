import type { ReductionMethod } from '../../../../src/contract/enums';
import {
  conditionActionLabels,
  conditionAssessmentLabels,
  conditionFormLabels,
  conditionSourceLevelLabels,
  conditionStatusLabels,
  figureSourceLabels,
  indicatorLabels,
  indicatorStatusLabels,
  measureLabels,
  proposalActionLabels,
  proposalStatusLabels,
  reductionMethodLabels,
  reformScopeLabels,
} from '../../../../src/contract/labels';

/** Vietnamese names of the codes the reform API uses (NQ 66/NQ-CP programme): the server's own (src/contract/labels.ts). */
export const reformLabels = {
  methods: reductionMethodLabels,
  /** Shown next to the figures, so a reader knows how they were computed. */
  methodNotes: {
    unweighted: 'Cách tính: không trọng số (mỗi thủ tục tính như nhau)',
    weighted: 'Cách tính: có trọng số theo số hồ sơ của từng thủ tục',
  } satisfies Record<ReductionMethod, string>,
  indicatorStatuses: indicatorStatusLabels,
  /** The server sends each indicator's label with the figures; this is the same wording, for before they load. */
  indicators: indicatorLabels,
  proposalStatuses: proposalStatusLabels,
  proposalActions: proposalActionLabels,
  measures: measureLabels,
  figureSources: figureSourceLabels,
  conditionForms: conditionFormLabels,
  conditionAssessments: conditionAssessmentLabels,
  conditionActions: conditionActionLabels,
  conditionStatuses: conditionStatusLabels,
  conditionSourceLevels: conditionSourceLevelLabels,
  scopes: reformScopeLabels,
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
