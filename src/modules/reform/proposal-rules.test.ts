import { describe, expect, it } from 'vitest';
import { allowedProposalActions, isProposalOverdue } from './proposal-rules';

describe('proposal lifecycle rules', () => {
  it('lets the unit submit and reopen, the province consolidate, approve, reject and implement', () => {
    expect(allowedProposalActions('draft', { isEditor: true, isProvince: false })).toEqual(['submit']);
    expect(allowedProposalActions('draft', { isEditor: false, isProvince: true })).toEqual([]);
    expect(allowedProposalActions('submitted', { isEditor: true, isProvince: false })).toEqual(['reopen']);
    expect(allowedProposalActions('submitted', { isEditor: false, isProvince: true })).toEqual(['consolidate', 'reject']);
    expect(allowedProposalActions('consolidated', { isEditor: false, isProvince: true })).toEqual(['approve', 'reject']);
    expect(allowedProposalActions('approved', { isEditor: true, isProvince: true })).toEqual(['implement']);
    expect(allowedProposalActions('implemented', { isEditor: true, isProvince: true })).toEqual([]);
    expect(allowedProposalActions('rejected', { isEditor: true, isProvince: true })).toEqual([]);
  });

  it('flags drafts past the submission deadline only', () => {
    expect(isProposalOverdue('draft', 2026, '06-15', '2026-06-15')).toBe(false);
    expect(isProposalOverdue('draft', 2026, '06-15', '2026-06-16')).toBe(true);
    expect(isProposalOverdue('submitted', 2026, '06-15', '2026-11-23')).toBe(false);
    expect(isProposalOverdue('draft', 2027, '06-15', '2026-11-23')).toBe(false);
  });
});
