import { z } from 'zod';

/** A stored file (src/modules/files): its content is addressed by its SHA-256, its type sniffed from the bytes. */
export const storedFileSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mediaType: z.string(),
  name: z.string(),
  createdAt: z.string(),
});

export const fileIdParamsSchema = z.object({ fileId: z.string().uuid('Mã tệp không hợp lệ.') });

/** The original name of an upload, sent in the query string (the body is the file's bytes). */
export const fileUploadQuerySchema = z.object({
  name: z.string().trim().min(1, 'Thiếu tên tệp.').max(255, 'Tên tệp quá dài (tối đa 255 ký tự).'),
});

export type StoredFile = z.infer<typeof storedFileSchema>;
