import { type DossierAction, type DossierStatus, defaultPhoneChannels, type PhoneChannel, type TimingClass } from '../../../contract/enums';
import { formatVietnameseDate, vietnamDate } from '../../../core/vietnam-time';
import type { Executor } from '../../../db/client';
import type { RowsInsert } from '../../../db/json-rows';
import { dossierEvents, dossierSteps } from '../../../db/schema/dossiers';
import { auditEventRows } from '../../audit';
import type { Actor } from '../../auth';
import { notificationsRows } from '../../notify';
import { type DossierGuard, runRowWrites } from '../batch';
import { type ApplicantNotice, applicantMessages, portalMessage } from '../intake-notify';
import type { DossierRow } from '../read';

/*
 * The trail of an action, in its transaction: one dossier_events row, the audit event, the applicant's notification
 * (supplement requested, apology, result ready, returned) and the national-portal status message — with the
 * action's other writes, one statement (batch.ts).
 */

export type ActionEvent = {
  action: DossierAction | 'mark_overdue';
  fromStatus: DossierStatus;
  stepNo?: number | null;
  toStepNo?: number | null;
  toUserId?: string | null;
  toUnitId?: string | null;
  stepTiming?: TimingClass | null;
  comment?: string | null;
  data?: Record<string, unknown>;
};

/** The events row of an action (without its id). */
export function eventValues(actor: Actor | null, dossier: DossierRow, event: ActionEvent, now: Date) {
  return {
    dossierId: dossier.id,
    occurredAt: now,
    actorId: actor?.userId ?? null,
    actorName: actor?.fullName ?? 'Hệ thống',
    actorUnitId: actor?.roles.find((held) => held.unitId)?.unitId ?? null,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: dossier.status,
    stepNo: event.stepNo ?? null,
    toStepNo: event.toStepNo ?? null,
    toUserId: event.toUserId ?? null,
    toUnitId: event.toUnitId ?? null,
    stepTiming: event.stepTiming ?? null,
    comment: event.comment ?? null,
    data: event.data ?? {},
  };
}

/**
 * What else an action writes with its trail, in the same statement (batch.ts): `eventId` reserved beforehand
 * (state.ts `reserveEventId`), `guard` the version-guarded update of the dossier, `steps` its steps' changes (each
 * with the step's id), `inserts` its other rows.
 */
export type TrailWrites = {
  eventId?: number | null;
  guard?: DossierGuard;
  steps?: Record<string, unknown>[];
  inserts?: RowsInsert[];
  /** The channels of the applicant's texts to a phone (config.notifyPhoneChannels; SMS when not given). */
  phoneChannels?: readonly PhoneChannel[];
};

/**
 * `dossier` is the row after the change. Without a reserved `eventId` the event is inserted first (its id names the
 * messages), then the rest in one statement; with one, everything is one statement.
 */
export async function recordAction(
  tx: Executor,
  actor: Actor | null,
  dossier: DossierRow,
  event: ActionEvent,
  now: Date,
  writes: TrailWrites = {},
): Promise<number> {
  const values = eventValues(actor, dossier, event, now);
  const inserts: RowsInsert[] = [];
  let eventId = writes.eventId ?? null;
  if (eventId === null) {
    const [row] = await tx.insert(dossierEvents).values(values).returning({ id: dossierEvents.id });
    eventId = row!.id;
  } else {
    inserts.push({ table: dossierEvents, rows: [{ id: eventId, ...values }], overridingSystemValue: true });
  }
  inserts.push(...(writes.inserts ?? []));
  inserts.push(
    auditEventRows({
      actorId: actor?.userId ?? null,
      action: `dossier.${event.action}`,
      entityType: 'dossier',
      entityId: dossier.id,
      data: { code: dossier.code, from: event.fromStatus, to: dossier.status, stepNo: event.stepNo ?? null, version: dossier.version },
    }),
  );
  const notice = applicantNotice(dossier, event);
  const messages = notice ? applicantMessages(dossier, notice, eventId, writes.phoneChannels ?? defaultPhoneChannels) : [];
  if (event.action !== 'mark_overdue') messages.push(portalMessage(dossier, { id: eventId, action: event.action, occurredAt: now }));
  const outbox = notificationsRows(messages);
  if (outbox) inserts.push(outbox);
  await runRowWrites(tx, { guard: writes.guard, updates: [{ table: dossierSteps, rows: writes.steps ?? [] }], inserts });
  return eventId;
}

const dayOf = (value: Date | null) => (value ? formatVietnameseDate(vietnamDate(value)) : 'chưa xác định');

/** What the applicant is told, for the actions that concern them (no personal data beyond the code). */
export function applicantNotice(dossier: DossierRow, event: ActionEvent): ApplicantNotice | null {
  const head = `Hồ sơ ${dossier.code} (${dossier.procedureName})`;
  const reason = typeof event.data?.reason === 'string' ? event.data.reason : '';
  switch (event.action) {
    case 'request_supplement':
      return {
        template: 'dossier.supplement_requested',
        subject: `Yêu cầu bổ sung hồ sơ ${dossier.code}`,
        text: `${head} cần bổ sung, hoàn thiện: ${reason}`.trim(),
      };
    case 'apologize':
      return {
        template: 'dossier.apology',
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${dossier.code}`,
        text: `${head} chưa giải quyết được đúng hạn. Lý do: ${reason}. Ngày hẹn trả mới: ${dayOf(dossier.dueAt)}.`,
      };
    case 'issue_result':
      return {
        template: 'dossier.result_ready',
        subject: `Đã có kết quả hồ sơ ${dossier.code}`,
        text: `${head} đã có kết quả giải quyết. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.`,
      };
    case 'return_result':
      return { template: 'dossier.returned', subject: `Đã trả kết quả hồ sơ ${dossier.code}`, text: `${head} đã được trả kết quả.` };
    case 'refuse':
      return {
        template: 'dossier.refused',
        subject: `Từ chối giải quyết hồ sơ ${dossier.code}`,
        text: `${head} bị từ chối giải quyết. Lý do: ${reason}`.trim(),
      };
    case 'stop':
      return {
        template: 'dossier.stopped',
        subject: `Dừng giải quyết hồ sơ ${dossier.code}`,
        text: `${head} đã dừng giải quyết. Lý do: ${reason}`.trim(),
      };
    default:
      return null;
  }
}
