import { eq } from 'drizzle-orm';
import type { DecisionRecord } from '../../contract/catalog';
import type { StoredFile } from '../../contract/files';
import { AppError, forbidden, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { publicationDecisions } from '../../db/schema/catalog';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findFile, readFileContent, storeFile } from '../files';
import type { FileDownload } from './attachments';
import { getDecision } from './decision-view';
import { can } from './policy';
import { invalidatePublicCatalog } from './search-cache';
import { SIGNED_FILE_MAX_BYTES, SIGNED_FILE_PURPOSE, SIGNED_FILE_TYPES, signedFileName } from './signed-files';

/*
 * The signed decision (a PDF): uploaded before the decision is entered (its id then goes in `decision.signedFileId`),
 * or attached to a decision already recorded. Attaching changes nothing else of the decision, whose facts stay as
 * entered; the change is audited with the file it replaces, if any. Anyone may download it.
 */

/** Stores a signed decision's PDF, refusing any other type with a message naming what was sent. */
async function storeSignedFile(tx: Executor, dataDir: string, actor: Actor | null, upload: { bytes: Buffer; name: string }) {
  try {
    return await storeFile(tx, dataDir, {
      ...upload,
      actorId: actor?.userId ?? null,
      allowedTypes: SIGNED_FILE_TYPES,
      maxBytes: SIGNED_FILE_MAX_BYTES,
      purpose: SIGNED_FILE_PURPOSE,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unsupported_media_type' && error.details[0]?.path === 'body') {
      const message = `Bản quyết định đã ký phải là tệp PDF (bản ký số hoặc bản chụp quét). ${error.message}`;
      throw new AppError('unsupported_media_type', message, [{ path: 'body', message }]);
    }
    throw error;
  }
}

export async function uploadSignedFile(
  db: Database,
  dataDir: string,
  actor: Actor | null,
  upload: { bytes: Buffer; name: string },
): Promise<StoredFile> {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  return db.transaction((tx) => storeSignedFile(tx, dataDir, actor, upload));
}

/** Attaches (or replaces) the signed file of a recorded decision; its other facts are not touched. */
export async function attachSignedFile(
  db: Database,
  dataDir: string,
  actor: Actor | null,
  decisionId: string,
  upload: { bytes: Buffer; name: string },
): Promise<DecisionRecord> {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  await db.transaction(async (tx) => {
    const [decision] = await tx.select().from(publicationDecisions).where(eq(publicationDecisions.id, decisionId)).for('update');
    if (!decision) throw notFound('quyết định công bố');
    const file = await storeSignedFile(tx, dataDir, actor, upload);
    await tx.update(publicationDecisions).set({ signedFileId: file.id }).where(eq(publicationDecisions.id, decisionId));
    await recordAuditEvent(tx, {
      actorId: actor?.userId ?? null,
      action: 'decision.signed_file',
      entityType: 'publication_decision',
      entityId: decisionId,
      data: { number: decision.number, fileId: file.id, sha256: file.sha256, name: file.name, previousFileId: decision.signedFileId },
    });
    // Procedure pages show the decision's file: their cached answers go.
    await invalidatePublicCatalog(tx);
  });
  return getDecision(db, decisionId);
}

/** The signed decision, for anyone, under the decision's number. */
export async function downloadSignedFile(db: Database, dataDir: string, decisionId: string): Promise<FileDownload> {
  const [decision] = await db.select().from(publicationDecisions).where(eq(publicationDecisions.id, decisionId));
  if (!decision) throw notFound('quyết định công bố');
  const file = decision.signedFileId ? await findFile(db, decision.signedFileId) : undefined;
  if (!file) throw notFound(`bản đã ký của quyết định ${decision.number} (chưa được tải lên)`);
  return { file, name: signedFileName(decision.number), bytes: await readFileContent(dataDir, file) };
}
