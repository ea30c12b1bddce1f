import { sql } from 'drizzle-orm';
import { forbidden } from '../../core/errors';
import type { Database } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { can } from './policy';

/** Programme settings (deadlines): who may change them is decided in policy.ts (`reform.settings`). */
export async function saveSetting<T extends Record<string, unknown>>(db: Database, actor: Actor | null, key: string, value: T): Promise<T> {
  if (!can(actor, 'reform.settings')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, { actorId: actor!.userId, action: 'setting.update', entityType: 'setting', entityId: key, data: value });
  });
  return value;
}
