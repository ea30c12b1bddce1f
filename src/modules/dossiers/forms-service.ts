import { and, asc, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { DossierFormNumberParam, TrackingBookQuery, TrackingBookView } from '../../contract/dossier-forms';
import { staffRoles } from '../../contract/enums';
import { dossierStatusLabel, returnMethodLabels } from '../../contract/labels';
import { abbreviateUnit, placeName, resolveIssuingBody, type TreeUnit } from '../../core/documents/issuing-body';
import { AppError, forbidden, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { dossierAccessLog, dossiers } from '../../db/schema/dossiers';
import { renderOnWorker } from '../../documents/render-pool';
import { type Actor, hasRoleOver } from '../auth';
import { getWorkCalendar } from '../calendar';
import { findUnitsByCodes, findUnitsByIds, getUnitById, listSubtreeUnitIds } from '../org';
import { bookEntries } from './book-lines';
import { type FormHeader, formNotApplicable, formTitles, renderTrackingBookXlsx } from './forms';
import { canReadDossier } from './policy';
import { loadAccess } from './read';
import { getDossierView } from './view';

/** Where the forms' QR codes point, and how long a render may take (config). */
export type FormOptions = { publicBaseUrl: string; timeoutMs: number };

export type FormDownload = { body: Buffer; fileName: string; mediaType: string };

/** The unit and its ancestors up to the root of the tree, as the issuing body's lookup wants them. */
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

/** The header of a form issued by `unitId`: the issuing body and its parent (NĐ 30), the province's name, the QR link. */
export async function loadFormHeader(executor: Executor, unitId: string, statusUrl: string): Promise<FormHeader> {
  const [unit, ...ancestors] = (await loadUnitChain(executor, unitId)) as [TreeUnit, ...TreeUnit[]];
  const place = placeName((ancestors.at(-1) ?? unit).name);
  const body = resolveIssuingBody(unit, ancestors, place, abbreviateUnit);
  return { issuer: { parent: body.parent, name: body.name, shortName: body.shortName }, place, statusUrl };
}

export function publicStatusUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;
}

/** The desk issues the receipt, the supplement request, the refusal and the stop notice; the handling unit the rest. */
const issuedByHandlingUnit = new Set<DossierFormNumberParam>(['04', '06']);

/**
 * `GET /api/dossiers/:id/forms/:form`: whoever may read the dossier; a form its history does not have → 409. The
 * read of the personal data the form prints is logged (purpose 'form').
 */
export async function renderFormForActor(
  db: Database,
  actor: Actor,
  id: string,
  form: DossierFormNumberParam,
  options: FormOptions,
): Promise<FormDownload> {
  const access = await loadAccess(db, id);
  if (!canReadDossier(actor, access)) throw forbidden('Bạn không có quyền xem hồ sơ này.');
  const view = await getDossierView(db, actor, id, { calendar: await getWorkCalendar(db) });
  const reason = formNotApplicable(view, form);
  if (reason) throw new AppError('conflict', reason);
  const issuerId = issuedByHandlingUnit.has(form) ? view.handlingUnit.id : (view.receivingUnit ?? view.handlingUnit).id;
  const header = await loadFormHeader(db, issuerId, publicStatusUrl(options.publicBaseUrl, view.code));
  if (form === '01') header.bookEntry = (await bookEntries(db, [id])).get(id) ?? null;
  await db.insert(dossierAccessLog).values({ dossierId: id, userId: actor.userId, purpose: 'form' });
  const body = await renderOnWorker({ kind: 'dossier-form', form, view, header }, options.timeoutMs);
  return { body, fileName: `mau-${form}-${view.code}.pdf`, mediaType: 'application/pdf' };
}

const vietnamMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);
const nextDay = (day: string) => new Date(vietnamMidnight(day).getTime() + 86_400_000);

/**
 * Mẫu 07 of a unit and period: the dossiers received at the unit (or a desk inside it), or handled by it, whose
 * receipt (or, never received, submission) falls in the period's Vietnam days. For staff covering the unit; each
 * dossier listed counts as a read of its personal data (the book shows names, addresses and phones).
 */
export async function loadTrackingBook(db: Database, actor: Actor, query: Pick<TrackingBookQuery, 'unit' | 'from' | 'to'>) {
  const [unit] = await findUnitsByCodes(db, [query.unit]);
  if (!unit) throw notFound('đơn vị');
  if (!hasRoleOver(actor, staffRoles, unit.path)) throw forbidden('Bạn không có quyền xem sổ theo dõi hồ sơ của đơn vị này.');
  const subtree = await listSubtreeUnitIds(db, unit.id);
  const instant = sql`coalesce(${dossiers.receivedAt}, ${dossiers.submittedAt})`;
  const rows = await db
    .select()
    .from(dossiers)
    .where(
      and(
        or(inArray(dossiers.receivingUnitId, subtree), inArray(dossiers.handlingUnitId, subtree)),
        gte(instant, vietnamMidnight(query.from)),
        lt(instant, nextDay(query.to)),
      ),
    )
    .orderBy(asc(instant), asc(dossiers.code));
  const lines = await bookEntries(
    db,
    rows.map((row) => row.id),
  );
  const agencies = new Map((await findUnitsByIds(db, [...new Set(rows.map((row) => row.handlingUnitId))])).map((u) => [u.id, u.name]));
  if (rows.length) {
    await db.insert(dossierAccessLog).values(rows.map((row) => ({ dossierId: row.id, userId: actor.userId, purpose: 'form' })));
  }
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  const book: TrackingBookView = {
    unitName: unit.name,
    from: query.from,
    to: query.to,
    rows: rows.map((row) => ({
      book: lines.get(row.id) ?? null,
      code: row.code,
      procedureName: row.procedureName,
      applicantName: row.applicantName,
      applicantContact: [row.applicant.address, row.applicant.phone].filter(Boolean).join('; '),
      leadAgency: agencies.get(row.handlingUnitId) ?? '',
      receivedAt: iso(row.receivedAt),
      dueAt: iso(row.dueAt),
      returnedAt: iso(row.returnedAt),
      returnNote: row.returnMethod ? returnMethodLabels[row.returnMethod] : dossierStatusLabel(row.status, row.receivedAt !== null),
    })),
  };
  return { book, unitId: unit.id };
}

export async function renderTrackingBook(
  db: Database,
  actor: Actor,
  query: TrackingBookQuery,
  options: FormOptions,
): Promise<FormDownload | TrackingBookView> {
  const { book, unitId } = await loadTrackingBook(db, actor, query);
  if (query.format === 'json') return book;
  const fileName = `so-theo-doi-${query.unit}-${query.from}-${query.to}.${query.format}`;
  if (query.format === 'xlsx') {
    const mediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { body: await renderTrackingBookXlsx(book), fileName, mediaType };
  }
  const header = await loadFormHeader(db, unitId, options.publicBaseUrl);
  const body = await renderOnWorker({ kind: 'dossier-form', form: '07', book, header }, options.timeoutMs);
  return { body, fileName, mediaType: 'application/pdf' };
}

export { formTitles };
