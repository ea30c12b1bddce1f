import { and, eq, inArray } from 'drizzle-orm';
import type { StoredFile } from '../../contract/files';
import { AppError, forbidden, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import type { RowsInsert } from '../../db/json-rows';
import { dossierAccessLog, dossierFiles } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { findFile, findUploads, mediaTypes, readFileContent, storeFile } from '../files';
import { deskServedPaths } from './desk-scope';
import { canUploadDossierFile } from './policy';
import { loadAccess, requireReadable, resultReturned } from './read';

/** Scans and photos only (docs/api/dossiers.md "Files"): the content decides, not the name. */
export const DOSSIER_MEDIA_TYPES = [mediaTypes.pdf, mediaTypes.jpeg, mediaTypes.png] as const;
export const DOSSIER_FILE_MAX_BYTES = 20 * 1024 * 1024;

export type DossierFilePurpose = 'component' | 'supplement' | 'attachment' | 'result';

/** `POST /api/dossier-files`: stores an upload; it stays readable by its uploader only until attached to a dossier. */
export async function uploadDossierFile(
  db: Database,
  dataDir: string,
  actor: Actor,
  upload: { bytes: Buffer; name: string },
): Promise<StoredFile> {
  if (!canUploadDossierFile(actor)) throw forbidden('Bạn không có quyền tải lên tệp hồ sơ.');
  return db.transaction((tx) =>
    storeFile(tx, dataDir, {
      ...upload,
      actorId: actor.userId,
      allowedTypes: DOSSIER_MEDIA_TYPES,
      maxBytes: DOSSIER_FILE_MAX_BYTES,
      purpose: 'dossier_file',
    }),
  );
}

/**
 * The uploads `fileIds` may be attached by `actor`: each exists, was uploaded by the actor and is attached to no
 * dossier yet (a file of one dossier never slips into another). `path` names the field in the error.
 */
export async function checkOwnUploads(executor: Executor, actor: Actor, fileIds: string[], path: string): Promise<StoredFile[]> {
  if (fileIds.length === 0) return [];
  const found = await findUploads(executor, fileIds);
  const attached = await executor.select({ fileId: dossierFiles.fileId }).from(dossierFiles).where(inArray(dossierFiles.fileId, fileIds));
  const taken = new Set(attached.map((row) => row.fileId));
  const byId = new Map(found.map((file) => [file.id, file]));
  const details = fileIds.flatMap((id, index) => {
    const file = byId.get(id);
    if (!file || file.createdBy !== actor.userId) return [{ path: `${path}.${index}`, message: 'Không tìm thấy tệp đã tải lên.' }];
    if (taken.has(id)) return [{ path: `${path}.${index}`, message: 'Tệp này đã thuộc một hồ sơ khác; hãy tải lên lại.' }];
    if (!(DOSSIER_MEDIA_TYPES as readonly string[]).includes(file.mediaType)) {
      return [{ path: `${path}.${index}`, message: 'Tệp hồ sơ phải là PDF, JPEG hoặc PNG.' }];
    }
    return [];
  });
  if (details.length) throw new AppError('validation_failed', 'Tệp đính kèm không hợp lệ.', details);
  return fileIds.map((id) => byId.get(id)!);
}

export type FileAttachment = { fileId: string; purpose: DossierFilePurpose; componentPosition: number | null };

/** Attaches checked uploads to a dossier: the rows of the insert (a dossier's one write, batch.ts); null when none. */
export function dossierFileRows(input: {
  dossierId: string;
  actorId: string | null;
  eventId?: number | null;
  files: FileAttachment[];
  addedAt?: Date;
}): RowsInsert | null {
  if (input.files.length === 0) return null;
  return {
    table: dossierFiles,
    rows: input.files.map((file) => ({
      dossierId: input.dossierId,
      fileId: file.fileId,
      purpose: file.purpose,
      componentPosition: file.componentPosition,
      eventId: input.eventId ?? null,
      addedBy: input.actorId,
      ...(input.addedAt ? { addedAt: input.addedAt } : {}),
    })),
  };
}

export type DossierFileDownload = { file: StoredFile; bytes: Buffer };

/** `GET /api/dossiers/:id/files/:fileId`: only to those who may read the dossier (staff reads are logged). */
export async function downloadDossierFile(
  db: Database,
  dataDir: string,
  actor: Actor,
  dossierId: string,
  fileId: string,
): Promise<DossierFileDownload> {
  const access = await loadAccess(db, dossierId);
  const reader = requireReadable(actor, access, await deskServedPaths(db, actor));
  const [attached] = await db
    .select({ fileId: dossierFiles.fileId, purpose: dossierFiles.purpose })
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.fileId, fileId)));
  // The applicant gets a result file once the result is returned, as "Hồ sơ của tôi" lists it.
  const hidden = reader === 'applicant' && attached?.purpose === 'result' && !resultReturned(access.dossier);
  const file = attached && !hidden ? await findFile(db, fileId) : undefined;
  if (!file) throw notFound('tệp của hồ sơ');
  if (reader === 'staff') await db.insert(dossierAccessLog).values({ dossierId, userId: actor.userId, purpose: 'file' });
  return { file, bytes: await readFileContent(dataDir, file) };
}

/** `GET /api/dossier-files/:fileId`: an upload not yet attached, for its uploader (to review before submitting). */
export async function downloadOwnUpload(db: Database, dataDir: string, actor: Actor, fileId: string): Promise<DossierFileDownload> {
  const [file] = await findUploads(db, [fileId]);
  if (!file) throw notFound('tệp');
  if (file.createdBy !== actor.userId) throw forbidden('Chỉ người tải lên mới xem được tệp chưa gắn vào hồ sơ.');
  // Once attached, the dossier's rule decides (GET /api/dossiers/:id/files/:fileId).
  const [attached] = await db.select({ id: dossierFiles.id }).from(dossierFiles).where(eq(dossierFiles.fileId, fileId)).limit(1);
  if (attached) throw notFound('tệp chưa gắn vào hồ sơ');
  const { createdBy: _uploader, ...stored } = file;
  return { file: stored, bytes: await readFileContent(dataDir, stored) };
}
