import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { capPhoneText, enqueueNotification, fitPhoneText, type OutboxMessage, type PhoneChannel, phoneMessages } from '../notify';
import type { DossierRow } from './read';

/*
 * What an intake tells the outside (notify outbox, in the intake's transaction): the applicant by e-mail and to
 * their phone (SMS, Zalo or both: NOTIFY_PHONE_CHANNELS) when they gave them, and the national portal's status feed
 * (docs/api/national-portal.md "Status messages").
 */

export type ApplicantNotice = { template: string; subject: string; text: string };

/** What the messages name of a dossier (a new one's before it is written, or a row read back). */
export type MessageDossier = Pick<
  DossierRow,
  | 'id'
  | 'code'
  | 'procedureCode'
  | 'procedureName'
  | 'status'
  | 'source'
  | 'applicant'
  | 'nationalPortalRef'
  | 'receivedAt'
  | 'dueAt'
  | 'resolvedAt'
  | 'returnedAt'
  | 'timing'
>;

/** The applicant's message for a dossier in its current state (no personal data beyond the dossier code). */
export function intakeNotice(dossier: MessageDossier, reason: string | null): ApplicantNotice {
  const head = `Hồ sơ ${dossier.code} (${dossier.procedureName})`;
  switch (dossier.status) {
    case 'processing':
      return {
        template: 'dossier.received',
        subject: `Đã tiếp nhận hồ sơ ${dossier.code}`,
        text: `${head} đã được tiếp nhận. Ngày hẹn trả kết quả: ${dossier.dueAt ? formatVietnameseDate(vietnamDate(dossier.dueAt)) : 'chưa xác định'}.`,
      };
    case 'submitted':
      return {
        template: 'dossier.submitted',
        subject: `Đã nộp hồ sơ ${dossier.code}`,
        text: `${head} đã được nộp trực tuyến và đang chờ bộ phận một cửa kiểm tra.`,
      };
    case 'supplement_requested':
      return {
        template: 'dossier.supplement_requested',
        subject: `Yêu cầu bổ sung hồ sơ ${dossier.code}`,
        text: `${head} cần bổ sung, hoàn thiện: ${reason ?? ''}`.trim(),
      };
    default:
      return {
        template: 'dossier.refused',
        subject: `Từ chối tiếp nhận hồ sơ ${dossier.code}`,
        text: `${head} không được tiếp nhận. Lý do: ${reason ?? ''}`.trim(),
      };
  }
}

/**
 * The applicant's messages about an event: e-mail, and one text to the phone per phone channel (`phoneChannels`,
 * by default the process's: NOTIFY_PHONE_CHANNELS), when they gave them; dedupe keys from the event id and channel.
 */
export function applicantMessages(
  dossier: MessageDossier,
  notice: ApplicantNotice,
  eventId: number,
  phoneChannels: readonly PhoneChannel[],
): OutboxMessage[] {
  const { email, phone } = dossier.applicant;
  const base = { template: notice.template, body: notice.text, refType: 'dossier', refId: dossier.id, data: { code: dossier.code } };
  const messages: OutboxMessage[] = [];
  if (email) messages.push({ ...base, channel: 'email', recipient: email, subject: notice.subject, dedupeKey: `dossier:${eventId}:email` });
  if (phone) {
    const text = { ...base, body: phoneTextOf(dossier, notice) };
    messages.push(...phoneMessages(phoneChannels, phone, text, (channel) => `dossier:${eventId}:${channel}`));
  }
  return messages;
}

/**
 * The notice as a text to a phone (at most 160 characters): the procedure's name is cut first — the code, what
 * happened and the date matter more —, then the end of a text still too long (a long reason: the e-mail has it all).
 */
export function phoneTextOf(dossier: Pick<MessageDossier, 'procedureName'>, notice: ApplicantNotice): string {
  const named = ` (${dossier.procedureName})`;
  const at = notice.text.indexOf(named);
  if (at < 0) return capPhoneText(notice.text);
  const before = notice.text.slice(0, at);
  const after = notice.text.slice(at + named.length);
  return fitPhoneText((name) => `${before}${name === null ? '' : ` (${name})`}${after}`, dossier.procedureName);
}

export async function notifyApplicant(
  tx: Executor,
  dossier: DossierRow,
  notice: ApplicantNotice,
  eventId: number,
  phoneChannels: readonly PhoneChannel[],
): Promise<void> {
  for (const message of applicantMessages(dossier, notice, eventId, phoneChannels)) await enqueueNotification(tx, message);
}

/** One status message per event, documented in docs/api/national-portal.md: no personal data. */
export function portalStatusMessage(dossier: MessageDossier, event: { id: number; action: string; occurredAt: Date }) {
  return {
    type: 'dossier.status',
    eventId: event.id,
    portalRef: dossier.nationalPortalRef,
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    source: dossier.source,
    action: event.action,
    status: dossier.status,
    occurredAt: event.occurredAt.toISOString(),
    receivedAt: dossier.receivedAt?.toISOString() ?? null,
    dueAt: dossier.dueAt?.toISOString() ?? null,
    resolvedAt: dossier.resolvedAt?.toISOString() ?? null,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    timing: dossier.timing,
  };
}

/** The national portal's status message about an event (docs/api/national-portal.md "Status messages"). */
export function portalMessage(dossier: MessageDossier, event: { id: number; action: string; occurredAt: Date }): OutboxMessage {
  return {
    channel: 'national_portal',
    recipient: 'national-portal',
    template: 'dossier.status',
    body: JSON.stringify(portalStatusMessage(dossier, event)),
    refType: 'dossier',
    refId: dossier.id,
    dedupeKey: `dossier:${event.id}:portal`,
  };
}

export async function notifyPortal(tx: Executor, dossier: DossierRow, event: { id: number; action: string; occurredAt: Date }) {
  await enqueueNotification(tx, portalMessage(dossier, event));
}
