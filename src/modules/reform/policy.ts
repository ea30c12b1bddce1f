import type { ProposalAction, ProposalStatus, Role } from '../../contract/enums';
import { forbidden } from '../../core/errors';
import { type Actor, hasRole, hasRoleOver, isStaff, staffRoles } from '../auth';
import { proposalActionsFrom } from './proposal-rules';

/**
 * Who may do what in the simplification programme: the only place where reform permissions are decided.
 *
 * The rule of scope: a role is a grant over a unit subtree. Staff may act on a resource of unit U only when U lies
 * inside the subtree of a unit where they hold the role (`hasRoleOver`) — never because U is an ancestor of their
 * unit: a commune specialist does not edit what belongs to UBND tỉnh, and a division's staff do not edit their
 * department's resources unless they hold a role over the department.
 */

export type ReformAction = 'reform.read' | 'reform.configure' | 'reform.settings' | 'worksheet.edit' | 'condition.edit' | 'regime.edit';

export type ProposalPermission = 'proposal.read' | 'proposal.create' | 'proposal.edit' | `proposal.${ProposalAction}`;

/** Staff who prepare a unit's proposals, worksheets, business conditions and reporting regimes, within the subtree of their role. */
const unitEditorRoles: Role[] = ['unit_leader', 'division_head', 'specialist', 'procedure_controller'];

/**
 * The procedure-control function (kiểm soát TTHC, at Văn phòng UBND tỉnh: NĐ 63/2010 and NĐ 92/2017) is
 * province-wide by its legal function, wherever in the tree the controller's own unit sits: it reviews every unit's
 * worksheets and business conditions, reads every unit's drafts, and consolidates the proposals of the other units.
 */
const procedureControlRoles: Role[] = ['procedure_controller', 'provincial_office'];

/** Who performs each step of a proposal's lifecycle: the proposing unit, or the provincial procedure-control office. */
const proposalStepPerformers: Record<ProposalAction, 'unit' | 'province'> = {
  submit: 'unit',
  reopen: 'unit',
  consolidate: 'province',
  approve: 'province',
  reject: 'province',
  record_central_decision: 'province',
  implement: 'province',
};

function isUnitEditor(actor: Actor | null, unitPaths: string[]): boolean {
  return unitPaths.some((path) => hasRoleOver(actor, unitEditorRoles, path));
}

/** A province-wide procedure-control role held outside the proposing unit, so that a unit never consolidates its own proposal. */
function isProvinceOutside(actor: Actor | null, unitPath: string): boolean {
  return (
    !!actor &&
    actor.roles.some(
      (held) =>
        procedureControlRoles.includes(held.role) &&
        held.unitPath !== null &&
        !unitPath.startsWith(held.unitPath) &&
        !held.unitPath.startsWith(unitPath),
    )
  );
}

/**
 * `unitPaths`: materialised paths of the units the resource belongs to (a condition's unit; the units handling a
 * procedure, for its worksheets). Editing needs an editor role over one of them.
 */
export function can(actor: Actor | null, action: ReformAction, unitPaths: string[] = []): boolean {
  if (hasRole(actor, 'admin')) return true;
  switch (action) {
    case 'reform.read':
      return isStaff(actor);
    case 'reform.configure':
      return hasRole(actor, 'procedure_controller');
    case 'reform.settings':
      return false;
    case 'worksheet.edit':
    case 'condition.edit':
    case 'regime.edit':
      // The procedure controller reviews and corrects every unit's figures (province-wide function, see above).
      return hasRole(actor, 'procedure_controller') || isUnitEditor(actor, unitPaths);
  }
}

/**
 * What a permission on a proposal is asked about: the proposing unit's path and the proposal's status, and
 * `decidedBy`, the central body deciding on it when the unit is a central vertical agency (issuing-body.ts).
 */
export type ProposalScope = { unitPath: string; status: ProposalStatus; decidedBy?: string | null };

/** The decisions a central vertical agency's ministry takes, not the province. */
const centralDecisions: ProposalPermission[] = ['proposal.approve', 'proposal.reject'];

const isCentralDecision = (permission: ProposalPermission, proposal: ProposalScope) =>
  !!proposal.decidedBy && centralDecisions.includes(permission);

/**
 * Proposals. A draft is the unit's working paper: readable only by staff holding a role over the unit, the
 * procedure-control office and administrators; once submitted it is part of the province's programme and every
 * staff account reads it. Editing and submitting belong to the unit's editors; consolidating, approving,
 * rejecting and recording implementation to the procedure-control office outside the unit. The proposal of a central
 * vertical agency (Công an tỉnh...) is addressed to its ministry: the province consolidates it, but nobody in the
 * province's application — not even an administrator — approves or rejects it (the ministry decides, outside it).
 */
export function canOnProposal(actor: Actor | null, permission: ProposalPermission, proposal: ProposalScope): boolean {
  if (isCentralDecision(permission, proposal)) return false;
  // Only a ministry's decision is recorded so: the province decides on its own units' proposals itself.
  if (permission === 'proposal.record_central_decision' && !proposal.decidedBy) return false;
  if (hasRole(actor, 'admin')) return true;
  switch (permission) {
    case 'proposal.read':
      if (proposal.status !== 'draft') return isStaff(actor);
      return hasRoleOver(actor, staffRoles, proposal.unitPath) || hasRole(actor, ...procedureControlRoles);
    case 'proposal.create':
    case 'proposal.edit':
      return isUnitEditor(actor, [proposal.unitPath]);
    default:
      return performerOf(permission) === 'unit' ? isUnitEditor(actor, [proposal.unitPath]) : isProvinceOutside(actor, proposal.unitPath);
  }
}

const performerOf = (permission: `proposal.${ProposalAction}`) =>
  proposalStepPerformers[permission.slice('proposal.'.length) as ProposalAction];

function denialOf(permission: ProposalPermission, proposal: ProposalScope): string {
  if (isCentralDecision(permission, proposal)) {
    return `Phương án của cơ quan ngành dọc do ${proposal.decidedBy} xem xét, quyết định: UBND tỉnh chỉ tổng hợp, không phê duyệt hay từ chối phương án này.`;
  }
  switch (permission) {
    case 'proposal.read':
      return 'Dự thảo phương án chỉ cán bộ của đơn vị lập, Văn phòng UBND tỉnh (bộ phận kiểm soát TTHC) và quản trị viên được xem.';
    case 'proposal.create':
      return 'Chỉ cán bộ của đơn vị mới lập được phương án của đơn vị.';
    case 'proposal.edit':
      return 'Chỉ cán bộ của đơn vị lập phương án mới được sửa phương án.';
    default:
      return performerOf(permission) === 'unit'
        ? 'Chỉ cán bộ của đơn vị lập phương án mới thực hiện được thao tác này.'
        : 'Chỉ Văn phòng UBND tỉnh (bộ phận kiểm soát TTHC) thực hiện được thao tác này.';
  }
}

/** Throws 403 with the reason a user reads, unless the actor holds `permission` on the proposal. */
export function assertCanOnProposal(actor: Actor | null, permission: ProposalPermission, proposal: ProposalScope): void {
  if (!canOnProposal(actor, permission, proposal)) throw forbidden(denialOf(permission, proposal));
}

/** What the actor may do to a proposal now: shown by the web app, enforced by the service through the same rules. */
export function proposalAbilities(actor: Actor | null, proposal: ProposalScope) {
  const allowedActions = proposalActionsFrom(proposal.status).filter((action) => canOnProposal(actor, `proposal.${action}`, proposal));
  return { canEdit: proposal.status === 'draft' && canOnProposal(actor, 'proposal.edit', proposal), allowedActions };
}

/**
 * The unit subtrees whose drafts the actor may read, for filtering lists in the database: 'all', or the paths of
 * the units where the actor holds a staff role (a draft of unit U is readable when U's path starts with one).
 */
export function draftReadScope(actor: Actor | null): 'all' | string[] {
  if (hasRole(actor, 'admin', ...procedureControlRoles)) return 'all';
  const held = (actor?.roles ?? []).filter((role) => staffRoles.includes(role.role));
  if (held.some((role) => role.unitPath === null)) return 'all';
  return held.map((role) => role.unitPath!);
}
