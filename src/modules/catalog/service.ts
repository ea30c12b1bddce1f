import { eq } from 'drizzle-orm';
import type { Decision, ProcedureContent } from '../../contract/catalog';
import { AppError, conflict, type ErrorDetail, forbidden, invalid, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { procedures } from '../../db/schema';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth/actor';
import { findUnitsByCodes } from '../org';
import { can } from './policy';
import * as repo from './repo';
import { checkProcessTemplate, describeDuration, summarizeFees, versionStatus } from './rules';
import { type ProcedureSearchQuery, searchProcedures } from './search';

type UnitRef = { code: string; name: string };

async function unitNames(executor: Executor, codes: string[]): Promise<Map<string, string>> {
  const rows = await findUnitsByCodes(executor, [...new Set(codes)]);
  return new Map(rows.map((row) => [row.code, row.name]));
}

const toRefs = (codes: string[], names: Map<string, string>): UnitRef[] => codes.map((code) => ({ code, name: names.get(code) ?? code }));

export async function findProcedures(db: Database, query: ProcedureSearchQuery, today = vietnamDate()) {
  const { rows, total } = await searchProcedures(db, query, today);
  const names = await unitNames(
    db,
    rows.flatMap((row) => row.handlingUnitCodes),
  );
  const items = rows.map((row) => {
    const details = row.details as Pick<ProcedureContent, 'fees' | 'processingTime'>;
    return {
      code: row.code,
      versionNo: row.versionNo,
      name: row.name,
      field: row.field,
      levels: row.levels,
      onlineLevel: row.onlineLevel,
      processingTime: {
        amount: row.timeAmount,
        unit: row.timeUnit,
        text: details.processingTime?.text ?? describeDuration(row.timeAmount, row.timeUnit),
      },
      handlingUnits: toRefs(row.handlingUnitCodes, names),
      businessRelated: row.businessRelated,
      locationIndependent: row.locationIndependent,
      feeSummary: summarizeFees(details.fees ?? []),
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function listFields(db: Database, today = vietnamDate()) {
  return { items: await repo.listFieldCounts(db, today) };
}

function toDecisionView(decision: repo.DecisionRow | null) {
  if (!decision) return null;
  return {
    number: decision.number,
    date: decision.issuedOn,
    signer: decision.signer,
    type: decision.type,
    effectiveDate: decision.effectiveDate,
  };
}

async function toProcedureView(
  db: Executor,
  procedure: repo.ProcedureRow,
  row: { version: repo.VersionRow; decision: repo.DecisionRow | null },
  today: string,
) {
  const content = repo.joinContent(row.version);
  const names = await unitNames(db, [...content.handlingUnitCodes, ...content.receivingUnitCodes]);
  const versions = await repo.listVersions(db, procedure.id);
  return {
    code: procedure.code,
    versionNo: row.version.versionNo,
    latestVersionNo: procedure.latestVersionNo,
    status: versionStatus(row.version, today),
    ...content,
    handlingUnits: toRefs(content.handlingUnitCodes, names),
    receivingUnits: toRefs(content.receivingUnitCodes, names),
    decision: toDecisionView(row.decision),
    effectiveFrom: row.version.effectiveFrom,
    effectiveTo: row.version.effectiveTo,
    versions: versions.map((entry) => ({
      versionNo: entry.version.versionNo,
      status: versionStatus(entry.version, today),
      effectiveFrom: entry.version.effectiveFrom,
      effectiveTo: entry.version.effectiveTo,
      decision: toDecisionView(entry.decision),
    })),
  };
}

export type ProcedureView = Awaited<ReturnType<typeof toProcedureView>>;

/** What the public sees: the version in force today (a procedure published for a future date is not yet visible). */
export async function getProcedure(db: Database, code: string, today = vietnamDate()): Promise<ProcedureView> {
  const procedure = await repo.findProcedureByCode(db, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const row = await repo.findVersionInForce(db, procedure.id, today);
  if (!row) throw notFound(`phiên bản đang có hiệu lực của thủ tục ${code}`);
  return toProcedureView(db, procedure, row, today);
}

export async function getProcedureVersion(db: Database, code: string, versionNo: number, today = vietnamDate()) {
  const procedure = await repo.findProcedureByCode(db, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const row = await repo.findVersion(db, procedure.id, versionNo);
  if (!row) throw notFound(`phiên bản ${versionNo} của thủ tục ${code}`);
  return toProcedureView(db, procedure, row, today);
}

/** Checks that go beyond the shape of the input: units exist, the process template adds up. */
export async function assertPublishable(executor: Executor, content: ProcedureContent) {
  const details: ErrorDetail[] = checkProcessTemplate(content);
  const stepUnitCodes = content.processTemplate.flatMap((step) => (step.unitCode ? [step.unitCode] : []));
  const codes = [...content.handlingUnitCodes, ...content.receivingUnitCodes, ...stepUnitCodes];
  const known = await unitNames(executor, codes);
  const check = (list: string[], path: string) =>
    list.forEach((code, index) => {
      if (!known.has(code)) details.push({ path: `procedure.${path}.${index}`, message: `Không có đơn vị mã ${code}.` });
    });
  check(content.handlingUnitCodes, 'handlingUnitCodes');
  check(content.receivingUnitCodes, 'receivingUnitCodes');
  content.processTemplate.forEach((step, index) => {
    if (step.unitCode && !known.has(step.unitCode))
      details.push({ path: `procedure.processTemplate.${index}.unitCode`, message: `Không có đơn vị mã ${step.unitCode}.` });
  });
  if (details.length) throw invalid(details, 'Thủ tục chưa đủ điều kiện công bố.');
}

export async function createProcedure(
  db: Database,
  actor: Actor | null,
  input: { code: string; decision: Decision; procedure: ProcedureContent },
) {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  if (input.decision.type !== 'new') {
    throw invalid([{ path: 'decision.type', message: 'Thủ tục mới phải được công bố bằng quyết định loại "mới".' }]);
  }
  await db.transaction(async (tx) => {
    if (await repo.findProcedureByCode(tx, input.code)) {
      throw new AppError('conflict', `Thủ tục mã ${input.code} đã có trong danh mục.`, [{ path: 'code', message: 'Mã đã tồn tại.' }]);
    }
    await assertPublishable(tx, input.procedure);
    const [procedure] = await tx.insert(procedures).values({ code: input.code, latestVersionNo: 1 }).returning();
    const decision = await repo.insertDecision(tx, input.decision, actor?.userId ?? null);
    await repo.insertVersion(
      tx,
      {
        procedureId: procedure!.id,
        code: input.code,
        versionNo: 1,
        decisionId: decision.id,
        effectiveFrom: input.decision.effectiveDate,
        isAbolished: false,
        createdBy: actor?.userId ?? null,
      },
      input.procedure,
    );
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: 'procedure.create',
      entityType: 'procedure',
      entityId: input.code,
      data: { decision: input.decision },
    });
  });
  return getProcedureVersion(db, input.code, 1);
}

/**
 * A publication decision creates a new version effective from its date; the previous version stays readable
 * and ends the day before. `baseVersionNo` must be the latest version (optimistic lock: 409 otherwise).
 */
export async function publishVersion(
  db: Database,
  actor: Actor | null,
  code: string,
  input: { baseVersionNo: number; decision: Decision; procedure?: ProcedureContent },
) {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  if (input.decision.type === 'new') {
    throw invalid([{ path: 'decision.type', message: 'Quyết định loại "mới" chỉ dùng khi thêm thủ tục mới.' }]);
  }
  const versionNo = await db.transaction(async (tx) => {
    const procedure = await repo.findProcedureByCode(tx, code, true);
    if (!procedure) throw notFound(`thủ tục ${code}`);
    if (procedure.latestVersionNo !== input.baseVersionNo) {
      throw conflict(`Thủ tục đã có phiên bản mới hơn (phiên bản ${procedure.latestVersionNo}). Vui lòng tải lại trước khi công bố.`);
    }
    const base = await repo.findVersion(tx, procedure.id, procedure.latestVersionNo);
    if (!base) throw notFound(`phiên bản ${input.baseVersionNo}`);
    if (base.version.isAbolished) throw invalid([{ path: 'decision.type', message: 'Thủ tục đã bị bãi bỏ.' }]);
    if (input.decision.effectiveDate <= base.version.effectiveFrom) {
      throw invalid([
        {
          path: 'decision.effectiveDate',
          message: `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện tại (${base.version.effectiveFrom}).`,
        },
      ]);
    }
    const isAbolished = input.decision.type === 'abolished';
    const content = isAbolished ? repo.joinContent(base.version) : input.procedure;
    if (!content) throw invalid([{ path: 'procedure', message: 'Thiếu nội dung thủ tục cho phiên bản mới.' }]);
    if (!isAbolished) await assertPublishable(tx, content);
    const decision = await repo.insertDecision(tx, input.decision, actor?.userId ?? null);
    const next = procedure.latestVersionNo + 1;
    await repo.closeVersion(tx, base.version.id, input.decision.effectiveDate);
    await repo.insertVersion(
      tx,
      {
        procedureId: procedure.id,
        code,
        versionNo: next,
        decisionId: decision.id,
        effectiveFrom: input.decision.effectiveDate,
        isAbolished,
        createdBy: actor?.userId ?? null,
      },
      content,
    );
    await tx.update(procedures).set({ latestVersionNo: next }).where(eq(procedures.id, procedure.id));
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: 'procedure.publish',
      entityType: 'procedure',
      entityId: code,
      data: { versionNo: next, decision: input.decision },
    });
    return next;
  });
  return getProcedureVersion(db, code, versionNo);
}
