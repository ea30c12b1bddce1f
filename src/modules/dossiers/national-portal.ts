import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { IntakeComponent, NationalPortalDossierAnswer, NationalPortalDossierBody } from '../../contract/dossiers';
import { defaultPhoneChannels } from '../../contract/enums';
import { AppError, conflict, invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { dossiers, nationalPortalRequests } from '../../db/schema/dossiers';
import { getWorkCalendar } from '../calendar';
import { storeFile } from '../files';
import { DOSSIER_FILE_MAX_BYTES, DOSSIER_MEDIA_TYPES } from './dossier-files';
import type { IntakeOptions } from './intake';
import { checkComponents, requireComplete, resolveHandlingUnit, versionForIntake } from './intake-checks';
import { writeIntake } from './intake-write';
import type { DossierRow } from './read';

/*
 * Dossiers filed on the national public-service portal (docs/api/national-portal.md): the body is signed with
 * HMAC-SHA256 over its raw bytes, and an Idempotency-Key makes a retried request answer the dossier it created.
 */

export const PORTAL_ACTOR = { userId: null, fullName: 'Cổng Dịch vụ công quốc gia', unitId: null };

/** `X-Motcua-Signature: sha256=<hex>` over the raw body with the shared secret; anything else is refused (401). */
export function verifyPortalSignature(secret: string | undefined, rawBody: Buffer, header: string | undefined): void {
  if (!secret) throw new AppError('unavailable', 'Chưa cấu hình kết nối với Cổng Dịch vụ công quốc gia (NATIONAL_PORTAL_SECRET).');
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!match || !timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected)) {
    throw new AppError('unauthenticated', 'Chữ ký của yêu cầu không hợp lệ.');
  }
}

export function signPortalBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

const answerOf = (row: DossierRow): NationalPortalDossierAnswer => ({
  dossierId: row.id,
  code: row.code,
  status: row.status,
  portalRef: row.nationalPortalRef ?? '',
  submittedAt: row.submittedAt.toISOString(),
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeFile(content: string, path: string): Buffer {
  const clean = content.replace(/\s/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) throw invalid([{ path, message: 'Nội dung tệp không phải base64 hợp lệ.' }]);
  return Buffer.from(clean, 'base64');
}

/** The dossier a request with this key created, if any: the same body → it (200); another body → 409. */
async function repeated(db: Database, key: string, bodySha256: string): Promise<NationalPortalDossierAnswer | null> {
  const [request] = await db.select().from(nationalPortalRequests).where(eq(nationalPortalRequests.idempotencyKey, key));
  if (!request) return null;
  if (request.bodySha256 !== bodySha256) {
    throw conflict('Khóa Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.');
  }
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, request.dossierId));
  return answerOf(row!);
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
};

/**
 * `POST /api/integrations/national-portal/dossiers` (signature already checked): a new online dossier (`submitted`,
 * source national_portal) with its files, or the one this key created before. `created` tells 201 from 200.
 */
export async function receiveFromNationalPortal(
  db: Database,
  dataDir: string,
  input: { key: string; rawBody: Buffer; body: NationalPortalDossierBody },
  options: IntakeOptions = {},
): Promise<{ created: boolean; answer: NationalPortalDossierAnswer }> {
  const bodySha256 = createHash('sha256').update(input.rawBody).digest('hex');
  const earlier = await repeated(db, input.key, bodySha256);
  if (earlier) return { created: false, answer: earlier };
  const { body } = input;
  const now = options.now ?? new Date();
  const version = await versionForIntake(db, body.procedureCode, vietnamDate(now));
  const handlingUnit = await resolveHandlingUnit(db, version.content, body.handlingUnitCode, vietnamDate(now));
  const calendar = await getWorkCalendar(db);
  const decoded = body.components.map((component, index) =>
    component.files.map((file, fileIndex) => ({
      name: file.name,
      bytes: decodeFile(file.contentBase64, `components.${index}.files.${fileIndex}.contentBase64`),
    })),
  );
  try {
    const row = await db.transaction(async (tx) => {
      const given: IntakeComponent[] = [];
      for (const [index, component] of body.components.entries()) {
        const fileIds: string[] = [];
        for (const file of decoded[index]!) {
          const stored = await storeFile(tx, dataDir, {
            ...file,
            actorId: null,
            allowedTypes: DOSSIER_MEDIA_TYPES,
            maxBytes: DOSSIER_FILE_MAX_BYTES,
            purpose: 'dossier_file',
          });
          fileIds.push(stored.id);
        }
        given.push({
          position: component.position,
          presence: fileIds.length ? 'file' : 'reused',
          fileIds,
          reusedFrom: component.reusedFrom,
        });
      }
      const components = checkComponents(version.content, given, ['file', 'reused']);
      requireComplete(components, version.content, 'Hồ sơ gửi từ Cổng Dịch vụ công quốc gia phải có đủ thành phần bắt buộc.');
      const dossier = await writeIntake(tx, calendar, {
        phoneChannels: options.phoneChannels ?? defaultPhoneChannels,
        actor: PORTAL_ACTOR,
        now,
        submittedAt: new Date(body.submittedAt),
        procedureCode: body.procedureCode,
        version,
        handlingUnit,
        receivingUnit: null,
        channel: 'online',
        source: 'national_portal',
        applicant: body.applicant,
        applicantUserId: null,
        requestSummary: body.requestSummary,
        components,
        outcome: 'submit',
        decisionData: { portalRef: body.portalRef },
        comment: null,
        nationalPortalRef: body.portalRef,
      });
      await tx.insert(nationalPortalRequests).values({ idempotencyKey: input.key, bodySha256, dossierId: dossier.id });
      return dossier;
    });
    return { created: true, answer: answerOf(row) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same key raced another request, or the portal sent the same dossier under another key.
    const raced = await repeated(db, input.key, bodySha256);
    if (raced) return { created: false, answer: raced };
    throw conflict(`Hồ sơ ${body.portalRef} của Cổng Dịch vụ công quốc gia đã được nhận với một khóa Idempotency-Key khác.`);
  }
}
