import { eq } from 'drizzle-orm';
import type { ProcessApproval } from '../../contract/catalog-processes';
import { type ErrorDetail, forbidden, invalid, notFound } from '../../core/errors';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { procedureProcesses, procedures } from '../../db/schema/catalog';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findUnitsByCodes } from '../org';
import { can } from './policy';
import { committedTimeOn, listApprovals } from './read';
import * as repo from './repo';
import { checkApprovedProcess } from './rules';

/*
 * Approvals of internal processes (quyết định phê duyệt quy trình nội bộ, docs/DOMAIN.md §4). Each approval has its
 * own decision and effective date and is appended to the procedure's history of processes; the procedure's version
 * is not touched. The committed time it sets is never longer than the statutory time of the version in force.
 */

export async function getProcedureProcesses(db: Database, code: string, today = vietnamDate()) {
  if (!(await repo.findProcedureByCode(db, code))) throw notFound(`thủ tục ${code}`);
  return { committedTime: (await committedTimeOn(db, code, today)) ?? null, items: await listApprovals(db, code) };
}

/** Records an approval (one transaction with its audit event), after checking it against the version in force on its date. */
export async function approveProcess(db: Database, actor: Actor | null, code: string, input: ProcessApproval, today = vietnamDate()) {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  await db.transaction(async (tx) => {
    const [procedure] = await tx.select().from(procedures).where(eq(procedures.code, code)).for('update');
    if (!procedure) throw notFound(`thủ tục ${code}`);
    const details: ErrorDetail[] = [];
    if (input.decisionDate > today) details.push({ path: 'decisionDate', message: 'Ngày ký quyết định không được sau hôm nay.' });
    if (input.decisionDate > input.effectiveFrom) {
      details.push({ path: 'effectiveFrom', message: 'Ngày áp dụng không được trước ngày ký quyết định.' });
    }
    const [latest] = await listApprovals(tx, code);
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      details.push({
        path: 'effectiveFrom',
        message: `Ngày áp dụng phải sau ngày áp dụng của quy trình đã phê duyệt gần nhất (${formatVietnameseDate(latest.effectiveFrom)}, ${latest.decisionNumber}).`,
      });
    }
    const version = await repo.findVersionInForce(tx, procedure.id, input.effectiveFrom);
    if (!version || version.version.isAbolished) {
      details.push({
        path: 'effectiveFrom',
        message: `Thủ tục không có phiên bản có hiệu lực vào ngày ${formatVietnameseDate(input.effectiveFrom)}.`,
      });
    } else {
      details.push(...checkApprovedProcess(input, { amount: version.version.timeAmount, unit: version.version.timeUnit }));
    }
    const stepUnits = [...new Set(input.steps.flatMap((step) => (step.unitCode ? [step.unitCode] : [])))];
    const known = new Set((await findUnitsByCodes(tx, stepUnits)).map((unit) => unit.code));
    input.steps.forEach((step, index) => {
      if (step.unitCode && !known.has(step.unitCode))
        details.push({ path: `steps.${index}.unitCode`, message: `Không có đơn vị mã ${step.unitCode}.` });
    });
    if (details.length) throw invalid(details, 'Quy trình nội bộ chưa đủ điều kiện phê duyệt.');
    const [row] = await tx
      .insert(procedureProcesses)
      .values({
        procedureCode: code,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        signer: input.signer,
        effectiveFrom: input.effectiveFrom,
        committedAmount: input.committedTime.amount,
        committedUnit: input.committedTime.unit,
        steps: input.steps,
        note: input.note,
        createdBy: actor?.userId ?? null,
      })
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: 'procedure.process.approve',
      entityType: 'procedure',
      entityId: code,
      data: {
        approvalId: row!.id,
        decisionNumber: input.decisionNumber,
        effectiveFrom: input.effectiveFrom,
        committedTime: input.committedTime,
      },
    });
  });
  return getProcedureProcesses(db, code, today);
}
