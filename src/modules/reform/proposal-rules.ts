import type { ProposalStatus } from '../../db/schema';
import type { ProposalAction } from './schemas';

type Transition = {
  from: ProposalStatus[];
  to: ProposalStatus;
  by: 'editor' | 'province';
  requires?: 'reason' | 'approvalReference' | 'decisionNumber';
};

/**
 * Lifecycle of a simplification proposal: the unit drafts and submits it (yearly deadline 15/6), the provincial
 * office consolidates it, the Chairman approves it (30/6) or it is rejected with a reason, and it is implemented
 * by the publication decision that enacted it.
 */
export const proposalTransitions: Record<ProposalAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: 'editor' },
  reopen: { from: ['submitted'], to: 'draft', by: 'editor' },
  consolidate: { from: ['submitted'], to: 'consolidated', by: 'province' },
  approve: { from: ['consolidated'], to: 'approved', by: 'province', requires: 'approvalReference' },
  reject: { from: ['submitted', 'consolidated'], to: 'rejected', by: 'province', requires: 'reason' },
  implement: { from: ['approved'], to: 'implemented', by: 'province', requires: 'decisionNumber' },
};

export function allowedProposalActions(status: ProposalStatus, roles: { isEditor: boolean; isProvince: boolean }): ProposalAction[] {
  return (Object.entries(proposalTransitions) as [ProposalAction, Transition][])
    .filter(([, transition]) => transition.from.includes(status) && (transition.by === 'editor' ? roles.isEditor : roles.isProvince))
    .map(([action]) => action);
}

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã trình',
  consolidated: 'Đã tổng hợp',
  approved: 'Đã phê duyệt',
  implemented: 'Đã thực hiện',
  rejected: 'Bị từ chối',
};

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
} as const;

/** A draft is overdue once the submission deadline (MM-DD of the proposal's year) has passed. */
export function isProposalOverdue(status: ProposalStatus, year: number, submissionDeadline: string, today: string): boolean {
  return status === 'draft' && today > `${year}-${submissionDeadline}`;
}
