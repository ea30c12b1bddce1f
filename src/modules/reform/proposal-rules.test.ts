import { describe, expect, it } from 'vitest';
import { isApprovalOverdue, isProposalOverdue, proposalActionsFrom } from './proposal-rules';

describe('proposal lifecycle rules', () => {
  it('offers submit on a draft, reopen, consolidate or reject once submitted, then approve, implement', () => {
    expect(proposalActionsFrom('draft')).toEqual(['submit']);
    expect(proposalActionsFrom('submitted')).toEqual(['reopen', 'consolidate', 'reject']);
    // The policy keeps approve/reject for the province's units, the recording of a ministry's decision for vertical agencies.
    expect(proposalActionsFrom('consolidated')).toEqual(['approve', 'reject', 'record_central_decision']);
    expect(proposalActionsFrom('approved')).toEqual(['implement']);
    expect(proposalActionsFrom('implemented')).toEqual([]);
    expect(proposalActionsFrom('rejected')).toEqual([]);
  });

  it('flags drafts past the submission deadline only', () => {
    expect(isProposalOverdue('draft', '2026-06-15', '2026-06-15')).toBe(false);
    expect(isProposalOverdue('draft', '2026-06-15', '2026-06-16')).toBe(true);
    expect(isProposalOverdue('submitted', '2026-06-15', '2026-11-23')).toBe(false);
    expect(isProposalOverdue('draft', '2027-06-15', '2026-11-23')).toBe(false);
  });

  it('flags proposals waiting for approval past the approval deadline, not drafts nor decided ones', () => {
    expect(isApprovalOverdue('submitted', '2026-06-30', '2026-06-30')).toBe(false);
    expect(isApprovalOverdue('submitted', '2026-06-30', '2026-07-01')).toBe(true);
    expect(isApprovalOverdue('consolidated', '2026-06-30', '2026-07-01')).toBe(true);
    for (const status of ['draft', 'approved', 'implemented', 'rejected'] as const) {
      expect(isApprovalOverdue(status, '2026-06-30', '2026-12-31'), status).toBe(false);
    }
  });
});
