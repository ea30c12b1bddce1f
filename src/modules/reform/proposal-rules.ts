import type { ProposalAction, ProposalStatus } from '../../contract/enums';

type Transition = {
  from: ProposalStatus[];
  to: ProposalStatus;
  requires?: 'reason' | 'approvalReference' | 'decisionNumber' | 'centralDecision';
};

/**
 * Lifecycle of a simplification proposal: the unit drafts and submits it (yearly deadline 15/6), the provincial
 * office consolidates it, the Chairman approves it (30/6) or it is rejected with a reason, and it is implemented
 * by the publication decision that enacted it. Who performs each step is decided in policy.ts.
 */
export const proposalTransitions: Record<ProposalAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted' },
  reopen: { from: ['submitted'], to: 'draft' },
  consolidate: { from: ['submitted'], to: 'consolidated' },
  approve: { from: ['consolidated'], to: 'approved', requires: 'approvalReference' },
  reject: { from: ['submitted', 'consolidated'], to: 'rejected', requires: 'reason' },
  /** A central vertical agency's proposal: its ministry's decision, recorded by the province; `to` is its outcome. */
  record_central_decision: { from: ['consolidated'], to: 'approved', requires: 'centralDecision' },
  implement: { from: ['approved'], to: 'implemented', requires: 'decisionNumber' },
};

/** The actions that apply to a proposal in `status`, whoever asks (policy.ts filters them by permission). */
export function proposalActionsFrom(status: ProposalStatus): ProposalAction[] {
  return (Object.entries(proposalTransitions) as [ProposalAction, Transition][])
    .filter(([, transition]) => transition.from.includes(status))
    .map(([action]) => action);
}

/** A draft is overdue once its year's submission deadline (YYYY-MM-DD, Vietnam's day) has passed. */
export function isProposalOverdue(status: ProposalStatus, submissionDeadline: string, today: string): boolean {
  return status === 'draft' && today > submissionDeadline;
}

/**
 * A proposal submitted (or consolidated) but not yet approved is late once its year's approval deadline has passed;
 * a decision (approved, rejected) ends the wait. Drafts are flagged by `isProposalOverdue` instead.
 */
export function isApprovalOverdue(status: ProposalStatus, approvalDeadline: string, today: string): boolean {
  return (status === 'submitted' || status === 'consolidated') && today > approvalDeadline;
}
