import { eq, inArray } from 'drizzle-orm';
import type { StoredFile } from '../../contract/files';
import { AppError } from '../../core/errors';
import type { Executor } from '../../db/client';
import { storedFiles } from '../../db/schema/files';
import { recordAuditEvent } from '../audit';
import { cleanFileName, extensionOf } from './names';
import { type MediaType, mediaTypeInfo, sniffMediaType } from './sniff';
import { readBlob, writeBlob } from './storage';

export type FileRow = typeof storedFiles.$inferSelect;

export type StoreFileRequest = {
  bytes: Buffer;
  /** The name the file came with; kept in NFC, without folders. */
  name: string;
  actorId: string | null;
  /** The types this use accepts (e.g. FORM_MEDIA_TYPES); the content decides the type, not the name. */
  allowedTypes: readonly MediaType[];
  maxBytes: number;
  /** What the file is for, in the audit event (e.g. "procedure_form"). */
  purpose: string;
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Checks an upload (size, type from content, name matching the type) without storing it. */
export async function checkUpload(request: Pick<StoreFileRequest, 'bytes' | 'name' | 'allowedTypes' | 'maxBytes'>) {
  const name = cleanFileName(request.name);
  if (request.bytes.length === 0) throw new AppError('validation_failed', 'Tệp trống.', [{ path: 'body', message: 'Tệp trống.' }]);
  if (request.bytes.length > request.maxBytes) {
    const message = `Tệp quá lớn (${megabytes(request.bytes.length)}): tối đa ${megabytes(request.maxBytes)}.`;
    throw new AppError('payload_too_large', message, [{ path: 'body', message }]);
  }
  const mediaType = await sniffMediaType(request.bytes);
  const accepted = request.allowedTypes.map((type) => mediaTypeInfo[type].label).join(', ');
  if (!request.allowedTypes.includes(mediaType)) {
    const message = `Nội dung tệp "${name}" là ${mediaTypeInfo[mediaType].label}, không phải loại được nhận (${accepted}).`;
    throw new AppError('unsupported_media_type', message, [{ path: 'body', message }]);
  }
  const extension = extensionOf(name);
  const knownExtensions = Object.values(mediaTypeInfo).flatMap((info) => info.extensions);
  if (knownExtensions.includes(extension) && !mediaTypeInfo[mediaType].extensions.includes(extension)) {
    const message = `Tệp "${name}" có đuôi .${extension} nhưng nội dung là ${mediaTypeInfo[mediaType].label}: đổi tên tệp cho đúng loại rồi tải lên lại.`;
    throw new AppError('unsupported_media_type', message, [{ path: 'query.name', message }]);
  }
  return { name, mediaType };
}

/** Stores an upload's bytes (content-addressed under `dataDir`) and records it, with its audit event, in `tx`. */
export async function storeFile(tx: Executor, dataDir: string, request: StoreFileRequest): Promise<StoredFile> {
  const { name, mediaType } = await checkUpload(request);
  const sha256 = await writeBlob(dataDir, request.bytes);
  const [row] = await tx
    .insert(storedFiles)
    .values({ sha256, size: request.bytes.length, mediaType, originalName: name, createdBy: request.actorId, purpose: request.purpose })
    .returning();
  await recordAuditEvent(tx, {
    actorId: request.actorId,
    action: 'file.upload',
    entityType: 'file',
    entityId: row!.id,
    data: { sha256, size: row!.size, mediaType, name, purpose: request.purpose },
  });
  return toStoredFile(row!);
}

export function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.mediaType,
    name: row.originalName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findFile(executor: Executor, id: string): Promise<StoredFile | undefined> {
  const [row] = await executor.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ? toStoredFile(row) : undefined;
}

export async function findFiles(executor: Executor, ids: string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select()
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...new Set(ids)]));
  return rows.map(toStoredFile);
}

/**
 * The uploads with their uploader and what they were uploaded for: a module that lets only the uploader use an
 * unattached upload, or only an upload made for its use, checks it.
 */
export async function findUploads(
  executor: Executor,
  ids: string[],
): Promise<(StoredFile & { createdBy: string | null; purpose: string | null })[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select()
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...new Set(ids)]));
  return rows.map((row) => ({ ...toStoredFile(row), createdBy: row.createdBy, purpose: row.purpose }));
}

export function readFileContent(dataDir: string, file: Pick<StoredFile, 'sha256'>): Promise<Buffer> {
  return readBlob(dataDir, file.sha256);
}
