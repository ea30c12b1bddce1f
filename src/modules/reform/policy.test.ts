import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/enums';
import type { Actor } from '../auth';
import { assertCanOnProposal, can, canOnProposal, draftReadScope, proposalAbilities } from './policy';

/** Unit paths of a small province: /P/ with department /P/A/ (division /P/A/D/), /P/B/, the office /P/O/, commune /P/C/. */
const P = '/p/';
const A = '/p/a/';
const DIVISION = '/p/a/d/';
const B = '/p/b/';
const OFFICE = '/p/o/';
const COMMUNE = '/p/c/';

const actor = (...roles: [Role, string | null][]): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles: roles.map(([role, unitPath]) => ({ role, unitId: unitPath, unitPath, unitName: unitPath })),
});

describe('reform policy: a role reaches down its unit subtree, never up', () => {
  it('lets staff edit what belongs to their unit or below it, not above it', () => {
    expect(can(actor(['specialist', COMMUNE]), 'worksheet.edit', [P])).toBe(false);
    expect(can(actor(['specialist', COMMUNE]), 'condition.edit', [P])).toBe(false);
    expect(can(actor(['specialist', DIVISION]), 'condition.edit', [A])).toBe(false);
    expect(can(actor(['specialist', P]), 'condition.edit', [COMMUNE])).toBe(true);
    expect(can(actor(['specialist', A]), 'worksheet.edit', [B, A])).toBe(true);
    expect(can(actor(['desk_officer', A]), 'worksheet.edit', [A])).toBe(false);
  });

  it('keeps the procedure controller province-wide for figures, the admin everywhere', () => {
    expect(can(actor(['procedure_controller', OFFICE]), 'worksheet.edit', [COMMUNE])).toBe(true);
    expect(can(actor(['procedure_controller', OFFICE]), 'condition.edit', [P])).toBe(true);
    expect(can(actor(['provincial_office', OFFICE]), 'worksheet.edit', [A])).toBe(false);
    expect(can(actor(['admin', null]), 'reform.settings')).toBe(true);
    expect(can(actor(['procedure_controller', OFFICE]), 'reform.settings')).toBe(false);
  });

  it('lets a draft be read by the unit (or above), procedure control and admins; anything later by all staff', () => {
    const draft = { unitPath: A, status: 'draft' } as const;
    expect(canOnProposal(actor(['desk_officer', A]), 'proposal.read', draft)).toBe(true);
    expect(canOnProposal(actor(['unit_leader', P]), 'proposal.read', draft)).toBe(true);
    expect(canOnProposal(actor(['provincial_office', OFFICE]), 'proposal.read', draft)).toBe(true);
    expect(canOnProposal(actor(['specialist', B]), 'proposal.read', draft)).toBe(false);
    expect(canOnProposal(actor(['division_head', DIVISION]), 'proposal.read', draft)).toBe(false);
    expect(canOnProposal(actor(['citizen', null]), 'proposal.read', draft)).toBe(false);
    expect(canOnProposal(actor(['specialist', B]), 'proposal.read', { unitPath: A, status: 'submitted' })).toBe(true);
    expect(canOnProposal(actor(['business', null]), 'proposal.read', { unitPath: A, status: 'submitted' })).toBe(false);
  });

  it('gives the unit its steps and the procedure-control office outside the unit the province’s', () => {
    const unitEditor = actor(['specialist', A]);
    const controller = actor(['procedure_controller', OFFICE]);
    expect(proposalAbilities(unitEditor, { unitPath: A, status: 'draft' })).toEqual({ canEdit: true, allowedActions: ['submit'] });
    expect(proposalAbilities(controller, { unitPath: A, status: 'draft' })).toEqual({ canEdit: false, allowedActions: [] });
    expect(proposalAbilities(unitEditor, { unitPath: A, status: 'submitted' })).toEqual({ canEdit: false, allowedActions: ['reopen'] });
    expect(proposalAbilities(controller, { unitPath: A, status: 'submitted' }).allowedActions).toEqual(['consolidate', 'reject']);
    expect(proposalAbilities(controller, { unitPath: OFFICE, status: 'submitted' }).allowedActions).toEqual(['reopen']);
    expect(proposalAbilities(controller, { unitPath: P, status: 'consolidated' }).allowedActions).toEqual([]);
    expect(proposalAbilities(actor(['admin', null]), { unitPath: A, status: 'approved' }).allowedActions).toEqual(['implement']);
  });

  it('leaves the approval and rejection of a vertical agency’s proposal to its ministry, the consolidation to the province', () => {
    const controller = actor(['procedure_controller', OFFICE]);
    const police = { unitPath: A, decidedBy: 'Bộ Công an' };
    expect(proposalAbilities(controller, { ...police, status: 'submitted' }).allowedActions).toEqual(['consolidate']);
    // The ministry decides outside the application: the office records that decision.
    expect(proposalAbilities(controller, { ...police, status: 'consolidated' }).allowedActions).toEqual(['record_central_decision']);
    expect(canOnProposal(actor(['admin', null]), 'proposal.approve', { ...police, status: 'consolidated' })).toBe(false);
    expect(canOnProposal(actor(['admin', null]), 'proposal.reject', { ...police, status: 'submitted' })).toBe(false);
    expect(() => assertCanOnProposal(controller, 'proposal.approve', { ...police, status: 'consolidated' })).toThrow(
      /Bộ Công an xem xét, quyết định/,
    );
    expect(proposalAbilities(controller, { unitPath: A, decidedBy: null, status: 'consolidated' }).allowedActions).toEqual([
      'approve',
      'reject',
    ]);
  });

  it('scopes list filtering to the subtrees of the roles held', () => {
    expect(draftReadScope(actor(['specialist', A], ['division_head', B]))).toEqual([A, B]);
    expect(draftReadScope(actor(['citizen', null]))).toEqual([]);
    expect(draftReadScope(actor(['procedure_controller', OFFICE]))).toBe('all');
    expect(draftReadScope(actor(['admin', null]))).toBe('all');
  });
});
