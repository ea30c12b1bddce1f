import { eq } from 'drizzle-orm';
import { type ProcedureContent, procedureContentSchema } from '../../contract/catalog';
import type { DecisionType } from '../../contract/enums';
import { AppError, type ErrorDetail, invalid } from '../../core/errors';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { procedures } from '../../db/schema/catalog';
import { recordAuditEvent } from '../audit';
import { findUnitsByCodes } from '../org';
import { checkAttachedFiles } from './attachments';
import { checkDecisionDates } from './decision-dates';
import { type DecisionInput, decisionRecordFor } from './decision-record';
import * as repo from './repo';
import { checkBasicParts, checkProcessTemplate, recordUnitCodes } from './rules';

/*
 * The one publication routine: the decisions API (many items, all or none), the single-procedure API and the
 * importer (a file, all rows or none) all publish through `publishProcedure`, so a version is checked the same way
 * whichever door it came through, and its decision's dates by the one `checkDecisionDates`. The callers keep only
 * what is theirs: the API its optimistic lock (baseVersionNo), the importer the version number written in the file
 * and its history import (a new code's first version with the dates it has elsewhere).
 */

/** Who publishes and how the decision record is found. */
export type PublicationContext = {
  actorId: string | null;
  /** The file an import came from; recorded in the audit event. */
  source?: string;
  /** The id of the decision's record; by default the one recorded under its number, or a new one (decision-record.ts). */
  decisionIdFor?: (decision: DecisionInput) => Promise<string>;
  /** The Vietnamese calendar day of publication (a late decision's versions start on it). */
  today?: string;
  /** The decision's dates were already checked with `checkDecisionDates` (decisions API: once for all its items). */
  areDatesChecked?: boolean;
  /** History (catalog files, POST /api/procedures): a new code's first version may keep its past dates (decision-dates.ts). */
  allowsHistory?: boolean;
};

export type PublicationRequest = {
  code: string;
  decision: DecisionInput;
  /** What the decision does to this procedure; by default the decision's `type` (single-procedure API, files). */
  action?: DecisionType;
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
  /** For "replaced": the old codes this code replaces; each gets an abolished version naming this code. */
  replacesCodes?: string[];
};

export type PublicationOutcome = {
  outcome: 'created' | 'published';
  versionNo: number;
  versionId: string;
  name: string;
  baseVersionNo: number | null;
  effectiveFrom: string;
  /** Parts of the record that differ from the base version (none for a first version or an abolition). */
  changedParts: string[];
  replaces: { code: string; name: string }[];
};

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

/** The day a decision's versions take effect here: its effective date, or — published late — the day it is entered. */
export function effectiveFromOf(decision: DecisionInput, today: string): string {
  return decision.isLatePublication && decision.effectiveDate < today ? today : decision.effectiveDate;
}

/**
 * Publishes `request.decision` inside the caller's transaction `tx`: the first version of a new code, or the next
 * version of an existing procedure (which closes the version before it on the new version's effective date), and
 * for a replacement the abolished versions of the codes it replaces.
 * Throws `validation_failed` with every problem found, and writes nothing then.
 */
export async function publishProcedure(
  tx: Executor,
  context: PublicationContext,
  request: PublicationRequest,
): Promise<PublicationOutcome> {
  const action = request.action ?? request.decision.type;
  if (!action) throw failed([{ path: 'decision.type', message: 'Thiếu loại quyết định.' }]);
  const replacesCodes = action === 'replaced' ? [...new Set(request.replacesCodes ?? [])] : [];
  const replacedDetails = replacesCodes.includes(request.code)
    ? [{ path: 'replacesCodes', message: `Thủ tục mã ${request.code} không thay thế chính nó: để trống danh sách mã bị thay thế.` }]
    : [];
  if (replacedDetails.length) throw failed(replacedDetails);
  if (!context.areDatesChecked) {
    // Only a first version that closes nothing here may carry a past effective date without being a late publication.
    const isHistory = !!context.allowsHistory && !request.existing && replacesCodes.length === 0;
    const dateDetails = checkDecisionDates(request.decision, context.today ?? vietnamDate(), { isHistory });
    if (dateDetails.length) throw failed(dateDetails);
  }
  const resolved = { ...request, action, replacesCodes };
  const outcome = request.existing
    ? await publishNextVersion(tx, context, resolved, request.existing)
    : await publishFirstVersion(tx, context, resolved);
  return { ...outcome, replaces: await abolishReplacedCodes(tx, context, resolved) };
}

const failed = (details: ErrorDetail[]) => invalid(details, 'Thủ tục chưa đủ điều kiện công bố.');

type ResolvedRequest = PublicationRequest & { action: DecisionType; replacesCodes: string[]; replacedByCode?: string };
type VersionOutcome = Omit<PublicationOutcome, 'replaces'>;

async function publishFirstVersion(tx: Executor, context: PublicationContext, request: ResolvedRequest): Promise<VersionOutcome> {
  const { code, decision, action } = request;
  const versionNo = request.firstVersionNo ?? 1;
  const details: ErrorDetail[] = [];
  const isReplacement = action === 'replaced' && request.replacesCodes.length > 0;
  if (versionNo === 1 && action !== 'new' && !isReplacement) {
    details.push({ path: 'decision.type', message: `Thủ tục mã ${code} chưa có trong danh mục: phải công bố bằng quyết định loại "mới".` });
  } else if (action === 'abolished') {
    details.push({ path: 'decision.type', message: `Thủ tục mã ${code} chưa có trong danh mục: không nhập một phiên bản đã bãi bỏ.` });
  }
  if (request.procedure) details.push(...(await checkPublishable(tx, request.procedure)));
  else if (action !== 'abolished') details.push({ path: 'procedure', message: 'Thiếu nội dung thủ tục.' });
  if (details.length) throw failed(details);
  const effectiveFrom = effectiveFromOf(decision, context.today ?? vietnamDate());
  const [procedure] = await tx.insert(procedures).values({ code, latestVersionNo: versionNo }).returning();
  const versionId = await insertVersion(
    tx,
    context,
    {
      procedureId: procedure!.id,
      code,
      versionNo,
      decision,
      action,
      effectiveFrom,
      isAbolished: false,
      replacesCodes: request.replacesCodes,
    },
    request.procedure!,
  );
  await recordAuditEvent(tx, {
    actorId: context.actorId,
    action: 'procedure.create',
    entityType: 'procedure',
    entityId: code,
    data: { decision, action, ...sourceOf(context) },
  });
  const name = request.procedure!.name;
  return { outcome: 'created', versionNo, versionId, name, baseVersionNo: null, effectiveFrom, changedParts: [] };
}

/** The parts of the record whose values differ (compared in schema form, so defaults and key order do not count). */
export function changedParts(before: ProcedureContent, after: ProcedureContent): string[] {
  const left = procedureContentSchema.parse(before) as Record<string, unknown>;
  const right = procedureContentSchema.parse(after) as Record<string, unknown>;
  return Object.keys(right).filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}

async function publishNextVersion(
  tx: Executor,
  context: PublicationContext,
  request: ResolvedRequest,
  procedure: repo.ProcedureRow,
): Promise<VersionOutcome> {
  const { code, decision, action } = request;
  const latest = procedure.latestVersionNo;
  if (action === 'new') {
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
  const effectiveFrom = effectiveFromOf(decision, context.today ?? vietnamDate());
  if (effectiveFrom <= base.version.effectiveFrom) {
    throw failed([
      {
        path: 'decision.effectiveDate',
        message: `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện tại (${formatVietnameseDate(base.version.effectiveFrom)}).`,
      },
    ]);
  }
  const isAbolished = action === 'abolished';
  const baseContent = repo.joinContent(base.version);
  // An abolishing decision ends the procedure as it stood: whatever content came with it is not published.
  const content = isAbolished ? baseContent : request.procedure;
  if (!content) throw failed([{ path: 'procedure', message: 'Thiếu nội dung thủ tục cho phiên bản mới.' }]);
  const parts = isAbolished ? [] : changedParts(baseContent, content);
  if (!isAbolished) {
    const details = await checkPublishable(tx, content);
    if (parts.length === 0) {
      details.push({
        path: 'procedure',
        message: `Nội dung giống hệt phiên bản ${latest} của thủ tục mã ${code}: không có gì để công bố.`,
      });
    }
    if (details.length) throw failed(details);
  }
  const next = latest + 1;
  await repo.closeVersion(tx, base.version.id, effectiveFrom);
  const versionId = await insertVersion(
    tx,
    context,
    {
      procedureId: procedure.id,
      code,
      versionNo: next,
      decision,
      action,
      effectiveFrom,
      isAbolished,
      replacesCodes: request.replacesCodes,
      replacedByCode: request.replacedByCode,
    },
    content,
  );
  await tx.update(procedures).set({ latestVersionNo: next }).where(eq(procedures.id, procedure.id));
  await recordAuditEvent(tx, {
    actorId: context.actorId,
    action: 'procedure.publish',
    entityType: 'procedure',
    entityId: code,
    data: {
      versionNo: next,
      decision,
      action,
      ...(request.replacedByCode ? { replacedByCode: request.replacedByCode } : {}),
      ...sourceOf(context),
    },
  });
  return {
    outcome: 'published',
    versionNo: next,
    versionId,
    name: content.name,
    baseVersionNo: latest,
    effectiveFrom,
    changedParts: parts,
  };
}

/** Each old code of a replacement gets an abolished version, effective with the new code's version, naming it. */
async function abolishReplacedCodes(tx: Executor, context: PublicationContext, request: ResolvedRequest) {
  const replaced: { code: string; name: string }[] = [];
  const details: ErrorDetail[] = [];
  for (const [index, oldCode] of request.replacesCodes.entries()) {
    const existing = await repo.findProcedureByCode(tx, oldCode, true);
    if (!existing) {
      details.push({ path: `replacesCodes.${index}`, message: `Thủ tục bị thay thế mã ${oldCode} không có trong danh mục.` });
      continue;
    }
    try {
      const outcome = await publishNextVersion(
        tx,
        context,
        { ...request, code: oldCode, action: 'abolished', replacesCodes: [], replacedByCode: request.code, procedure: undefined },
        existing,
      );
      replaced.push({ code: oldCode, name: outcome.name });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      for (const detail of error.details) {
        details.push({ path: `replacesCodes.${index}`, message: `Thủ tục bị thay thế mã ${oldCode}: ${detail.message}` });
      }
    }
  }
  if (details.length) throw failed(details);
  return replaced;
}

const sourceOf = (context: PublicationContext) => (context.source ? { source: context.source } : {});

type VersionToInsert = {
  procedureId: string;
  code: string;
  versionNo: number;
  decision: DecisionInput;
  action: DecisionType;
  effectiveFrom: string;
  isAbolished: boolean;
  replacesCodes: string[];
  replacedByCode?: string;
};

async function insertVersion(tx: Executor, context: PublicationContext, version: VersionToInsert, content: ProcedureContent) {
  const decisionId = context.decisionIdFor
    ? await context.decisionIdFor(version.decision)
    : await decisionRecordFor(tx, version.decision, context.actorId);
  const row = await repo.insertVersion(
    tx,
    {
      procedureId: version.procedureId,
      code: version.code,
      versionNo: version.versionNo,
      decisionId,
      effectiveFrom: version.effectiveFrom,
      isAbolished: version.isAbolished,
      createdBy: context.actorId,
      replacesCodes: version.replacesCodes,
      replacedByCode: version.replacedByCode ?? null,
    },
    content,
  );
  // The abolished version of a replaced code belongs to the replacement's item, not to an item of its own.
  if (!version.replacedByCode) {
    await repo.insertItem(tx, {
      decisionId,
      action: version.action,
      code: version.code,
      versionId: row.id,
      replacesCodes: version.replacesCodes,
    });
  }
  return row.id;
}
