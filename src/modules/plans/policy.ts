import { type Actor, hasRole, hasRoleOver, isStaff, staffRoles } from '../auth';

/**
 * Who may do what with plans (issue 14): the only place where plan permissions are decided.
 *
 * - Everyone of the administration (staff) reads every plan of the province.
 * - A plan is edited (saved from an import) by its issuer's procedure-control office and by administrators: a
 *   `procedure_controller` role held at the issuing unit itself, or within its Văn phòng (the unit directly under
 *   it flagged as its office, `units.is_office`: by NĐ 63/2010 and NĐ 92/2017 the office of UBND tỉnh, and a department's
 *   office, are the procedure-control focal points). A controller of a department is therefore not the province's
 *   office: a department does not edit the province's plan, while the province's office does not edit a
 *   department's plan either.
 * - A task's lead unit reports its progress: staff with a role over one of its lead units (`hasRoleOver`).
 * - The day of the event a relative deadline counts from ("kể từ ngày tiếp nhận văn bản") is recorded by those who
 *   edit the task (the issuer's office, administrators) and by the lead units' staff, who learn that it happened.
 * - Coordinating units comment (later).
 */
export type PlanUnit = { id: string; path: string; name: string; parentId: string | null };

export function canReadPlans(actor: Actor | null): boolean {
  return isStaff(actor);
}

/** `offices`: the issuer's children flagged as its office (Văn phòng) in the unit tree (`units.is_office`). */
export function canEditPlan(actor: Actor | null, issuer: PlanUnit, offices: PlanUnit[]): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (!actor) return false;
  return actor.roles.some(
    (held) =>
      held.role === 'procedure_controller' &&
      held.unitPath !== null &&
      (held.unitPath === issuer.path || offices.some((office) => held.unitPath!.startsWith(office.path))),
  );
}

/** Importing writes nothing: whoever may edit some plan (a procedure controller anywhere, an administrator). */
export function canImportPlans(actor: Actor | null): boolean {
  return hasRole(actor, 'admin', 'procedure_controller');
}

/** The lead units (paths) of the task over which the actor holds a staff role. */
export function reportableLeadUnits<T extends { path: string }>(actor: Actor | null, leadUnits: T[]): T[] {
  return leadUnits.filter((unit) => hasRoleOver(actor, staffRoles, unit.path));
}

export function canReportOnTask(actor: Actor | null, leadUnits: { path: string }[]): boolean {
  return hasRole(actor, 'admin') || reportableLeadUnits(actor, leadUnits).length > 0;
}

/** `isIssuerOffice`: canEditPlan for the task's plan (administrators included). */
export function canRecordDeadlineEvent(actor: Actor | null, leadUnits: { path: string }[], isIssuerOffice: boolean): boolean {
  return isIssuerOffice || reportableLeadUnits(actor, leadUnits).length > 0;
}
