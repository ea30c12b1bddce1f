import { type ProcedureContent, procedureContentSchema } from '../../../contract/catalog';
import type { DecisionType } from '../../../contract/enums';
import { AppError, forbidden } from '../../../core/errors';
import { formatVietnameseDate } from '../../../core/vietnam-time';
import type { Database, Executor } from '../../../db/client';
import { procedures, procedureVersions, publicationDecisions } from '../../../db/schema/catalog';
import { refreshPlannerStatistics } from '../../../db/statistics';
import { recordAuditEvent } from '../../audit';
import type { Actor } from '../../auth';
import { type DecisionInput, decisionRecordFor } from '../decision-record';
import { can } from '../policy';
import { type PublicationRequest, publishProcedure } from '../publish';
import * as repo from '../repo';
import { fileError, type ParsedFile, type RowError, type TransferRow } from './format';

/** 'system': the operator running the command line on the server, who already holds the database. */
export type ImportActor = Actor | 'system';

/** A decision for rows that carry none (CLI flags); without a type, new codes get "new" and known codes "amended". */
export type DefaultDecision = DecisionInput;

export type ImportOptions = { actor: ImportActor; defaultDecision?: DefaultDecision | null; isDryRun?: boolean; source: string };

export type ImportCounts = { created: number; published: number; unchanged: number };
/** `notices`: rows imported as they are but worth a look (e.g. a decision recorded differently in the database). */
export type ImportResult = ({ ok: true; isDryRun: boolean; notices: RowError[] } & ImportCounts) | { ok: false; errors: RowError[] };

type RowOutcome = { outcome: keyof ImportCounts; notice?: RowError } | { errors: RowError[] };

type ImportContext = {
  tx: Executor;
  actorId: string | null;
  defaultDecision: DefaultDecision | null;
  source: string;
  /** Rows published by the same decision share one decision record (one document; its number unique per authority). */
  decisionIds: Map<string, string>;
};

class RollbackSignal extends Error {}

/**
 * Imports every row or none: all rows are checked and written in one transaction, which is rolled back when any
 * row — or the file itself — has an error, so the errors of the whole file are reported at once.
 */
export async function importProcedures(db: Database, file: ParsedFile, options: ImportOptions): Promise<ImportResult> {
  if (options.actor !== 'system' && !can(options.actor, 'procedure.publish')) throw forbidden();
  const errors = [...file.errors];
  if (file.rows.length === 0 && errors.length === 0) errors.push(fileError('Tệp không có thủ tục nào để nhập.'));
  const counts: ImportCounts = { created: 0, published: 0, unchanged: 0 };
  const notices: RowError[] = [];
  try {
    await db.transaction(async (tx) => {
      const context: ImportContext = {
        tx,
        actorId: options.actor === 'system' ? null : options.actor.userId,
        defaultDecision: options.defaultDecision ?? null,
        source: options.source,
        decisionIds: new Map(),
      };
      for (const row of file.rows) {
        const result = await importRow(context, row);
        if ('errors' in result) errors.push(...result.errors);
        else {
          counts[result.outcome] += 1;
          if (result.notice) notices.push(result.notice);
        }
      }
      if (errors.length || options.isDryRun) throw new RollbackSignal();
      await recordAuditEvent(tx, {
        actorId: context.actorId,
        action: 'procedure.import',
        entityType: 'procedure_catalog',
        entityId: options.source,
        data: counts,
      });
    });
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  if (errors.length) return { ok: false, errors };
  if (!options.isDryRun) await refreshPlannerStatistics(db, [procedures, procedureVersions, publicationDecisions]);
  return { ok: true, isDryRun: !!options.isDryRun, notices, ...counts };
}

const rowError = (row: TransferRow, path: string, message: string): RowError => ({ ...row.locate(path), path, message });

async function importRow(context: ImportContext, row: TransferRow): Promise<RowOutcome> {
  const existing = await repo.findProcedureByCode(context.tx, row.code, true);
  const decision = row.decision ?? defaultDecisionFor(context, !!existing);
  if (!decision) {
    return {
      errors: [
        rowError(
          row,
          'decision',
          'Thiếu quyết định công bố: điền Số QĐ, Ngày QĐ, Người ký, Loại QĐ, Ngày hiệu lực hoặc dùng tham số --decision-number, --decision-date, --signer, --effective-date.',
        ),
      ],
    };
  }
  return existing ? publishNextRow(context, row, existing, decision) : createRow(context, row, decision);
}

function defaultDecisionFor(context: ImportContext, isExisting: boolean): (DecisionInput & { type: DecisionType }) | null {
  const fallback = context.defaultDecision;
  if (!fallback) return null;
  return { ...fallback, type: fallback.type ?? (isExisting ? 'amended' : 'new') };
}

/** Hands the row to the catalog's publication routine and turns its validation errors into errors of this row. */
async function publishRow(
  context: ImportContext,
  row: TransferRow,
  decision: DecisionInput,
  request: Omit<PublicationRequest, 'code' | 'decision' | 'procedure'>,
): Promise<RowOutcome> {
  try {
    const { outcome } = await publishProcedure(
      context.tx,
      {
        actorId: context.actorId,
        source: context.source,
        allowsHistory: true,
        decisionIdFor: (entry) => decisionIdFor(context, entry),
      },
      { ...request, code: row.code, decision, procedure: row.procedure, replacesCodes: row.replacesCodes },
    );
    return { outcome };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    return { errors: error.details.map((detail) => rowError(row, detail.path, detail.message)) };
  }
}

/**
 * A new code: version 1, or the number the file gives — an export of another installation holds each procedure's
 * version in force there, which then starts this installation's history of it (docs/formats/catalog.md, §2).
 */
function createRow(context: ImportContext, row: TransferRow, decision: DecisionInput): Promise<RowOutcome> {
  return publishRow(context, row, decision, { existing: undefined, firstVersionNo: row.versionNo ?? 1 });
}

/** A known code: the file's version number takes the place of the API's optimistic lock. */
async function publishNextRow(
  context: ImportContext,
  row: TransferRow,
  procedure: repo.ProcedureRow,
  decision: DecisionInput,
): Promise<RowOutcome> {
  const latest = procedure.latestVersionNo;
  if (row.versionNo !== null && row.versionNo <= latest) return compareWithStored(context, row, procedure, row.versionNo);
  if (row.versionNo !== null && row.versionNo !== latest + 1) {
    return {
      errors: [
        rowError(
          row,
          'versionNo',
          `Thủ tục mã ${row.code} đang có ${latest} phiên bản: phiên bản mới phải là ${latest + 1} (hoặc để trống).`,
        ),
      ],
    };
  }
  return publishRow(context, row, decision, { existing: procedure });
}

/**
 * A row naming a version that exists must repeat it (re-importing an export changes nothing). The database keeps
 * its record of the decision; a row that describes the same decision differently (number, date, signer) gets a notice.
 */
async function compareWithStored(
  context: ImportContext,
  row: TransferRow,
  procedure: repo.ProcedureRow,
  versionNo: number,
): Promise<RowOutcome> {
  const stored = await repo.findVersion(context.tx, procedure.id, versionNo);
  if (!stored) throw new Error(`Procedure ${row.code} has no version ${versionNo}`);
  const known = stored.decision;
  const given = row.decision;
  const isSameEffect = !given || (given.type === (stored.action ?? given.type) && given.effectiveDate === stored.version.effectiveFrom);
  const isSameContent = sameContent(procedureContentSchema.parse(repo.joinContent(stored.version)), row.procedure);
  if (isSameEffect && isSameContent) {
    const isSameRecord =
      !given || (!!known && known.number === given.number && known.issuedOn === given.date && known.signer === given.signer);
    if (isSameRecord) return { outcome: 'unchanged' };
    const recorded = known ? `${known.number} ngày ${formatVietnameseDate(known.issuedOn)}, ${known.signer}` : 'không có';
    return {
      outcome: 'unchanged',
      notice: rowError(row, 'decision', `Phiên bản ${versionNo} giữ nguyên; quyết định công bố trong hệ thống là ${recorded}.`),
    };
  }
  const differs = isSameContent ? 'loại quyết định hoặc ngày hiệu lực khác' : 'nội dung khác';
  const message = `Phiên bản ${versionNo} của thủ tục mã ${row.code} đã có với ${differs}. Để công bố phiên bản mới, ghi phiên bản ${procedure.latestVersionNo + 1} (hoặc để trống).`;
  return { errors: [rowError(row, 'versionNo', message)] };
}

const sameContent = (left: ProcedureContent, right: ProcedureContent) => JSON.stringify(left) === JSON.stringify(right);

async function decisionIdFor(context: ImportContext, decision: DecisionInput): Promise<string> {
  const key = JSON.stringify([
    decision.issuerUnitCode,
    decision.issuerName,
    decision.number,
    decision.date,
    decision.signer,
    decision.effectiveDate,
  ]);
  const known = context.decisionIds.get(key);
  if (known) return known;
  const id = await decisionRecordFor(context.tx, decision, context.actorId);
  context.decisionIds.set(key, id);
  return id;
}
