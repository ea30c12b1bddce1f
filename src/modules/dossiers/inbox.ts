import { and, asc, count, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DossierList, DossierListQuery } from '../../contract/dossiers';
import { staffRoles } from '../../contract/enums';
import { forbidden, invalid } from '../../core/errors';
import type { Database } from '../../db/client';
import { dossierSteps, dossiers } from '../../db/schema/dossiers';
import { type Actor, findUserNames, hasRole } from '../auth';
import { getWorkCalendar } from '../calendar';
import { findUnitsByCodes, findUnitsByIds, listSubtreeUnitIds } from '../org';
import { readableCondition, todoCondition } from './inbox-scope';
import type { DossierRow } from './read';
import { remainingWorkingMinutes } from './view';

/** `••••••••1234`: only the last four characters of an ID number or phone stay readable in lists. */
export function maskTail(value: string | null, visible = 4): string {
  if (!value) return '';
  const clean = value.replace(/\s/g, '');
  return '•'.repeat(Math.max(0, clean.length - visible)) + clean.slice(-visible);
}

const openStatuses = ['submitted', 'supplement_requested', 'processing', 'result_ready'] as const;

type CurrentStep = Pick<typeof dossierSteps.$inferSelect, 'dossierId' | 'stepNo' | 'name' | 'role' | 'assigneeId'>;

/** The current step of each dossier of a page, by dossier id. */
async function currentStepsOf(db: Database, rows: DossierRow[]): Promise<Map<string, CurrentStep>> {
  const current = rows.filter((row) => row.currentStepNo !== null);
  if (current.length === 0) return new Map();
  const steps = await db
    .select({
      dossierId: dossierSteps.dossierId,
      stepNo: dossierSteps.stepNo,
      name: dossierSteps.name,
      role: dossierSteps.role,
      assigneeId: dossierSteps.assigneeId,
    })
    .from(dossierSteps)
    .where(
      inArray(
        dossierSteps.dossierId,
        current.map((row) => row.id),
      ),
    );
  const wanted = new Map(current.map((row) => [row.id, row.currentStepNo]));
  return new Map(steps.filter((step) => wanted.get(step.dossierId) === step.stepNo).map((step) => [step.dossierId, step]));
}

/** `GET /api/dossiers`: the actor's inbox, filtered, ordered by due (the most urgent first), personal data masked. */
export async function listInbox(db: Database, actor: Actor, query: DossierListQuery, now = new Date()): Promise<DossierList> {
  if (!hasRole(actor, ...staffRoles)) throw forbidden('Chỉ cán bộ, công chức mới xem được danh sách hồ sơ.');
  const calendar = await getWorkCalendar(db);
  const conditions: SQL[] = [query.box === 'todo' ? await todoCondition(db, actor) : await readableCondition(db, actor)];
  if (query.status) conditions.push(eq(dossiers.status, query.status));
  if (query.unit) {
    const [unit] = await findUnitsByCodes(db, [query.unit]);
    if (!unit) throw invalid([{ path: 'querystring.unit', message: `Không có đơn vị mã ${query.unit}.` }]);
    conditions.push(inArray(dossiers.handlingUnitId, await listSubtreeUnitIds(db, unit.id)));
  }
  if (query.procedure) conditions.push(eq(dossiers.procedureCode, query.procedure));
  if (query.overdue !== undefined) {
    const late = or(eq(dossiers.isOverdue, true), and(inArray(dossiers.status, [...openStatuses]), lte(dossiers.dueAt, now)))!;
    conditions.push(query.overdue ? late : sql`not (${late})`);
  }
  if (query.dueWithinHours !== undefined) {
    const limit = calendar.addWorkingMinutes(now, query.dueWithinHours * 60);
    conditions.push(and(eq(dossiers.status, 'processing'), lte(dossiers.dueAt, limit))!);
  }
  if (query.q) {
    const q = query.q;
    conditions.push(
      or(
        sql`${dossiers.code} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
        sql`motcua_norm(${dossiers.applicantName}) like '%' || motcua_norm(${q}) || '%'`,
      )!,
    );
  }
  const where = and(...conditions);
  // The page alone first (in due order, from the scope's indexes), then the current steps of its rows only.
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dossiers)
      .where(where)
      .orderBy(sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt), asc(dossiers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(dossiers).where(where),
  ]);
  const steps = await currentStepsOf(db, rows);
  const [units, names] = await Promise.all([
    findUnitsByIds(
      db,
      rows.map((row) => row.handlingUnitId),
    ),
    findUserNames(
      db,
      [...steps.values()].flatMap((step) => (step.assigneeId ? [step.assigneeId] : [])),
    ),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, { id: unit.id, code: unit.code, name: unit.name }]));
  return {
    items: rows.map((dossier) => {
      const step = steps.get(dossier.id);
      return {
        id: dossier.id,
        code: dossier.code,
        status: dossier.status,
        procedureCode: dossier.procedureCode,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicantName,
        applicantIdNumberMasked: maskTail(dossier.applicantIdNumber),
        handlingUnit: unitById.get(dossier.handlingUnitId)!,
        channel: dossier.channel,
        source: dossier.source,
        submittedAt: dossier.submittedAt.toISOString(),
        receivedAt: dossier.receivedAt?.toISOString() ?? null,
        dueAt: dossier.dueAt?.toISOString() ?? null,
        remainingWorkingMinutes: remainingWorkingMinutes(calendar, dossier, now),
        isOverdue: dossier.isOverdue || (dossier.status === 'processing' && !!dossier.dueAt && dossier.dueAt < now),
        timing: dossier.timing,
        currentStep: step
          ? {
              stepNo: step.stepNo,
              name: step.name,
              role: step.role,
              assigneeName: step.assigneeId ? (names.get(step.assigneeId) ?? null) : null,
            }
          : null,
        version: dossier.version,
      };
    }),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
