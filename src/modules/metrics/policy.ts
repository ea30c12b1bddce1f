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
