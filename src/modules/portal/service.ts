/*
 * The portal says whose it is (docs/api/portal.md): the province's name in the header, the public-service centre's
 * contact in the footer. One setting (`portal.identity` in the shared settings table); every page of the portal asks
 * for it, so the answer is kept in memory with its ETag — dropped at once by a change made in this process, and after
 * CACHE_MS by one made in another.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type PortalSettings, type PortalView, portalSettingsSchema } from '../../contract/portal';
import { forbidden } from '../../core/errors';
import { normalizeText } from '../../core/text';
import type { Database, Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findEmblemFileId } from './emblem';
import { can } from './policy';

export const PORTAL_SETTINGS_KEY = 'portal.identity';
const CACHE_MS = 10_000;

/** Until the administrator saves the settings: a neutral name and no contact (nothing invented is shown). */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  provinceName: 'Cổng dịch vụ công',
  centreName: null,
  address: null,
  phone: null,
  hotline: null,
  email: null,
};

type Cached = { view: PortalView; etag: string; readAt: number };
const caches = new WeakMap<object, Cached>();

export async function loadPortalView(executor: Executor): Promise<PortalView> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, PORTAL_SETTINGS_KEY));
  const parsed = row ? portalSettingsSchema.safeParse(row.value) : null;
  const fileId = await findEmblemFileId(executor);
  const emblemUrl = fileId ? `/api/portal/emblem?v=${fileId.slice(0, 8)}` : null;
  return parsed?.success ? { ...parsed.data, emblemUrl, isDefault: false } : { ...DEFAULT_PORTAL_SETTINGS, emblemUrl, isDefault: true };
}

/** After a change of the portal's settings in this process: the next request reads them. */
export function forgetPortalAnswer(db: Database): void {
  caches.delete(db);
}

/** The public answer and its ETag, from memory while fresh. */
export async function getPortalAnswer(db: Database): Promise<{ view: PortalView; etag: string }> {
  const cached = caches.get(db);
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached;
  const readAt = Date.now();
  const view = await loadPortalView(db);
  const etag = `"${createHash('sha1').update(JSON.stringify(view)).digest('base64url')}"`;
  const fresh = { view, etag, readAt };
  caches.set(db, fresh);
  return fresh;
}

export async function savePortalSettings(db: Database, actor: Actor | null, input: PortalSettings): Promise<PortalView> {
  if (!can(actor, 'portal.configure')) throw forbidden();
  const clean = (text: string | null) => (text === null ? null : normalizeText(text));
  const value: PortalSettings = {
    ...input,
    provinceName: normalizeText(input.provinceName),
    centreName: clean(input.centreName),
    address: clean(input.address),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: PORTAL_SETTINGS_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.update',
      entityType: 'setting',
      entityId: PORTAL_SETTINGS_KEY,
      data: input,
    });
  });
  forgetPortalAnswer(db);
  return loadPortalView(db);
}
