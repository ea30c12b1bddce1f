/*
 * The province's emblem in the portal's header: a PNG or JPEG the administrator uploads (at most 1 MB, type from the
 * content), kept by the files module; without one the web app shows its default mark. Setting `portal.emblem` holds
 * the file's id.
 */
import { eq, sql } from 'drizzle-orm';
import { forbidden, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findFile, mediaTypes, readFileContent, storeFile } from '../files';
import { can } from './policy';

export const PORTAL_EMBLEM_KEY = 'portal.emblem';
export const EMBLEM_MAX_BYTES = 1024 * 1024;
export const EMBLEM_MEDIA_TYPES = [mediaTypes.png, mediaTypes.jpeg] as const;

/** The id of the uploaded emblem's file, or null for the default. */
export async function findEmblemFileId(executor: Executor): Promise<string | null> {
  const [row] = await executor.select({ value: settings.value }).from(settings).where(eq(settings.key, PORTAL_EMBLEM_KEY));
  const value = row?.value as { fileId?: unknown } | undefined;
  return typeof value?.fileId === 'string' ? value.fileId : null;
}

export async function saveEmblem(
  db: Database,
  dataDir: string,
  actor: Actor | null,
  upload: { bytes: Buffer; name: string },
): Promise<void> {
  if (!can(actor, 'portal.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    const file = await storeFile(tx, dataDir, {
      ...upload,
      actorId: actor!.userId,
      allowedTypes: EMBLEM_MEDIA_TYPES,
      maxBytes: EMBLEM_MAX_BYTES,
      purpose: 'portal_emblem',
    });
    const value = { fileId: file.id };
    await tx
      .insert(settings)
      .values({ key: PORTAL_EMBLEM_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.update',
      entityType: 'setting',
      entityId: PORTAL_EMBLEM_KEY,
      data: value,
    });
  });
}

/** Back to the default mark. */
export async function removeEmblem(db: Database, actor: Actor | null): Promise<void> {
  if (!can(actor, 'portal.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx.delete(settings).where(eq(settings.key, PORTAL_EMBLEM_KEY));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'setting.delete',
      entityType: 'setting',
      entityId: PORTAL_EMBLEM_KEY,
      data: {},
    });
  });
}

export async function readEmblem(db: Database, dataDir: string): Promise<{ mediaType: string; sha256: string; bytes: Buffer }> {
  const fileId = await findEmblemFileId(db);
  const file = fileId ? await findFile(db, fileId) : undefined;
  if (!file) throw notFound('biểu trưng của tỉnh');
  return { mediaType: file.mediaType, sha256: file.sha256, bytes: await readFileContent(dataDir, file) };
}
