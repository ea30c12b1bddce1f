import { inArray } from 'drizzle-orm';
import type { PlanEvidenceFile } from '../../contract/plans-reports';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import type { planTaskReports } from '../../db/schema/plans';
import type { Actor } from '../auth';
import { canAssignResponsible } from './report-policy';

/*
 * What this session's additions put into a task view (read-service.ts `buildTaskViews`): each unit's responsible
 * person, and each report's period, difficulties, proposals, percentage and evidence files.
 */

type UnitRow = { taskUnitId: string; unitPath: string | null; responsibleUserId: string | null; responsibleVersion: number };

/** `canAssign` here is the unit's leaders' (and administrators') right; the issuer's office's comes with the plan's `canEdit`. */
export function responsibleView(actor: Actor | null, unit: UnitRow, names: Map<string, string>) {
  return {
    taskUnitId: unit.taskUnitId,
    responsible: unit.responsibleUserId ? { id: unit.responsibleUserId, fullName: names.get(unit.responsibleUserId) ?? '' } : null,
    responsibleVersion: unit.responsibleVersion,
    canAssign: canAssignResponsible(actor, unit.unitPath, false),
  };
}

export function reportDetails(report: typeof planTaskReports.$inferSelect, files: Map<string, PlanEvidenceFile[]>) {
  return {
    periodFrom: report.periodFrom,
    periodTo: report.periodTo,
    difficulties: report.difficulties,
    proposals: report.proposals,
    percent: report.percent,
    files: files.get(report.id) ?? [],
  };
}

/** The names of the units the task units were moved from (merged units, merge.ts). */
export async function unitNames(db: Executor, rows: { movedFromUnitId: string | null }[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.movedFromUnitId ? [row.movedFromUnitId] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const found = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(found.map((row) => [row.id, row.name]));
}

export function movedFromView(unit: { movedFromUnitId: string | null }, names: Map<string, string>) {
  return unit.movedFromUnitId ? { id: unit.movedFromUnitId, name: names.get(unit.movedFromUnitId) ?? '' } : null;
}
