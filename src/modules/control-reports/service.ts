import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ControlReportKind,
  ControlReportSigner,
  ControlReportSummary,
  ControlReportView,
  controlReportCreateSchema,
  controlReportListQuerySchema,
  controlReportSignSchema,
  controlReportUpdateSchema,
} from '../../contract/control-reports';
import { resolveIssuingBody } from '../../core/documents/issuing-body';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { controlReports } from '../../db/schema/control-reports';
import { recordAuditEvent } from '../audit';
import { type Actor, isStaff } from '../auth';
import { readMonthStartDay } from '../metrics';
import { listSubtreeUnits } from '../org';
import { accessTo, requireRead, requireWrite } from './access';
import { completeFigures, computeFigures } from './figures';
import { loadUnitChain, symbolOf } from './issuer';
import { generateNarrative } from './narrative';
import { dueDate, periodCount, periodLabel, reportPeriod } from './periods';
import { readControlReportSettings } from './settings';

type Row = typeof controlReports.$inferSelect;

function summaryOf(row: Row, unit: { id: string; code: string; name: string }, canEdit: boolean, today: string): ControlReportSummary {
  return {
    id: row.id,
    unit,
    kind: row.kind,
    year: row.year,
    periodIndex: row.periodIndex,
    periodLabel: periodLabel(row.kind, row.year, row.periodIndex),
    from: row.periodFrom,
    to: row.periodTo,
    dueOn: row.dueOn,
    isOverdue: row.status !== 'signed' && today > row.dueOn,
    status: row.status,
    number: row.number,
    signedOn: row.signedOn,
    canEdit: canEdit && row.status === 'draft',
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function viewOf(row: Row, unit: { id: string; code: string; name: string }, canEdit: boolean, today: string): ControlReportView {
  return { ...summaryOf(row, unit, canEdit, today), figures: completeFigures(row.figures), narrative: row.narrative, signer: row.signer };
}

const unitRef = (unit: { id: string; code: string; name: string }) => ({ id: unit.id, code: unit.code, name: unit.name });
const scopeOf = async (db: Executor, unit: { id: string; code: string; name: string }) => {
  const subtree = await listSubtreeUnits(db, unit.id);
  return { unit: unitRef(unit), unitIds: subtree.map((row) => row.id), unitCodes: subtree.map((row) => row.code) };
};

async function loadRow(db: Executor, id: string): Promise<Row> {
  const [row] = await db.select().from(controlReports).where(eq(controlReports.id, id));
  if (!row) throw notFound('báo cáo');
  return row;
}

export async function listReports(
  db: Database,
  actor: Actor,
  query: z.infer<typeof controlReportListQuerySchema>,
  now = new Date(),
): Promise<{ items: ControlReportSummary[] }> {
  if (!isStaff(actor)) throw forbidden('Chỉ cán bộ, công chức mới xem được báo cáo định kỳ.');
  const conditions = [];
  if (query.unit) {
    await requireRead(db, actor, query.unit);
    conditions.push(eq(controlReports.unitId, query.unit));
  }
  if (query.year) conditions.push(eq(controlReports.year, query.year));
  if (query.kind) conditions.push(eq(controlReports.kind, query.kind));
  const rows = await db
    .select()
    .from(controlReports)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(controlReports.periodTo), controlReports.kind)
    .limit(500);
  const today = vietnamDate(now);
  const unitIds = [...new Set(rows.map((row) => row.unitId))];
  const access = new Map(await Promise.all(unitIds.map(async (id) => [id, await accessTo(db, actor, id)] as const)));
  return {
    items: rows.flatMap((row) => {
      const rights = access.get(row.unitId);
      return rights?.canRead ? [summaryOf(row, unitRef(rights.unit), rights.canWrite, today)] : [];
    }),
  };
}

export async function getReport(db: Database, actor: Actor, id: string, now = new Date()): Promise<ControlReportView> {
  const row = await loadRow(db, id);
  const access = await requireRead(db, actor, row.unitId);
  return viewOf(row, unitRef(access.unit), access.canWrite, vietnamDate(now));
}

/** Creates the draft of a unit's report for a period, its figures computed and its narrative pre-filled. */
export async function createReport(
  db: Database,
  actor: Actor,
  input: z.infer<typeof controlReportCreateSchema>,
  now = new Date(),
): Promise<ControlReportView> {
  const { unit } = await requireWrite(db, actor, input.unitId);
  if (input.periodIndex > periodCount[input.kind]) {
    throw invalid([{ path: 'periodIndex', message: `Kỳ báo cáo phải từ 1 đến ${periodCount[input.kind]}.` }]);
  }
  const [monthStartDay, settingsNow] = await Promise.all([readMonthStartDay(db), readControlReportSettings(db)]);
  const period = reportPeriod(input.kind, input.year, input.periodIndex, monthStartDay);
  if (period.from > vietnamDate(now)) {
    throw invalid([{ path: 'periodIndex', message: 'Kỳ báo cáo chưa bắt đầu.' }]);
  }
  const figures = await computeFigures(db, actor, await scopeOf(db, unit), period, now);
  const narrative = generateNarrative(figures, unit.name, periodLabel(input.kind, input.year, input.periodIndex));
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(controlReports)
      .values({
        unitId: unit.id,
        kind: input.kind,
        year: input.year,
        periodIndex: input.periodIndex,
        periodFrom: period.from,
        periodTo: period.to,
        dueOn: dueDate(period.to, settingsNow.dueDay),
        figures,
        narrative,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) throw new AppError('conflict', 'Báo cáo của đơn vị cho kỳ này đã được lập.');
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'control_report.create',
      entityType: 'control_report',
      entityId: inserted.id,
      data: { unitId: unit.id, kind: input.kind, year: input.year, periodIndex: input.periodIndex },
    });
    return inserted;
  });
  return viewOf(row, unitRef(unit), true, vietnamDate(now));
}

const normalise = (text: string) => text.normalize('NFC').replace(/\r\n?/g, '\n').trim();

export async function updateReport(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof controlReportUpdateSchema>,
  now = new Date(),
): Promise<ControlReportView> {
  const current = await loadRow(db, id);
  const { unit } = await requireWrite(db, actor, current.unitId);
  if (current.status === 'signed') throw new AppError('conflict', 'Báo cáo đã ký, không sửa được nữa.');
  if (current.version !== input.version) throw conflict();
  const narrative = { ...current.narrative };
  for (const [key, text] of Object.entries(input.narrative ?? {})) narrative[key as keyof typeof narrative] = normalise(text);
  const figures = input.refreshFigures
    ? await computeFigures(db, actor, await scopeOf(db, unit), { from: current.periodFrom, to: current.periodTo }, now)
    : current.figures;
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(controlReports)
      .set({ narrative, figures, version: sql`${controlReports.version} + 1`, updatedAt: now })
      .where(and(eq(controlReports.id, id), eq(controlReports.version, input.version), eq(controlReports.status, 'draft')))
      .returning();
    if (!updated) throw conflict();
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'control_report.update',
      entityType: 'control_report',
      entityId: id,
      data: { parts: Object.keys(input.narrative ?? {}), refreshFigures: input.refreshFigures ?? false },
    });
    return updated;
  });
  return viewOf(row, unitRef(unit), true, vietnamDate(now));
}

/** The signature block from the account's position and signing form (as the reform documents), over the unit's titles. */
export function signerFor(actor: Actor, base: Omit<ControlReportSigner, 'name'>): ControlReportSigner {
  const form = actor.signingForm ?? 'head';
  const title = actor.position?.normalize('NFC').trim().toLocaleUpperCase('vi-VN') || null;
  if (form === 'deputy') return { ...base, form, deputyTitle: title ?? base.deputyTitle, name: actor.fullName.normalize('NFC') };
  return { ...base, form, headTitle: title ?? base.headTitle, name: actor.fullName.normalize('NFC') };
}

export async function signReport(
  db: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof controlReportSignSchema>,
  now = new Date(),
): Promise<ControlReportView> {
  const current = await loadRow(db, id);
  const { unit } = await requireWrite(db, actor, current.unitId);
  if (current.status === 'signed') throw new AppError('conflict', 'Báo cáo đã được ký.');
  if (current.version !== input.version) throw conflict();
  if (input.signedOn < current.periodTo || input.signedOn > vietnamDate(now)) {
    throw invalid([{ path: 'signedOn', message: 'Ngày ký phải từ ngày cuối kỳ báo cáo đến hôm nay.' }]);
  }
  const [self, ...ancestors] = await loadUnitChain(db, unit.id);
  const issuer = resolveIssuingBody(self!, ancestors, '', symbolOf);
  const signer = signerFor(actor, issuer.signer);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(controlReports)
      .set({
        status: 'signed',
        number: input.number.normalize('NFC'),
        signedOn: input.signedOn,
        signer,
        signedBy: actor.userId,
        signedAt: now,
        version: sql`${controlReports.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(controlReports.id, id), eq(controlReports.version, input.version), eq(controlReports.status, 'draft')))
      .returning();
    if (!updated) throw conflict();
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'control_report.sign',
      entityType: 'control_report',
      entityId: id,
      data: { number: updated.number, signedOn: input.signedOn },
    });
    return updated;
  });
  return viewOf(row, unitRef(unit), false, vietnamDate(now));
}

/** Unsigned reports of `kind` for the given periods (the reminders). */
export async function findReports(db: Executor, kind: ControlReportKind, years: number[]) {
  if (years.length === 0) return [];
  return db
    .select()
    .from(controlReports)
    .where(and(eq(controlReports.kind, kind), inArray(controlReports.year, years)));
}

export { loadRow };
