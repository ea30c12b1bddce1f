import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DecisionHeader, DecisionRecord, FlagChange, ProcedureFlagsView } from '../../contract/catalog';
import { type ErrorDetail, forbidden, invalid, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { procedureFlagChanges, procedures, publicationDecisions } from '../../db/schema/catalog';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { getDecision } from './decision-view';
import { checkDecisionHeader } from './decisions';
import { can } from './policy';
import { effectiveFromOf } from './publish';
import { procedureFlagsOn } from './read';

/*
 * List decisions: the province publishes some flags of its procedures as lists (eligible for full online, handled at
 * the one-stop desk...) and changes them by a decision of its own, without a new version of each procedure. Each
 * change is stored with its effective date; the history stays readable and `procedureFlagsOn` reads any day.
 */

/** Enters a list decision (form "list") and its flag changes, for many procedures at once; all or none. */
export async function enterFlagDecision(
  db: Database,
  actor: Actor | null,
  input: { decision: DecisionHeader; changes: FlagChange[] },
  today = vietnamDate(),
): Promise<DecisionRecord> {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  const actorId = actor?.userId ?? null;
  const id = await db.transaction(async (tx) => {
    const decision = { ...input.decision, form: 'list' as const };
    const header = await checkDecisionHeader(tx, decision, today);
    const details: ErrorDetail[] = [...header.details, ...(await checkChanges(tx, input.changes))];
    if (details.length) throw invalid(details, 'Quyết định chưa đủ điều kiện công bố.');
    const [record] = await tx
      .insert(publicationDecisions)
      .values({
        number: decision.number,
        issuedOn: decision.date,
        signer: decision.signer,
        effectiveDate: decision.effectiveDate,
        issuerUnitCode: decision.issuerUnitCode,
        issuerName: header.decision.issuerName,
        signerTitle: decision.signerTitle,
        form: 'list',
        nationalPublishedOn: decision.nationalPublishedOn,
        signedFileUrl: decision.signedFileUrl,
        signedFileId: decision.signedFileId,
        isLatePublication: decision.isLatePublication,
        createdBy: actorId,
      })
      .returning();
    const effectiveFrom = effectiveFromOf(decision, today);
    await tx.insert(procedureFlagChanges).values(
      input.changes.map((change) => ({
        decisionId: record!.id,
        procedureCode: change.code,
        flag: change.flag,
        value: change.value,
        effectiveFrom,
      })),
    );
    await recordAuditEvent(tx, {
      actorId,
      action: 'decision.flags',
      entityType: 'publication_decision',
      entityId: record!.id,
      data: { number: record!.number, changes: input.changes.length },
    });
    return record!.id;
  });
  return getDecision(db, id);
}

async function checkChanges(executor: Executor, changes: FlagChange[]): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  const codes = [...new Set(changes.map((change) => change.code))];
  const known = new Set(
    (await executor.select({ code: procedures.code }).from(procedures).where(inArray(procedures.code, codes))).map((row) => row.code),
  );
  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    if (!known.has(change.code))
      details.push({ path: `changes.${index}.code`, message: `Không có thủ tục mã ${change.code} trong danh mục.` });
    const key = `${change.code}:${change.flag}`;
    const first = seen.get(key);
    if (first !== undefined) {
      details.push({
        path: `changes.${index}.flag`,
        message: `Thủ tục mã ${change.code} đã có thay đổi danh mục này ở dòng ${first + 1}.`,
      });
    } else seen.set(key, index);
  });
  return details;
}

/** A procedure's list flags on `day`, and every change of them, newest first. */
export async function getProcedureFlags(executor: Executor, code: string, day = vietnamDate()): Promise<ProcedureFlagsView> {
  const [procedure] = await executor.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, code));
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const flags = (await procedureFlagsOn(executor, day, [code])).get(code)!;
  const history = await executor
    .select({
      code: procedureFlagChanges.procedureCode,
      flag: procedureFlagChanges.flag,
      value: procedureFlagChanges.value,
      effectiveFrom: procedureFlagChanges.effectiveFrom,
      decision: { id: publicationDecisions.id, number: publicationDecisions.number, date: publicationDecisions.issuedOn },
    })
    .from(procedureFlagChanges)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureFlagChanges.decisionId))
    .where(eq(procedureFlagChanges.procedureCode, code))
    .orderBy(desc(procedureFlagChanges.effectiveFrom), desc(publicationDecisions.issuedOn), asc(procedureFlagChanges.flag));
  return { code, date: day, flags, history };
}
