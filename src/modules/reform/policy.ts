import type { Role } from '../../contract/enums';
import { type Actor, hasRole, hasRoleOver, isStaff } from '../auth';

export type ReformAction =
  | 'reform.read'
  | 'reform.configure'
  | 'worksheet.edit'
  | 'proposal.edit'
  | 'proposal.consolidate'
  | 'condition.edit';

/** Staff who prepare a unit's proposals and worksheets, within their unit subtree. */
const unitEditorRoles: Role[] = ['unit_leader', 'division_head', 'specialist', 'procedure_controller'];
/** The provincial procedure-control function (Văn phòng UBND tỉnh) consolidates and records approvals. */
const provincialRoles: Role[] = ['procedure_controller', 'provincial_office'];

/** Staff of the unit itself, of a unit above it, or of one of its divisions (a division head drafts the department's proposal). */
function isUnitStaff(actor: Actor | null, unitPaths: string[]): boolean {
  return unitPaths.some(
    (path) =>
      hasRoleOver(actor, unitEditorRoles, path) ||
      !!actor?.roles.some((held) => unitEditorRoles.includes(held.role) && held.unitPath?.startsWith(path)),
  );
}

/**
 * `unitPaths`: materialised paths of the units the resource belongs to (a proposal's unit; the units handling a
 * procedure). Editing needs a role over one of them; consolidating needs a provincial role held OUTSIDE the
 * proposing unit, so that a department never consolidates its own proposal.
 */
export function can(actor: Actor | null, action: ReformAction, unitPaths: string[] = []): boolean {
  if (hasRole(actor, 'admin')) return true;
  switch (action) {
    case 'reform.read':
      return isStaff(actor);
    case 'reform.configure':
      return hasRole(actor, 'procedure_controller');
    case 'worksheet.edit':
    case 'condition.edit':
      return hasRole(actor, 'procedure_controller') || isUnitStaff(actor, unitPaths);
    case 'proposal.edit':
      return isUnitStaff(actor, unitPaths);
    case 'proposal.consolidate':
      return (
        !!actor &&
        actor.roles.some(
          (held) =>
            provincialRoles.includes(held.role) &&
            !unitPaths.some((path) => held.unitPath === null || path.startsWith(held.unitPath) || held.unitPath.startsWith(path)),
        )
      );
  }
}
