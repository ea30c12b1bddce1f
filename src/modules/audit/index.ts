import type { Executor } from '../../db/client';
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
