import { eq } from 'drizzle-orm';
import { checkApology } from '../../../core/dossiers/timing';
import { AppError, forbidden, invalid } from '../../../core/errors';
import { dossierConsultations } from '../../../db/schema/dossiers';
import { findUnitsByCodes } from '../../org';
import { checkOwnUploads } from '../dossier-files';
import { holdsOver } from './context';
import type { ActionInput, ActionOutcome } from './types';

/*
 * Consultations of other agencies (in parallel, each with its own due: the end of its due date's working day), their
 * replies, and the apology with a new appointment (Mẫu 04).
 */

export async function consult(input: ActionInput<'consult'>): Promise<ActionOutcome> {
  const { tx, context, body, now, calendar } = input;
  const active = context.steps[context.activeIndex!]!;
  const codes = body.consultations.flatMap((entry) => (entry.unitCode ? [entry.unitCode] : []));
  const units = new Map((await findUnitsByCodes(tx, codes)).map((unit) => [unit.code, unit]));
  const rows = body.consultations.map((entry, index) => {
    const path = `consultations.${index}`;
    const unit = entry.unitCode ? units.get(entry.unitCode) : undefined;
    if (entry.unitCode && !unit) throw invalid([{ path: `${path}.unitCode`, message: `Không có đơn vị mã ${entry.unitCode}.` }]);
    const agencyName = entry.agencyName ?? unit?.name;
    if (!agencyName)
      throw invalid([{ path: `${path}.agencyName`, message: 'Nêu đơn vị trong hệ thống hoặc tên cơ quan được hỏi ý kiến.' }]);
    if (!calendar.isWorkingDay(entry.dueDate)) throw invalid([{ path: `${path}.dueDate`, message: 'Hạn trả lời phải là ngày làm việc.' }]);
    const dueAt = calendar.endOfWorkingDay(entry.dueDate);
    if (dueAt.getTime() <= now.getTime()) throw invalid([{ path: `${path}.dueDate`, message: 'Hạn trả lời phải sau thời điểm hiện tại.' }]);
    return {
      dossierId: context.dossier.id,
      stepNo: active.stepNo,
      unitId: unit?.id ?? null,
      agencyName,
      question: entry.question,
      requestedAt: now,
      dueAt,
    };
  });
  const inserted = await tx.insert(dossierConsultations).values(rows).returning({ id: dossierConsultations.id });
  const files = await checkOwnUploads(tx, input.actor, body.attachmentFileIds, 'attachmentFileIds');
  return {
    changes: {},
    event: {
      stepNo: active.stepNo,
      toStepNo: active.stepNo,
      comment: body.comment,
      data: { consultationIds: inserted.map((row) => row.id), agencies: rows.map((row) => row.agencyName) },
    },
    files: files.map((file) => ({ fileId: file.id, purpose: 'attachment', componentPosition: null })),
  };
}

export async function consultReply(input: ActionInput<'consult_reply'>): Promise<ActionOutcome> {
  const { tx, context, body, now, calendar, actor } = input;
  const consultation = context.consultations.find((entry) => entry.id === body.consultationId);
  if (!consultation) throw invalid([{ path: 'consultationId', message: 'Hồ sơ không có yêu cầu phối hợp này.' }]);
  if (consultation.repliedAt) throw new AppError('conflict', 'Yêu cầu phối hợp này đã được trả lời.');
  const staffOfUnit =
    consultation.unitId !== null &&
    holdsOver(actor, ['specialist', 'division_head', 'unit_leader', 'desk_officer'], context.paths.get(consultation.unitId));
  if (!staffOfUnit && !context.can.stepHolder) {
    throw forbidden('Chỉ cơ quan được hỏi ý kiến hoặc người xử lý bước được ghi ý kiến trả lời.');
  }
  const timing = calendar.classifyCompletion(now, consultation.dueAt);
  await tx
    .update(dossierConsultations)
    .set({ reply: body.reply, repliedAt: now, repliedBy: actor.userId, timing })
    .where(eq(dossierConsultations.id, consultation.id));
  const files = await checkOwnUploads(tx, actor, body.attachmentFileIds, 'attachmentFileIds');
  return {
    changes: {},
    event: {
      stepNo: consultation.stepNo,
      toUnitId: consultation.unitId,
      stepTiming: timing,
      comment: body.comment,
      data: { consultationId: consultation.id },
    },
    files: files.map((file) => ({ fileId: file.id, purpose: 'attachment', componentPosition: null })),
  };
}

/** Once per dossier, at least a working day before the due; the new due is the end of a later working day. */
export async function apologize(input: ActionInput<'apologize'>): Promise<ActionOutcome> {
  const { context, body, now, calendar } = input;
  const due = context.dossier.dueAt;
  if (!due) throw new AppError('conflict', 'Hồ sơ chưa có ngày hẹn trả.');
  const check = checkApology(calendar, now, due, body.newDueDate);
  if (!check.allowed) throw new AppError('validation_failed', check.reason, [{ path: 'newDueDate', message: check.reason }]);
  const files = await checkOwnUploads(input.tx, input.actor, body.attachmentFileIds, 'attachmentFileIds');
  return {
    changes: { dueAt: check.newDueAt, hasApology: true, isOverdue: false },
    event: {
      stepNo: context.dossier.currentStepNo,
      comment: body.comment,
      data: { reason: body.reason, newDueDate: body.newDueDate, previousDueAt: due.toISOString() },
    },
    files: files.map((file) => ({ fileId: file.id, purpose: 'attachment', componentPosition: null })),
  };
}
