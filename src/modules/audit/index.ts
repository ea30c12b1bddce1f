import type { Executor } from '../../db/client';
import type { RowsInsert } from '../../db/json-rows';
import { auditEvents } from '../../db/schema/audit';

export type AuditEventInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
};

/** Call inside the transaction of the change it describes, so that the two commit or fail together. */
export async function recordAuditEvent(executor: Executor, event: AuditEventInput): Promise<void> {
  await executor.insert(auditEvents).values({ ...event, data: event.data ?? {} });
}

/** The same insert built but not run, for a caller that batches the audit event with its own writes (one statement). */
export function auditEventInsert(executor: Executor, event: AuditEventInput) {
  return executor.insert(auditEvents).values({ ...event, data: event.data ?? {} });
}

/** The same row as a rows insert (src/db/json-rows.ts), for a caller that writes its change as one named statement. */
export function auditEventRows(event: AuditEventInput): RowsInsert {
  return { table: auditEvents, rows: [{ ...event, data: event.data ?? {} }] };
}
