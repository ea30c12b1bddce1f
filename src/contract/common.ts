import { z } from 'zod';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** Documented error responses shared by every route (the body always has this one shape). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
  429: errorBodySchema,
} as const;

/** A page number from a query string: a finite positive integer (Infinity and 1e999 are refused). */
export const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSizeSchema = z.coerce.number().int().min(1).max(100).default(20);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    // Year 0000 passes the calendar check but not PostgreSQL's (no year 0 in the Gregorian count).
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && !value.startsWith('0000');
  }, 'Ngày không tồn tại.');

/**
 * `?inline=1`: a file or form shown in the browser (Content-Disposition: inline: the dossier page's viewer, a new
 * tab) instead of downloaded; absent or 0: downloaded.
 */
export const inlineQuerySchema = z.object({
  inline: z.enum(['0', '1'], 'inline phải là 0 hoặc 1.').optional(),
});

export const idParamsSchema = z.object({ id: z.string().uuid('Mã định danh không hợp lệ.') });

/**
 * A file sent as it is (DOCX, PDF, XLSX): documented as a binary string. Fastify sends a Buffer without
 * serializing it, so the type the handler returns is the bytes, not the string the document describes.
 */
export const binaryFileSchema = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<Uint8Array>;

/** A 2xx answer that is a file, in one of the given media types. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema: binaryFileSchema }])),
  };
}
