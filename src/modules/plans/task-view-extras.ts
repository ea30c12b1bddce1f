import type { PlanEvidenceFile } from '../../contract/plans-reports';
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
