import { asc, eq, inArray } from 'drizzle-orm';
import type { StoredFile } from '../../contract/files';
import type { PlanEvidenceFile } from '../../contract/plans-reports';
import { AppError, type ErrorDetail, forbidden, invalid, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/client';
import { planReportFiles } from '../../db/schema/plans-reports';
import type { Actor } from '../auth';
import { findFiles, findUploads, mediaTypes, readFileContent, storeFile } from '../files';
import { canReadPlans } from './policy';
import { canUploadEvidence } from './report-policy';

/** What an evidence upload is recorded for (stored_files.purpose): only such an upload is attached to a report. */
export const EVIDENCE_PURPOSE = 'plan_evidence';
/** 20 MB a file: a scanned decision with its annexes, a photo, a spreadsheet of figures. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_TYPES = [mediaTypes.pdf, mediaTypes.jpeg, mediaTypes.png, mediaTypes.docx, mediaTypes.xlsx] as const;

/** Stores an evidence file (PDF, JPEG, PNG, DOCX, XLSX), before the report that attaches it is sent. */
export async function uploadEvidence(
  db: Database,
  dataDir: string,
  actor: Actor | null,
  upload: { bytes: Buffer; name: string },
): Promise<StoredFile> {
  if (!canUploadEvidence(actor)) throw forbidden();
  try {
    return await db.transaction((tx) =>
      storeFile(tx, dataDir, {
        ...upload,
        actorId: actor!.userId,
        allowedTypes: EVIDENCE_TYPES,
        maxBytes: EVIDENCE_MAX_BYTES,
        purpose: EVIDENCE_PURPOSE,
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'unsupported_media_type' && error.details[0]?.path === 'body') {
      const message = `Tệp minh chứng phải là PDF, ảnh JPEG/PNG, Word (DOCX) hoặc Excel (XLSX). ${error.message}`;
      throw new AppError('unsupported_media_type', message, [{ path: 'body', message }]);
    }
    throw error;
  }
}

/**
 * Attaches uploads to a new report, in the order given: each must be an evidence upload of the actor, not yet
 * attached to a report (a file attached once stays with its report). Refused as a whole otherwise.
 */
export async function attachEvidence(tx: Executor, actor: Actor, reportId: string, fileIds: string[]): Promise<void> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return;
  const uploads = new Map((await findUploads(tx, ids)).map((file) => [file.id, file]));
  const attached = new Set(
    (await tx.select({ fileId: planReportFiles.fileId }).from(planReportFiles).where(inArray(planReportFiles.fileId, ids))).map(
      (row) => row.fileId,
    ),
  );
  const errors: ErrorDetail[] = [];
  ids.forEach((id, index) => {
    const path = `fileIds.${index}`;
    const file = uploads.get(id);
    if (!file) errors.push({ path, message: `Không có tệp mã ${id}: tải tệp minh chứng lên trước.` });
    else if (file.purpose !== EVIDENCE_PURPOSE) errors.push({ path, message: `Tệp "${file.name}" không được tải lên làm minh chứng.` });
    else if (file.createdBy !== actor.userId && !actor.roles.some((held) => held.role === 'admin'))
      errors.push({ path, message: `Tệp "${file.name}" do người khác tải lên: chỉ đính kèm tệp do chính bạn tải lên.` });
    else if (attached.has(id)) errors.push({ path, message: `Tệp "${file.name}" đã là minh chứng của một báo cáo khác.` });
  });
  if (errors.length > 0) throw invalid(errors, errors[0]!.message);
  await tx.insert(planReportFiles).values(ids.map((fileId, position) => ({ reportId, fileId, position })));
}

/** The evidence files of these reports, in their order. */
export async function loadReportFiles(db: Executor, reportIds: string[]): Promise<Map<string, PlanEvidenceFile[]>> {
  const result = new Map<string, PlanEvidenceFile[]>();
  if (reportIds.length === 0) return result;
  const links = await db
    .select()
    .from(planReportFiles)
    .where(inArray(planReportFiles.reportId, reportIds))
    .orderBy(asc(planReportFiles.position));
  const files = new Map(
    (
      await findFiles(
        db,
        links.map((link) => link.fileId),
      )
    ).map((file) => [file.id, file]),
  );
  for (const link of links) {
    const file = files.get(link.fileId);
    if (!file) continue;
    const list = result.get(link.reportId) ?? [];
    list.push({ id: file.id, name: file.name, size: file.size, mediaType: file.mediaType });
    result.set(link.reportId, list);
  }
  return result;
}

/** An evidence file attached to a report, for staff of the province; any other file id is not found. */
export async function downloadEvidence(db: Database, dataDir: string, actor: Actor | null, fileId: string) {
  if (!canReadPlans(actor)) throw forbidden();
  const [link] = await db.select().from(planReportFiles).where(eq(planReportFiles.fileId, fileId));
  const [file] = link ? await findFiles(db, [fileId]) : [];
  if (!file) throw notFound('tệp minh chứng');
  return { file, bytes: await readFileContent(dataDir, file) };
}
