import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { ProcedureContent } from '../../contract/catalog';
import type { MyDossierList, SubmitOnlineDossierBody } from '../../contract/dossiers';
import { defaultPhoneChannels } from '../../contract/enums';
import { forbidden, invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { dossierEvents, dossiers } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import { findUnitsByIds } from '../org';
import { checkOwnUploads } from './dossier-files';
import type { IntakeOptions } from './intake';
import { checkComponents, requireComplete, resolveHandlingUnit, versionForIntake } from './intake-checks';
import { writeIntake } from './intake-write';
import { canSubmitOnline } from './policy';
import type { DossierRow } from './read';

/** What a supplement request asked (the latest event into `supplement_requested` carries it in `data`). */
export type SupplementRequest = { reason: string; positions: number[]; items: string[] };

export async function latestSupplementRequests(executor: Executor, ids: string[]): Promise<Map<string, SupplementRequest>> {
  const requests = new Map<string, SupplementRequest>();
  if (ids.length === 0) return requests;
  const rows = await executor
    .select({ dossierId: dossierEvents.dossierId, data: dossierEvents.data })
    .from(dossierEvents)
    .where(and(inArray(dossierEvents.dossierId, ids), eq(dossierEvents.toStatus, 'supplement_requested')))
    .orderBy(desc(dossierEvents.id));
  for (const row of rows) {
    if (requests.has(row.dossierId)) continue;
    const data = row.data as Partial<SupplementRequest>;
    requests.set(row.dossierId, {
      reason: typeof data.reason === 'string' ? data.reason : '',
      positions: Array.isArray(data.positions) ? data.positions.filter((value) => typeof value === 'number') : [],
      items: Array.isArray(data.items) ? data.items.filter((value) => typeof value === 'string') : [],
    });
  }
  return requests;
}

/** `GET /api/my/dossiers`: the signed-in applicant's dossiers, newest first, with what is asked of them now. */
export async function listMyDossiers(db: Database, actor: Actor, page: { page: number; pageSize: number }): Promise<MyDossierList> {
  if (!canSubmitOnline(actor)) throw forbidden('Chỉ tài khoản công dân hoặc doanh nghiệp mới có "Hồ sơ của tôi".');
  const mine = eq(dossiers.applicantUserId, actor.userId);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dossiers)
      .where(mine)
      .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ value: count() }).from(dossiers).where(mine),
  ]);
  const waiting = rows.filter((row) => row.status === 'supplement_requested').map((row) => row.id);
  const [units, requests] = await Promise.all([
    findUnitsByIds(
      db,
      rows.map((row) => row.handlingUnitId),
    ),
    latestSupplementRequests(db, waiting),
  ]);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  return {
    items: rows.map((row) => {
      const request = requests.get(row.id);
      return {
        id: row.id,
        code: row.code,
        status: row.status,
        procedureCode: row.procedureCode,
        procedureName: row.procedureName,
        handlingUnitName: names.get(row.handlingUnitId) ?? '',
        channel: row.channel,
        submittedAt: row.submittedAt.toISOString(),
        receivedAt: row.receivedAt?.toISOString() ?? null,
        dueAt: row.dueAt?.toISOString() ?? null,
        returnedAt: row.returnedAt?.toISOString() ?? null,
        request: request ? { kind: 'supplement' as const, ...request } : null,
        version: row.version,
      };
    }),
    total: total?.value ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * Online filing only where the catalog offers it: a version whose online level is `none` is filed at a desk (or by
 * post), never through "Nộp hồ sơ trực tuyến" (docs/api/dossiers.md "Intake").
 */
export function requireOfferedOnline(code: string, content: ProcedureContent): void {
  if (content.onlineLevel !== 'none') return;
  throw invalid(
    [{ path: 'procedureCode', message: 'Thủ tục chưa được cung cấp trực tuyến.' }],
    `Thủ tục “${content.name}” (${code}) chưa được cung cấp dịch vụ công trực tuyến: hãy nộp hồ sơ tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính.`,
  );
}

/**
 * `POST /api/my/dossiers`: a citizen or business files online. Every required component as a file they uploaded
 * or reused; the dossier waits at the handling unit's desk (`submitted`), which accepts, asks or refuses.
 */
export async function submitOnlineDossier(
  db: Database,
  actor: Actor,
  body: SubmitOnlineDossierBody,
  options: IntakeOptions = {},
): Promise<DossierRow> {
  if (!canSubmitOnline(actor)) throw forbidden('Chỉ tài khoản công dân hoặc doanh nghiệp mới nộp hồ sơ trực tuyến.');
  const now = options.now ?? new Date();
  const version = await versionForIntake(db, body.procedureCode, vietnamDate(now));
  requireOfferedOnline(body.procedureCode, version.content);
  const handlingUnit = await resolveHandlingUnit(db, version.content, body.handlingUnitCode, vietnamDate(now));
  const components = checkComponents(version.content, body.components, ['file', 'reused']);
  requireComplete(components, version.content, 'Hồ sơ nộp trực tuyến phải có đủ thành phần bắt buộc.');
  const calendar = await getWorkCalendar(db);
  return db.transaction(async (tx) => {
    await checkOwnUploads(tx, actor, components.fileIds, 'components');
    return writeIntake(tx, calendar, {
      phoneChannels: options.phoneChannels ?? defaultPhoneChannels,
      actor: { userId: actor.userId, fullName: actor.fullName, unitId: null },
      now,
      procedureCode: body.procedureCode,
      version,
      handlingUnit,
      receivingUnit: null,
      channel: 'online',
      source: 'online',
      applicant: body.applicant,
      applicantUserId: actor.userId,
      requestSummary: body.requestSummary,
      components,
      outcome: 'submit',
      decisionData: {},
      comment: null,
    });
  });
}
