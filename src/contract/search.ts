import { z } from 'zod';

/*
 * The search dictionary (synonyms and abbreviations, expanded at query time) and the log of queries with poor
 * results: docs/api/search.md.
 */

const phraseSchema = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} không được để trống.`)
    .max(120, `${label} dài tối đa 120 ký tự.`)
    .refine((value) => /[\p{L}\p{N}]/u.test(value), `${label} phải có ít nhất một chữ hoặc số.`);

/** Longest term the dictionary matches in a query (MAX_TERM_WORDS in src/core/search/dictionary.ts). */
const MAX_TERM_WORDS = 5;

export const synonymInputSchema = z.strictObject({
  /** What people type: "sổ đỏ", "GPXD". At most five words. */
  term: phraseSchema('Từ tìm').refine(
    (value) => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= MAX_TERM_WORDS,
    `Từ tìm có tối đa ${MAX_TERM_WORDS} từ.`,
  ),
  /** What the catalog says: "giấy chứng nhận quyền sử dụng đất". */
  expansion: phraseSchema('Từ trong danh mục'),
  note: z.string().trim().max(300, 'Ghi chú dài tối đa 300 ký tự.').nullish(),
});

export const synonymUpdateSchema = synonymInputSchema.extend({ version: z.number().int().min(1) });

export const synonymSchema = z.object({
  id: z.string(),
  term: z.string(),
  expansion: z.string(),
  note: z.string().nullable(),
  isShipped: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});

export const synonymListSchema = z.object({ items: z.array(synonymSchema) });

export const searchMissesQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const searchMissSchema = z.object({
  /** The query in search form (no accents, lower case). */
  query: z.string(),
  searches: z.number(),
  withoutResult: z.number(),
  approximate: z.number(),
  lastDay: z.string(),
});

export const searchMissListSchema = z.object({ items: z.array(searchMissSchema) });

/** The documented range of setting search.popularityWeight (docs/api/search.md, "Settings"): 0 turns the prior off. */
export const popularityWeightRange = { min: 0, max: 1 } as const;

export const searchSettingsInputSchema = z.strictObject({
  popularityWeight: z
    .number({ error: 'Nhập trọng số là một số từ 0 đến 1.' })
    .min(popularityWeightRange.min, 'Trọng số từ 0 đến 1 (0 là tắt).')
    .max(popularityWeightRange.max, 'Trọng số từ 0 đến 1 (0 là tắt).'),
});

export const searchSettingsSchema = z.object({
  popularityWeight: z.number(),
  defaultPopularityWeight: z.number(),
  /** No value was saved: the default applies. */
  isDefault: z.boolean(),
  /** The dossier counts the ranking uses, as the job search-popularity stored them last; null before its first run. */
  popularity: z
    .object({
      /** The last 12 months of whole Vietnamese calendar days counted. */
      period: z.object({ from: z.string(), to: z.string() }),
      computedAt: z.string(),
      /** Procedures with at least one dossier in the period, and all their dossiers. */
      procedures: z.number(),
      dossiers: z.number(),
      /** The most used procedures (at most 10): code, name when in force, dossiers, popularity in [0, 1]. */
      top: z.array(z.object({ code: z.string(), name: z.string().nullable(), dossiers: z.number(), popularity: z.number() })),
    })
    .nullable(),
});

export type SearchSettingsInput = z.input<typeof searchSettingsInputSchema>;
export type SearchSettings = z.infer<typeof searchSettingsSchema>;
export type SynonymInput = z.input<typeof synonymInputSchema>;
export type SynonymUpdate = z.input<typeof synonymUpdateSchema>;
export type Synonym = z.infer<typeof synonymSchema>;
export type SearchMiss = z.infer<typeof searchMissSchema>;
