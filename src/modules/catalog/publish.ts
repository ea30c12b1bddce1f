import { eq } from 'drizzle-orm';
import type { Decision, ProcedureContent } from '../../contract/catalog';
import { type ErrorDetail, invalid } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { procedures } from '../../db/schema/catalog';
import { recordAuditEvent } from '../audit';
import { findUnitsByCodes } from '../org';
import { checkAttachedFiles } from './attachments';
import * as repo from './repo';
import { checkBasicParts, checkProcessTemplate, recordUnitCodes } from './rules';

/*
 * The one publication routine: the API (one procedure at a time) and the importer (a file, all rows or none) both
 * publish through `publishProcedure`, so a version is checked the same way whichever door it came through. The
 * callers keep only what is theirs: the API its optimistic lock (baseVersionNo), the importer the version number
 * written in the file and the sharing of one decision record between the rows it covers.
 */

/** Who publishes and how the decision record is stored. */
export type PublicationContext = {
  actorId: string | null;
  /** The file an import came from; recorded in the audit event. */
  source?: string;
  /** The id of the decision's record; by default a record is inserted for each publication. */
  decisionIdFor?: (decision: Decision) => Promise<string>;
};

export type PublicationRequest = {
  code: string;
  decision: Decision;
  /** The new content; not needed (and ignored) when the decision abolishes the procedure. */
  procedure?: ProcedureContent;
  /** The procedure as it stands, read with a row lock (`repo.findProcedureByCode(tx, code, true)`); none for a new code. */
  existing: repo.ProcedureRow | undefined;
  /**
   * The number of a new code's first version here: 1, or — when an installation takes over another one's catalog —
   * the number of the version in force there, published by whatever decision published it there (an export holds
   * that version only: most are 2 or more, published by an amending decision).
   */
  firstVersionNo?: number;
};

export type PublicationOutcome = { outcome: 'created' | 'published'; versionNo: number };

/** Checks that go beyond the shape of the input: the basic parts are there, the units and files exist, the process template adds up. */
export async function checkPublishable(executor: Executor, content: ProcedureContent): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [
    ...checkBasicParts(content),
    ...checkProcessTemplate(content),
    ...(await checkAttachedFiles(executor, content)),
  ];
  const stepUnitCodes = content.processTemplate.flatMap((step) => (step.unitCode ? [step.unitCode] : []));
  const roleUnitCodes = recordUnitCodes(content);
  const codes = [
    ...new Set([
      ...content.handlingUnitCodes,
      ...content.receivingUnitCodes,
      ...stepUnitCodes,
      ...roleUnitCodes.map((entry) => entry.code),
    ]),
  ];
  const known = new Set((await findUnitsByCodes(executor, codes)).map((unit) => unit.code));
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
  for (const entry of roleUnitCodes) {
    if (!known.has(entry.code)) details.push({ path: entry.path, message: `Không có đơn vị mã ${entry.code}.` });
  }
  return details;
}

/**
 * Publishes `request.decision` inside the caller's transaction `tx`: the first version of a new code, or the next
 * version of an existing procedure (which closes the version before it on the new version's effective date).
 * Throws `validation_failed` with every problem found, and writes nothing then.
 */
export async function publishProcedure(
  tx: Executor,
  context: PublicationContext,
  request: PublicationRequest,
): Promise<PublicationOutcome> {
  return request.existing ? publishNextVersion(tx, context, request, request.existing) : publishFirstVersion(tx, context, request);
}

const failed = (details: ErrorDetail[]) => invalid(details, 'Thủ tục chưa đủ điều kiện công bố.');

async function publishFirstVersion(tx: Executor, context: PublicationContext, request: PublicationRequest): Promise<PublicationOutcome> {
  const { code, decision } = request;
  const versionNo = request.firstVersionNo ?? 1;
  const details: ErrorDetail[] = [];
  if (versionNo === 1 && decision.type !== 'new') {
    details.push({ path: 'decision.type', message: `Thủ tục mã ${code} chưa có trong danh mục: phải công bố bằng quyết định loại "mới".` });
  } else if (decision.type === 'abolished') {
    details.push({ path: 'decision.type', message: `Thủ tục mã ${code} chưa có trong danh mục: không nhập một phiên bản đã bãi bỏ.` });
  }
  if (!request.procedure) details.push({ path: 'procedure', message: 'Thiếu nội dung thủ tục.' });
  else details.push(...(await checkPublishable(tx, request.procedure)));
  if (details.length) throw failed(details);
  const [procedure] = await tx.insert(procedures).values({ code, latestVersionNo: versionNo }).returning();
  await insertVersion(tx, context, { procedureId: procedure!.id, code, versionNo, decision, isAbolished: false }, request.procedure!);
  await recordAuditEvent(tx, {
    actorId: context.actorId,
    action: 'procedure.create',
    entityType: 'procedure',
    entityId: code,
    data: { decision, ...sourceOf(context) },
  });
  return { outcome: 'created', versionNo };
}

async function publishNextVersion(
  tx: Executor,
  context: PublicationContext,
  request: PublicationRequest,
  procedure: repo.ProcedureRow,
): Promise<PublicationOutcome> {
  const { code, decision } = request;
  const latest = procedure.latestVersionNo;
  if (decision.type === 'new') {
    throw failed([
      {
        path: 'decision.type',
        message: `Thủ tục mã ${code} đã có trong danh mục (phiên bản ${latest}): dùng quyết định loại sửa đổi, bổ sung, thay thế hoặc bãi bỏ.`,
      },
    ]);
  }
  const base = await repo.findVersion(tx, procedure.id, latest);
  if (!base) throw new Error(`Procedure ${code} has no version ${latest}`);
  if (base.version.isAbolished) throw failed([{ path: 'decision.type', message: `Thủ tục mã ${code} đã bị bãi bỏ.` }]);
  if (decision.effectiveDate <= base.version.effectiveFrom) {
    throw failed([
      {
        path: 'decision.effectiveDate',
        message: `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện tại (${formatVietnameseDate(base.version.effectiveFrom)}).`,
      },
    ]);
  }
  const isAbolished = decision.type === 'abolished';
  // An abolishing decision ends the procedure as it stood: whatever content came with it is not published.
  const content = isAbolished ? repo.joinContent(base.version) : request.procedure;
  if (!content) throw failed([{ path: 'procedure', message: 'Thiếu nội dung thủ tục cho phiên bản mới.' }]);
  if (!isAbolished) {
    const details = await checkPublishable(tx, content);
    if (details.length) throw failed(details);
  }
  const next = latest + 1;
  await repo.closeVersion(tx, base.version.id, decision.effectiveDate);
  await insertVersion(tx, context, { procedureId: procedure.id, code, versionNo: next, decision, isAbolished }, content);
  await tx.update(procedures).set({ latestVersionNo: next }).where(eq(procedures.id, procedure.id));
  await recordAuditEvent(tx, {
    actorId: context.actorId,
    action: 'procedure.publish',
    entityType: 'procedure',
    entityId: code,
    data: { versionNo: next, decision, ...sourceOf(context) },
  });
  return { outcome: 'published', versionNo: next };
}

const sourceOf = (context: PublicationContext) => (context.source ? { source: context.source } : {});

async function insertVersion(
  tx: Executor,
  context: PublicationContext,
  version: { procedureId: string; code: string; versionNo: number; decision: Decision; isAbolished: boolean },
  content: ProcedureContent,
) {
  const decisionId = context.decisionIdFor
    ? await context.decisionIdFor(version.decision)
    : (await repo.insertDecision(tx, version.decision, context.actorId)).id;
  await repo.insertVersion(
    tx,
    {
      procedureId: version.procedureId,
      code: version.code,
      versionNo: version.versionNo,
      decisionId,
      effectiveFrom: version.decision.effectiveDate,
      isAbolished: version.isAbolished,
      createdBy: context.actorId,
    },
    content,
  );
}
