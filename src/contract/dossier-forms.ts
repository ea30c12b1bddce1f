/**
 * The dossier forms (docs/formats/dossier-forms.md, docs/api/dossiers.md "Forms"): Mẫu 01–06 of a dossier and
 * Mẫu 07, the tracking book of a unit and period. Shared by server and web.
 */
import { z } from 'zod';
import { inlineQuerySchema, isoDateSchema } from './common';

export const dossierFormNumbers = ['01', '02', '03', '04', '05', '06'] as const;

export const dossierFormParamsSchema = z.object({
  id: z.uuid('Mã hồ sơ không hợp lệ.'),
  form: z.enum(dossierFormNumbers, 'Mẫu phải là một trong 01, 02, 03, 04, 05, 06 (Mẫu 07: sổ theo dõi hồ sơ).'),
});

/** At most a year in one book: a longer period is several books. */
export const TRACKING_BOOK_MAX_DAYS = 366;

export const trackingBookQuerySchema = z
  .object({
    unit: z.string().trim().min(2, 'Mã đơn vị không hợp lệ.').max(40, 'Mã đơn vị không hợp lệ.'),
    from: isoDateSchema,
    to: isoDateSchema,
    format: z.enum(['pdf', 'xlsx', 'json'], 'Định dạng phải là pdf, xlsx hoặc json.').default('pdf'),
    /** 1: the PDF opens in the browser's tab (Content-Disposition: inline). */
    inline: inlineQuerySchema.shape.inline,
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' })
  .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < TRACKING_BOOK_MAX_DAYS, {
    path: ['to'],
    message: `Một sổ theo dõi tối đa ${TRACKING_BOOK_MAX_DAYS} ngày; hãy chia thành nhiều kỳ.`,
  });

export const trackingBookRowSchema = z.object({
  /** Quyển số (the receiving unit's book of the Vietnam year of receipt) and số thứ tự, as on the dossier's Mẫu 01. */
  book: z.object({ book: z.string(), line: z.number() }).nullable(),
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantContact: z.string(),
  leadAgency: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnNote: z.string(),
});

export const trackingBookSchema = z.object({
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(trackingBookRowSchema),
});

export type DossierFormNumberParam = (typeof dossierFormNumbers)[number];
export type TrackingBookQuery = z.infer<typeof trackingBookQuerySchema>;
export type TrackingBookView = z.infer<typeof trackingBookSchema>;
