import { and, asc, count, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { type DossierList, type DossierListQuery, type DossierStepView, INBOX_COUNT_CAP } from '../../contract/dossiers';
import { staffRoles } from '../../contract/enums';
import { forbidden, invalid } from '../../core/errors';
import { escapeLikePattern } from '../../core/text';
import type { Database } from '../../db/client';
import { dossierSteps, dossiers } from '../../db/schema/dossiers';
import { type Actor, findUserNames, hasRole } from '../auth';
import { getWorkCalendar } from '../calendar';
import { findUnitsByCodes, findUnitsByIds, listSubtreeUnitIds } from '../org';
import { readableCondition, todoCondition } from './inbox-scope';
import { remainingWorkingMinutes } from './view';

/** `••••••••1234`: only the last four characters of an ID number or phone stay readable in lists. */
export function maskTail(value: string | null, visible = 4): string {
  if (!value) return '';
  const clean = value.replace(/\s/g, '');
  return '•'.repeat(Math.max(0, clean.length - visible)) + clean.slice(-visible);
}

const openStatuses = ['submitted', 'supplement_requested', 'processing', 'result_ready'] as const;

type CurrentStep = { stepNo: number; name: string; role: DossierStepView['role']; assigneeId: string | null };

/**
 * The current step of a listed dossier, in the page's own query: a sub-query of the select list, which PostgreSQL
 * evaluates after the sort and the limit — for the page's rows only. Names written out: drizzle leaves the columns of a
 * select list unqualified, which a sub-query would read as its own.
 */
const currentStep = sql<CurrentStep | null>`(select json_build_object('stepNo', s.step_no, 'name', s.name, 'role', s.role, 'assigneeId', s.assignee_id) from ${dossierSteps} s where s.dossier_id = ${sql.raw(`"dossiers"."id"`)} and s.step_no = ${sql.raw(`"dossiers"."current_step_no"`)})`;

/** `GET /api/dossiers`: the actor's inbox, filtered, ordered by due (the most urgent first), personal data masked. */
export async function listInbox(db: Database, actor: Actor, query: DossierListQuery, now = new Date()): Promise<DossierList> {
  if (!hasRole(actor, ...staffRoles)) throw forbidden('Chỉ cán bộ, công chức mới xem được danh sách hồ sơ.');
  const [calendar, scope] = await Promise.all([
    getWorkCalendar(db),
    query.box === 'todo' ? todoCondition(db, actor) : readableCondition(db, actor),
  ]);
  const conditions: SQL[] = [scope];
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
    // The dossiers the text matches, found first on the trigram indexes (migration 0036) and looked up by id: the
    // planner overestimates how many a LIKE matches, and ordered by due it read the whole scope to find a rare code
    // or name (bench:dossiers: 90 ms for no match among 100,000 dossiers, 2 ms this way). A text of punctuation alone
    // has no search form: it matches codes only.
    conditions.push(
      sql`${dossiers.id} = any(array(select m.id from ${dossiers} m where m.code ilike ${`%${escapeLikePattern(q)}%`}
        or (motcua_norm(${q}) <> '' and m.applicant_name_norm like '%' || motcua_norm(${q}) || '%')))`,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ dossier: dossiers, step: currentStep })
      .from(dossiers)
      .where(where)
      .orderBy(sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.submittedAt), asc(dossiers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    // Counted up to the cap and one more: beyond it the exact number is not worth a scan of the whole set.
    db.select({ value: count() }).from(
      db
        .select({ one: sql`1` })
        .from(dossiers)
        .where(where)
        .limit(INBOX_COUNT_CAP + 1)
        .as('matching'),
    ),
  ]);
  const counted = total?.value ?? 0;
  const [units, names] = await Promise.all([
    findUnitsByIds(
      db,
      rows.map((row) => row.dossier.handlingUnitId),
    ),
    findUserNames(
      db,
      rows.flatMap((row) => (row.step?.assigneeId ? [row.step.assigneeId] : [])),
    ),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, { id: unit.id, code: unit.code, name: unit.name }]));
  return {
    items: rows.map(({ dossier, step }) => ({
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
    })),
    total: Math.min(counted, INBOX_COUNT_CAP),
    totalIsCapped: counted > INBOX_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}
