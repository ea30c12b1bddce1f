import type { Role } from '../../contract/enums';
import { type Actor, hasRole, hasRoleOver } from '../auth';

/*
 * Who reads the KPI index and Biểu 06 (docs/api/metrics.md, "Who"): the leaders of a unit (its subtree), procedure
 * control and the provincial office (the whole province, by function) and administrators. Desk officers and
 * specialists work on dossiers, citizens and businesses never see these figures.
 */

const leaderRoles: readonly Role[] = ['unit_leader', 'division_head', 'admin'];
const provinceWideRoles: Role[] = ['procedure_controller', 'provincial_office'];

export function canReadMetrics(actor: Actor | null, unitPath: string): boolean {
  return hasRole(actor, ...provinceWideRoles) || hasRoleOver(actor, leaderRoles, unitPath);
}

type PathOf = { path: string };

/**
 * Who changes the settings of monitoring (docs/api/metrics.md, "Settings"): the reporting months and the rating bands
 * are the province's, so administrators and the province's procedure-control office — a procedure_controller role
 * held at the province itself or within its office (Văn phòng UBND tỉnh, NĐ 63/2010), as for the province's periodic
 * reports. A department's or a commune's controller reads the figures but does not change how they are counted.
 */
export function canConfigureMetrics(actor: Actor | null, root: PathOf, rootOffices: readonly PathOf[]): boolean {
  if (!actor) return false;
  return actor.roles.some(
    (held) =>
      held.role === 'admin' ||
      (held.role === 'procedure_controller' &&
        held.unitPath !== null &&
        (held.unitPath === root.path || rootOffices.some((office) => held.unitPath!.startsWith(office.path)))),
  );
}
