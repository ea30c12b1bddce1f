import { asc, eq, inArray } from 'drizzle-orm';
import { type PlanTaskStatus, planTaskStatusLabels } from '../../contract/plans';
import type { PlanProgressReportQuery } from '../../contract/plans-reports';
import { abbreviateUnit, placeName, resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import { forbidden, invalid, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { plans, planTaskReports, planTasks, planTaskUnits } from '../../db/schema/plans';
import { renderOnWorker } from '../../documents/render-pool';
import type { Actor } from '../auth';
import { findUnitsByIds, getUnitById, listOfficeUnits } from '../org';
import type { ProgressReportData, ProgressTask } from './documents';
import { renderProgressReportXlsx } from './documents/xlsx';
import { loadReportFiles } from './evidence-service';
import { loadIssuer } from './issuer';
import { canEditPlan, canReadPlans } from './policy';
import { canIssueUnitReport } from './report-policy';

/*
 * `GET /api/plans/{id}/progress-report.docx|.pdf|.xlsx?from=&to=` (docs/formats/plan-progress-report.md): the plan's
 * progress over a period, as its issuer reports it, or (`unit=`) a lead unit's own report on the tasks it leads, to
 * the issuer. A report counts in the period when the period it covers (or,
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

type PlanRow = typeof plans.$inferSelect;
type UnitRow = Awaited<ReturnType<typeof getUnitById>>;

async function issuingBodyOf(db: Executor, unitId: string) {
  const [unit, ...ancestors] = (await loadUnitChain(db, unitId)) as [TreeUnit, ...TreeUnit[]];
  const place = placeName((ancestors.at(-1) ?? unit).name);
  return { place, body: resolveIssuingBody(unit, ancestors, place, abbreviateUnit) };
}

/**
 * The progress data of `plan` over the period. With `leadUnit`, a lead unit's own report on its part: only the tasks
 * it leads, only its own reports (its status of a task is the one its last report set), issued by the unit and
 * addressed to the plan's issuer (Nơi nhận, "kính báo cáo"), signed by the unit's head.
 */
export async function buildProgressReportData(
  db: Executor,
  plan: PlanRow,
  query: PlanProgressReportQuery,
  leadUnit: UnitRow | null = null,
): Promise<ProgressReportData> {
  const planTasksRows = await db.select().from(planTasks).where(eq(planTasks.planId, plan.id)).orderBy(asc(planTasks.position));
  const allIds = planTasksRows.map((task) => task.id);
  const links = allIds.length
    ? await db
        .select({
          taskId: planTaskUnits.taskId,
          role: planTaskUnits.role,
          unitId: planTaskUnits.unitId,
          name: planTaskUnits.nameAsWritten,
          unitName: units.name,
        })
        .from(planTaskUnits)
        .leftJoin(units, eq(units.id, planTaskUnits.unitId))
        .where(inArray(planTaskUnits.taskId, allIds))
        .orderBy(asc(planTaskUnits.position))
    : [];
  const tasks = leadUnit
    ? planTasksRows.filter((task) => links.some((link) => link.taskId === task.id && link.role === 'lead' && link.unitId === leadUnit.id))
    : planTasksRows;
  if (leadUnit && tasks.length === 0) {
    throw invalid(
      [{ path: 'unit', message: `${leadUnit.name} không chủ trì nhiệm vụ nào của kế hoạch này.` }],
      'Không lập được báo cáo của đơn vị.',
    );
  }
  const taskIds = tasks.map((task) => task.id);
  const reports = (
    taskIds.length
      ? await db
          .select({ report: planTaskReports, unitName: units.name })
          .from(planTaskReports)
          .leftJoin(units, eq(units.id, planTaskReports.unitId))
          .where(inArray(planTaskReports.taskId, taskIds))
          .orderBy(asc(planTaskReports.createdAt), asc(planTaskReports.id))
      : []
  ).filter(({ report }) => !leadUnit || report.unitId === leadUnit.id);
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
  const { place, body } = await issuingBodyOf(db, leadUnit?.id ?? plan.issuerUnitId);
  const reportsTo = leadUnit ? await addresseeOf(db, plan.issuerUnitId) : null;
  return {
    issuingBody: { parent: body.parent, name: body.name, symbol: body.symbol, shortName: body.shortName },
    place,
    plan: { number: plan.number, date: plan.issuedOn, title: plan.title },
    from: query.from,
    to: query.to,
    tasks: progressTasks,
    difficulties,
    proposals,
    recipients: reportsTo ? reportsTo.recipients : body.recipients,
    signer: { ...body.signer, name: null },
    ...(reportsTo ? { reportsTo: { name: reportsTo.name } } : {}),
  };
}

/**
 * The plan's issuer, as a lead unit's report to it names it: "Ủy ban nhân dân tỉnh …" in the closing and first in Nơi
 * nhận ("để báo cáo"), then its office ("để tổng hợp": the procedure-control office consolidates the units' reports).
 */
async function addresseeOf(db: Executor, issuerUnitId: string) {
  const { body } = await issuingBodyOf(db, issuerUnitId);
  const offices = await listOfficeUnits(db, issuerUnitId);
  return {
    name: body.shortName,
    recipients: [`${body.shortName} (để báo cáo)`, ...offices.map((office) => `${office.name} (để tổng hợp)`), 'Lưu: VT'],
  };
}

/** The lead unit of `?unit=`, checked: a unit of the tree (422), one the actor may report for (403). */
async function loadReportingUnit(db: Executor, actor: Actor | null, plan: PlanRow, unitId: string | undefined): Promise<UnitRow | null> {
  if (!unitId || unitId === plan.issuerUnitId) return null;
  const [unit] = await findUnitsByIds(db, [unitId]);
  if (!unit) throw invalid([{ path: 'unit', message: 'Không tìm thấy đơn vị này.' }], 'Không lập được báo cáo của đơn vị.');
  const issuer = await loadIssuer(db, plan.issuerUnitId);
  const isIssuerOffice = !!issuer && canEditPlan(actor, issuer.issuer, issuer.offices);
  if (!canIssueUnitReport(actor, unit.path, isIssuerOffice)) {
    throw forbidden(
      `Chỉ cán bộ của ${unit.name}, văn phòng của cơ quan ban hành kế hoạch hoặc quản trị viên được lập báo cáo của đơn vị này.`,
    );
  }
  return unit;
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
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  const leadUnit = await loadReportingUnit(db, actor, plan, query.unit);
  const data = await buildProgressReportData(db, plan, query, leadUnit);
  const number = (data.plan.number ?? 'ke-hoach').replace(/[\\/\s]+/g, '-');
  const unitPart = leadUnit ? `-${data.issuingBody.symbol}` : '';
  const fileName = `bao-cao-${number}${unitPart}-${query.from}-${query.to}.${format}`;
  const body =
    format === 'xlsx'
      ? await renderProgressReportXlsx(data)
      : await renderOnWorker({ kind: 'plan-progress-report', format, data }, options.timeoutMs);
  return { body, fileName, mediaType: PROGRESS_REPORT_MEDIA_TYPES[format] };
}
