import type { ProposalAction, ProposalStatus } from '../../contract/enums';

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

/** A draft is overdue once the submission deadline (MM-DD of the proposal's year) has passed. */
export function isProposalOverdue(status: ProposalStatus, year: number, submissionDeadline: string, today: string): boolean {
  return status === 'draft' && today > `${year}-${submissionDeadline}`;
}
