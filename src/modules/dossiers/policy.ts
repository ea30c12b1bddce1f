import { type ProcessRole, type Role, staffRoles } from '../../contract/enums';
import { type Actor, hasRole, hasRoleOver } from '../auth';

/*
 * Who may do what with a dossier (docs/api/dossiers.md "Intake" and "Reading"). Pure: the service loads the unit
 * paths and step holders, these decide.
 */

/** What the read rule needs of one dossier. */
export type DossierAccess = {
  handlingUnitPath: string;
  receivingUnitPath: string | null;
  consultedUnitPaths: string[];
  /** Users assigned to one of its steps. */
  stepHolderIds: string[];
  /** The active step: its role and unit (who holds that role over the unit, or over a unit inside it, holds the step). */
  activeStep: { role: ProcessRole; unitPath: string } | null;
  applicantUserId: string | null;
};

/** A desk officer over the receiving desk (any desk of the province: intake is location-independent). */
export function canReceiveAt(actor: Actor | null, deskPath: string): boolean {
  return hasRoleOver(actor, ['desk_officer'], deskPath);
}

/**
 * Staff whose roles cover the handling unit, the receiving desk or a consulted unit, or who hold a step. Personal
 * data is in the view: nobody else reads it (NĐ 13/2023). Administrators (role without a unit) cover every unit.
 */
export function canReadDossier(actor: Actor | null, access: DossierAccess, deskServed: readonly string[] = []): boolean {
  if (!actor) return false;
  if (waitsAtServedDesk(access, deskServed)) return true;
  const paths = [access.handlingUnitPath, access.receivingUnitPath, ...access.consultedUnitPaths].filter(
    (path): path is string => path !== null,
  );
  if (paths.some((path) => hasRoleOver(actor, staffRoles, path))) return true;
  if (hasRole(actor, ...staffRoles) && access.stepHolderIds.includes(actor.userId)) return true;
  return !!access.activeStep && holdsStepRole(actor, access.activeStep);
}

/**
 * The actor holds the step's role over the step's unit or over a unit inside it (a division's head acts on a
 * department's step); `clerk` steps belong to the unit's leader and desk officer.
 */
export function holdsStepRole(actor: Actor | null, step: { role: ProcessRole; unitPath: string }): boolean {
  if (!actor) return false;
  const roles: Role[] = step.role === 'clerk' ? ['unit_leader', 'desk_officer'] : [step.role];
  return actor.roles.some(
    (held) =>
      roles.includes(held.role) &&
      held.unitPath !== null &&
      (held.unitPath.startsWith(step.unitPath) || step.unitPath.startsWith(held.unitPath)),
  );
}

/**
 * An online or national-portal dossier has no receiving desk: it waits at the desks that serve its handling unit
 * (`deskServed`: paths from desk-scope.ts `deskServedPaths`).
 */
export function waitsAtServedDesk(
  access: Pick<DossierAccess, 'handlingUnitPath' | 'receivingUnitPath'>,
  deskServed: readonly string[],
): boolean {
  return access.receivingUnitPath === null && deskServed.some((path) => access.handlingUnitPath.startsWith(path));
}

/** The applicant's own account, through "Hồ sơ của tôi". */
export function isApplicantOf(actor: Actor | null, access: Pick<DossierAccess, 'applicantUserId'>): boolean {
  return !!actor && access.applicantUserId !== null && access.applicantUserId === actor.userId;
}

/** Citizens and businesses file online for themselves. */
export function canSubmitOnline(actor: Actor | null): boolean {
  return hasRole(actor, 'citizen', 'business');
}

/** Who may upload a dossier file: desk officers and the staff handling dossiers, citizens and businesses online. */
export function canUploadDossierFile(actor: Actor | null): boolean {
  return hasRole(actor, 'citizen', 'business', 'desk_officer', 'specialist', 'division_head', 'unit_leader');
}
