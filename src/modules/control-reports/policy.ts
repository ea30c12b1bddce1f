import { type Actor, hasRoleOver } from '../auth';

/*
 * Who does what with a unit's periodic report (docs/api/control-reports.md, "Who"):
 * - writes (creates, edits, signs): administrators, and the unit's procedure-control office — a
 *   `procedure_controller` role held at the unit itself or within its Văn phòng (the office directly under it whose
 *   name begins with "Văn phòng": Văn phòng UBND tỉnh for the province, as for the plans, NĐ 63/2010, NĐ 92/2017);
 * - reads: the writers, the leaders of the unit (unit_leader, division_head over it), and the province's
 *   procedure-control office for the reports of every unit of the province;
 * - nobody else (403).
 */

export type ReportUnit = { id: string; path: string };

function isControllerOf(actor: Actor | null, unit: ReportUnit, offices: ReportUnit[]): boolean {
  if (!actor) return false;
  return actor.roles.some(
    (held) =>
      held.role === 'procedure_controller' &&
      held.unitPath !== null &&
      (held.unitPath === unit.path || offices.some((office) => held.unitPath!.startsWith(office.path))),
  );
}

/** `offices`: the units directly under `unit` whose name begins with "Văn phòng". */
export function canWriteReport(actor: Actor | null, unit: ReportUnit, offices: ReportUnit[]): boolean {
  if (!actor) return false;
  if (actor.roles.some((held) => held.role === 'admin')) return true;
  return isControllerOf(actor, unit, offices);
}

/** `root` and `rootOffices`: the province and its Văn phòng, whose office reads every unit's report. */
export function canReadReport(
  actor: Actor | null,
  unit: ReportUnit,
  offices: ReportUnit[],
  root: ReportUnit,
  rootOffices: ReportUnit[],
): boolean {
  return (
    canWriteReport(actor, unit, offices) ||
    hasRoleOver(actor, ['unit_leader', 'division_head'], unit.path) ||
    isControllerOf(actor, root, rootOffices)
  );
}
