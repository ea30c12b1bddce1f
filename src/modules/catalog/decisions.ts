import type { DecisionHeader, DecisionItem, DecisionItemOutcome, DecisionPreview, DecisionRecord } from '../../contract/catalog';
import { AppError, type ErrorDetail, forbidden, invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { checkDecisionDates } from './decision-dates';
import { duplicateNumberDetail, findRecordedDecision, resolveIssuer } from './decision-record';
import { getDecision } from './decision-view';
import { can } from './policy';
import { publishProcedure } from './publish';
import * as repo from './repo';
import { checkSignedFile } from './signed-files';

/*
 * Entering a decision of publication as it was signed: its own record and all its items, in one transaction, all
 * or none. The dates are those of a decision entered today (docs/DOMAIN.md §2): issued on or before today and on or
 * before its effective date; an effective date already past only as a late publication, whose versions then start
 * today so that no version that was in force is closed or changed in the past.
 */

export type DecisionOptions = { isDryRun?: boolean; today?: string };

class DryRunSignal extends Error {
  constructor(readonly preview: DecisionPreview) {
    super('dry run');
  }
}

/** The checks of the decision's own fields that hold whatever its items are. */
export async function checkDecisionHeader(
  executor: Executor,
  input: DecisionHeader,
  today: string,
): Promise<{ decision: DecisionHeader; details: ErrorDetail[]; isNumberTaken: boolean }> {
  const details = checkDecisionDates(input, today);
  const resolved = await resolveIssuer(executor, input);
  details.push(...resolved.details, ...(await checkSignedFile(executor, input.signedFileId)));
  const decision = { ...input, issuerName: resolved.decision.issuerName ?? input.issuerName };
  const recorded = await findRecordedDecision(executor, decision);
  if (recorded) details.push(duplicateNumberDetail(decision, recorded));
  return { decision, details, isNumberTaken: !!recorded };
}

/** A code may be named once per decision: twice would make the result depend on the order of the items. */
function checkItemCodes(items: DecisionItem[]): ErrorDetail[] {
  const seen = new Map<string, number>();
  const details: ErrorDetail[] = [];
  const note = (code: string, index: number, path: string) => {
    const first = seen.get(code);
    if (first !== undefined) details.push({ path, message: `Mã thủ tục ${code} đã có ở mục ${first + 1} của quyết định.` });
    else seen.set(code, index);
  };
  items.forEach((item, index) => {
    note(item.code, index, `items.${index}.code`);
    if (item.action !== 'replaced') return;
    item.replacesCodes.forEach((code, at) => {
      note(code, index, `items.${index}.replacesCodes.${at}`);
    });
  });
  return details;
}

/** The paths of the publication routine, made paths of one item of the request. */
function itemPath(index: number, path: string): string {
  if (path === 'decision.type') return `items.${index}.action`;
  if (path.startsWith('decision.')) return `items.${index}.${path.slice('decision.'.length)}`;
  return `items.${index}.${path}`;
}

/** Enters a decision and publishes its items (`isDryRun`: checks all and returns what would change, writing nothing). */
export async function enterDecision(
  db: Database,
  actor: Actor | null,
  input: { decision: DecisionHeader; items: DecisionItem[] },
  options: DecisionOptions = {},
): Promise<DecisionRecord | DecisionPreview> {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  const today = options.today ?? vietnamDate();
  const actorId = actor?.userId ?? null;
  try {
    const decisionId = await db.transaction(async (tx) => {
      const header = await checkDecisionHeader(tx, input.decision, today);
      const details = [...header.details, ...checkItemCodes(input.items)];
      // A number already used or a file refused is reported, and the items are still checked under a stand-in
      // record (all rolled back).
      const isFileRefused = header.details.some((detail) => detail.path === 'decision.signedFileId');
      const stored = {
        ...header.decision,
        number: header.isNumberTaken ? `${header.decision.number} #${crypto.randomUUID()}` : header.decision.number,
        signedFileId: isFileRefused ? null : header.decision.signedFileId,
      };
      const record = await repo.insertDecision(tx, stored, actorId);
      const outcomes: DecisionItemOutcome[] = [];
      for (const [index, item] of input.items.entries()) {
        const outcome = await publishItem(tx, { actorId, today, decisionId: record.id }, header.decision, item, index);
        if ('details' in outcome) details.push(...outcome.details);
        else outcomes.push(outcome);
      }
      if (details.length) throw invalid(details, 'Quyết định chưa đủ điều kiện công bố.');
      if (options.isDryRun) {
        const { id: _id, ...decision } = await getDecision(tx, record.id);
        throw new DryRunSignal({ decision, items: outcomes, flagChanges: [] });
      }
      await recordAuditEvent(tx, {
        actorId,
        action: 'decision.create',
        entityType: 'publication_decision',
        entityId: record.id,
        data: {
          number: record.number,
          signedFileId: record.signedFileId,
          items: outcomes.map(({ action, code, versionNo }) => ({ action, code, versionNo })),
        },
      });
      return record.id;
    });
    return getDecision(db, decisionId);
  } catch (error) {
    if (error instanceof DryRunSignal) return error.preview;
    throw error;
  }
}

async function publishItem(
  tx: Executor,
  context: { actorId: string | null; today: string; decisionId: string },
  decision: DecisionHeader,
  item: DecisionItem,
  index: number,
): Promise<DecisionItemOutcome | { details: ErrorDetail[] }> {
  const existing = await repo.findProcedureByCode(tx, item.code, true);
  if (existing && item.baseVersionNo !== null && item.baseVersionNo !== existing.latestVersionNo) {
    return {
      details: [
        {
          path: `items.${index}.baseVersionNo`,
          message: `Thủ tục mã ${item.code} đã có phiên bản mới hơn (phiên bản ${existing.latestVersionNo}). Vui lòng tải lại.`,
        },
      ],
    };
  }
  try {
    const outcome = await publishProcedure(
      tx,
      { actorId: context.actorId, today: context.today, areDatesChecked: true, decisionIdFor: async () => context.decisionId },
      { code: item.code, decision, action: item.action, procedure: item.procedure, existing, replacesCodes: item.replacesCodes },
    );
    return {
      position: index + 1,
      action: item.action,
      code: item.code,
      name: outcome.name,
      versionNo: outcome.versionNo,
      baseVersionNo: outcome.baseVersionNo,
      effectiveFrom: outcome.effectiveFrom,
      changedParts: outcome.changedParts,
      replaces: outcome.replaces,
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    return { details: error.details.map((detail) => ({ path: itemPath(index, detail.path), message: detail.message })) };
  }
}
