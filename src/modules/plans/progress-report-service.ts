import { asc, eq, inArray } from 'drizzle-orm';
import { type PlanTaskStatus, planTaskStatusLabels } from '../../contract/plans';
import type { PlanProgressReportQuery } from '../../contract/plans-reports';
import { abbreviateUnit, placeName, resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import { forbidden, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { renderOnWorker } from '../../documents/render-pool';
import type { Actor } from '../auth';
import { findUnitsByIds, getUnitById } from '../org';
import type { ProgressReportData, ProgressTask } from './documents';
import { renderProgressReportXlsx } from './documents/xlsx';
import { loadReportFiles } from './evidence-service';
import { canReadPlans } from './policy';

/*
 * `GET /api/plans/{id}/progress-report.docx|.pdf|.xlsx?from=&to=` (docs/formats/plan-progress-report.md): the plan's
 * progress over a period, as its issuer reports it. A report counts in the period when the period it covers (or,
 * without one, the day it was made) meets [from, to]; a task's status is the one its last report made by `to` set
 * (cancelled and overdue tasks keep theirs; no report: not started).
 */

export type ProgressReportDownload = { body: Buffer; fileName: string; mediaType: string };
export const PROGRESS_REPORT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function loadUnitChain(executor: Executor, unitId: string): Promise<TreeUnit[]> {
  const unit = await getUnitById(executor, unitId);
  const ancestorIds = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
  const byId = new Map((await findUnitsByIds(executor, ancestorIds)).map((row) => [row.id, row]));
  const ancestors = ancestorIds
    .reverse()
    .map((id) => byId.get(id))
    .filter((row) => row !== undefined);
  return [unit, ...ancestors].map((row) => ({ name: row.name, shortName: row.shortName, type: row.type }));
}

export async function buildProgressReportData(db: Executor, planId: string, query: PlanProgressReportQuery): Promise<ProgressReportData> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const taskIds = tasks.map((task) => task.id);
  const links = taskIds.length
    ? await db
        .select({ taskId: planTaskUnits.taskId, role: planTaskUnits.role, name: planTaskUnits.nameAsWritten, unitName: units.name })
        .from(planTaskUnits)
        .leftJoin(units, eq(units.id, planTaskUnits.unitId))
        .where(inArray(planTaskUnits.taskId, taskIds))
        .orderBy(asc(planTaskUnits.position))
    : [];
  const reports = taskIds.length
    ? await db
        .select({ report: planTaskReports, unitName: units.name })
        .from(planTaskReports)
        .leftJoin(units, eq(units.id, planTaskReports.unitId))
        .where(inArray(planTaskReports.taskId, taskIds))
        .orderBy(asc(planTaskReports.createdAt), asc(planTaskReports.id))
    : [];
  const files = await loadReportFiles(
    db,
    reports.map((row) => row.report.id),
  );
  const difficulties: ProgressReportData['difficulties'] = [];
  const proposals: ProgressReportData['proposals'] = [];
  const progressTasks = tasks.map((task): ProgressTask => {
    const made = reports.filter((row) => row.report.taskId === task.id && vietnamDate(row.report.createdAt) <= query.to);
    const inPeriod = made.filter(({ report }) => {
      const day = vietnamDate(report.createdAt);
      return (report.periodFrom ?? day) <= query.to && (report.periodTo ?? day) >= query.from;
    });
    const last = made.at(-1)?.report;
    const status: PlanTaskStatus =
      task.status === 'cancelled' || task.status === 'overdue' ? task.status : (last?.statusAfter ?? 'not_started');
    for (const { report, unitName } of inPeriod) {
      const unit = unitName ?? 'Đơn vị chủ trì';
      if (report.difficulties) difficulties.push({ ref: task.ref, unit, text: report.difficulties });
      if (report.proposals) proposals.push({ ref: task.ref, unit, text: report.proposals });
    }
    return {
      ref: task.ref,
      title: task.title,
      leadUnits: links.filter((link) => link.taskId === task.id && link.role === 'lead').map((link) => link.unitName ?? link.name),
      deadline: task.deadlines.map((deadline) => deadline.text).join('; '),
      status,
      statusLabel: planTaskStatusLabels[status],
      results: inPeriod.map(({ report }) => report.text),
      percent: inPeriod.map(({ report }) => report.percent).findLast((value) => value !== null) ?? null,
      evidence: inPeriod.flatMap(({ report }) => (files.get(report.id) ?? []).map((file) => file.name)),
    };
  });
  const [issuer, ...ancestors] = (await loadUnitChain(db, plan.issuerUnitId)) as [TreeUnit, ...TreeUnit[]];
  const place = placeName((ancestors.at(-1) ?? issuer).name);
  const body = resolveIssuingBody(issuer, ancestors, place, abbreviateUnit);
  return {
    issuingBody: { parent: body.parent, name: body.name, symbol: body.symbol, shortName: body.shortName },
    place,
    plan: { number: plan.number, date: plan.issuedOn, title: plan.title },
    from: query.from,
    to: query.to,
    tasks: progressTasks,
    difficulties,
    proposals,
    recipients: body.recipients,
    signer: { ...body.signer, name: null },
  };
}

export async function exportProgressReport(
  db: Database,
  actor: Actor | null,
  planId: string,
  query: PlanProgressReportQuery,
  format: 'docx' | 'pdf' | 'xlsx',
  options: { timeoutMs: number },
): Promise<ProgressReportDownload> {
  if (!canReadPlans(actor)) throw forbidden();
  const data = await buildProgressReportData(db, planId, query);
  const number = (data.plan.number ?? 'ke-hoach').replace(/[\\/\s]+/g, '-');
  const fileName = `bao-cao-${number}-${query.from}-${query.to}.${format}`;
  const body =
    format === 'xlsx'
      ? await renderProgressReportXlsx(data)
      : await renderOnWorker({ kind: 'plan-progress-report', format, data }, options.timeoutMs);
  return { body, fileName, mediaType: PROGRESS_REPORT_MEDIA_TYPES[format] };
}
