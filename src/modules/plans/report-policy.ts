import { type Actor, hasRole, hasRoleOver, isStaff, staffRoles } from '../auth';

/**
 * Who may comment on a task, assign its responsible people and attach evidence (issue 14), beside policy.ts, which
 * decides reading, editing and reporting:
 *
 * - A task's coordinating and lead units comment: staff with a role over one of them; the issuer's office
 *   (`isIssuerOffice`: canEditPlan) and administrators too. Everyone in the province reads the thread.
 * - The person responsible in a unit is assigned by that unit's leaders (unit_leader, division_head with a role over
 *   the unit), by the issuer's office, and by administrators; the person must be staff of the unit's subtree.
 * - A comment is edited by its author only, and deleted by its author or an administrator (comments-service.ts keeps
 *   the deleted one as a tombstone).
 * - A lead unit's own progress report (`progress-report.*?unit=`) is made by the unit's own staff (a staff role at
 *   the unit or below it: a role held above, at the province, is not the unit's), by the issuer's office and by
 *   administrators; the plan's report by its issuer is read by all staff (policy.ts canReadPlans).
 * - Evidence is uploaded by staff and attached by its uploader to a report they make; staff of the province read it.
 */
const leaderRoles = ['unit_leader', 'division_head'] as const;

/** The task's units (lead or coordinating) over which the actor holds a staff role. */
export function commentableUnits<T extends { path: string }>(actor: Actor | null, taskUnits: T[]): T[] {
  return taskUnits.filter((unit) => hasRoleOver(actor, staffRoles, unit.path));
}

export function canCommentOnTask(actor: Actor | null, taskUnits: { path: string }[], isIssuerOffice: boolean): boolean {
  return hasRole(actor, 'admin') || isIssuerOffice || commentableUnits(actor, taskUnits).length > 0;
}

export function canEditComment(actor: Actor | null, comment: { authorId: string }): boolean {
  return !!actor && actor.userId === comment.authorId;
}

export function canDeleteComment(actor: Actor | null, comment: { authorId: string }): boolean {
  return canEditComment(actor, comment) || hasRole(actor, 'admin');
}

export function canIssueUnitReport(actor: Actor | null, unitPath: string, isIssuerOffice: boolean): boolean {
  if (hasRole(actor, 'admin') || isIssuerOffice) return true;
  return !!actor && actor.roles.some((held) => staffRoles.includes(held.role) && held.unitPath?.startsWith(unitPath) === true);
}

export function canAssignResponsible(actor: Actor | null, unitPath: string | null, isIssuerOffice: boolean): boolean {
  if (hasRole(actor, 'admin') || isIssuerOffice) return true;
  return unitPath !== null && hasRoleOver(actor, leaderRoles, unitPath);
}

export function canUploadEvidence(actor: Actor | null): boolean {
  return isStaff(actor);
}
