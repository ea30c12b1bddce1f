import type { SignedFile } from '../../contract/catalog';
import type { StoredFile } from '../../contract/files';
import type { ErrorDetail } from '../../core/errors';
import type { Executor } from '../../db/client';
import { findFiles, findUploads, mediaTypes } from '../files';
import type { DecisionRow } from './repo';

/*
 * The signed decision of publication is a PDF kept by the files module, its id on the decision. It is public once
 * attached, so a decision takes only a file uploaded as a signed decision (POST /api/decision-files, or attached with
 * PUT /api/decisions/{id}/signed-file): never another module's upload, such as a dossier's scan.
 */

/** What a signed decision's upload is recorded for (stored_files.purpose). */
export const SIGNED_FILE_PURPOSE = 'decision_signed_file';

/** 20 MB, as for the forms: a scanned decision of some tens of pages with its annexes. */
export const SIGNED_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const SIGNED_FILE_TYPES = [mediaTypes.pdf] as const;

/** The file a decision names exists, was uploaded as a signed decision, and is a PDF. */
export async function checkSignedFile(executor: Executor, fileId: string | null | undefined): Promise<ErrorDetail[]> {
  if (!fileId) return [];
  const [file] = await findUploads(executor, [fileId]);
  const path = 'decision.signedFileId';
  if (!file) return [{ path, message: `Không có tệp mã ${fileId}: tải bản quyết định đã ký lên trước.` }];
  if (file.purpose !== SIGNED_FILE_PURPOSE) {
    return [{ path, message: `Tệp "${file.name}" không được tải lên làm bản quyết định đã ký: tải bản quyết định (PDF) lên lại.` }];
  }
  if (file.mediaType !== mediaTypes.pdf) return [{ path, message: `Tệp "${file.name}" không phải tệp PDF.` }];
  return [];
}

export type SignedFiles = Map<string, StoredFile>;

/** The signed files of these decisions, read at once (for a list, a procedure's versions, an export). */
export async function loadSignedFiles(executor: Executor, decisions: (Pick<DecisionRow, 'signedFileId'> | null)[]): Promise<SignedFiles> {
  const ids = decisions.flatMap((decision) => (decision?.signedFileId ? [decision.signedFileId] : []));
  return new Map((await findFiles(executor, ids)).map((file) => [file.id, file]));
}

export function signedFileOf(decision: Pick<DecisionRow, 'signedFileId'>, files: SignedFiles): SignedFile {
  const file = decision.signedFileId ? files.get(decision.signedFileId) : undefined;
  return file ? { fileId: file.id, name: file.name, size: file.size, mediaType: file.mediaType } : null;
}

/** The name a signed decision is downloaded under: its number, the slash of "1234/QĐ-UBND" made a dash. */
export function signedFileName(number: string): string {
  return `${number.replace(/[\\/]/g, '-')}.pdf`;
}
