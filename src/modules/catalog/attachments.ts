import type { AttachedFile, ProcedureContent } from '../../contract/catalog';
import type { StoredFile } from '../../contract/files';
import { type ErrorDetail, forbidden, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import type { Actor } from '../auth';
import { FORM_MEDIA_TYPES, findFile, findUploads, readFileContent, storeFile } from '../files';
import { can } from './policy';
import * as repo from './repo';
import { SIGNED_FILE_PURPOSE } from './signed-files';

/*
 * Forms (mẫu đơn, tờ khai) and result templates are files of the files module attached to a version. Catalog
 * editors upload them; anyone may download a file attached to a published version (every version is public, as the
 * API shows every version); a file not attached to any version is seen by catalog editors only.
 */

/** 20 MB: a scanned form of a few pages, far more than a DOC/DOCX form needs. */
export const FORM_MAX_BYTES = 20 * 1024 * 1024;

const FORM_PURPOSE = 'procedure_form';

/**
 * An upload the catalog may show: made for the catalog (a form, a signed decision), or before uploads recorded what
 * they were for (migration 0017). Never another module's, such as a dossier's scan, which holds personal data.
 */
const isCatalogUpload = (file: { purpose: string | null }) =>
  file.purpose === null || file.purpose === FORM_PURPOSE || file.purpose === SIGNED_FILE_PURPOSE;

type AttachedAt = AttachedFile & { path: string };

export function attachedFilesOf(content: Pick<ProcedureContent, 'components' | 'resultTemplates'>): AttachedAt[] {
  const files: AttachedAt[] = [];
  (content.components ?? []).forEach((component, index) => {
    if (component.formFile) files.push({ ...component.formFile, path: `procedure.components.${index}.formFile` });
  });
  (content.resultTemplates ?? []).forEach((template, index) => {
    if (template.file) files.push({ ...template.file, path: `procedure.resultTemplates.${index}.file` });
  });
  return files;
}

/** Every attached file exists and is a document type a form may have. */
export async function checkAttachedFiles(executor: Executor, content: ProcedureContent): Promise<ErrorDetail[]> {
  const attached = attachedFilesOf(content);
  if (attached.length === 0) return [];
  const stored = new Map(
    (
      await findUploads(
        executor,
        attached.map((file) => file.fileId),
      )
    )
      .filter(isCatalogUpload)
      .map((file) => [file.id, file]),
  );
  return attached.flatMap((file): ErrorDetail[] => {
    const found = stored.get(file.fileId);
    if (!found) return [{ path: `${file.path}.fileId`, message: `Không có tệp mã ${file.fileId}: tải tệp lên trước khi công bố.` }];
    if (!FORM_MEDIA_TYPES.includes(found.mediaType as (typeof FORM_MEDIA_TYPES)[number])) {
      return [
        { path: `${file.path}.fileId`, message: `Tệp "${found.name}" không phải mẫu đơn, tờ khai (PDF, DOC, DOCX, XLS, XLSX, ODT).` },
      ];
    }
    return [];
  });
}

export async function uploadProcedureFile(
  db: Database,
  dataDir: string,
  actor: Actor | null,
  upload: { bytes: Buffer; name: string },
): Promise<StoredFile> {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  return db.transaction((tx) =>
    storeFile(tx, dataDir, {
      ...upload,
      actorId: actor?.userId ?? null,
      allowedTypes: FORM_MEDIA_TYPES,
      maxBytes: FORM_MAX_BYTES,
      purpose: FORM_PURPOSE,
    }),
  );
}

export type FileDownload = { file: StoredFile; name: string; bytes: Buffer };

/** The name a download is offered under: the name the version gives it, with the extension of its content. */
function downloadName(displayName: string, file: StoredFile): string {
  const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')) : '';
  return displayName.toLowerCase().endsWith(extension.toLowerCase()) ? displayName : `${displayName}${extension}`;
}

/** A file attached to a version of a procedure: public. */
export async function downloadVersionFile(
  db: Database,
  dataDir: string,
  target: { code: string; versionNo: number; fileId: string },
): Promise<FileDownload> {
  const procedure = await repo.findProcedureByCode(db, target.code);
  const row = procedure ? await repo.findVersion(db, procedure.id, target.versionNo) : undefined;
  if (!row) throw notFound(`phiên bản ${target.versionNo} của thủ tục ${target.code}`);
  const attached = attachedFilesOf(repo.joinContent(row.version)).find((file) => file.fileId === target.fileId);
  const file = attached ? await findFile(db, attached.fileId) : undefined;
  if (!attached || !file) throw notFound('tệp này trong phiên bản thủ tục');
  return { file, name: downloadName(attached.name, file), bytes: await readFileContent(dataDir, file) };
}

/** Any uploaded file, for catalog editors checking what they attach before publishing. */
export async function downloadUploadedFile(db: Database, dataDir: string, actor: Actor | null, fileId: string): Promise<FileDownload> {
  if (!can(actor, 'procedure.publish')) throw forbidden('Chỉ người biên tập danh mục thủ tục được tải tệp chưa công bố.');
  const [file] = (await findUploads(db, [fileId])).filter(isCatalogUpload);
  if (!file) throw notFound('tệp');
  return { file, name: file.name, bytes: await readFileContent(dataDir, file) };
}
