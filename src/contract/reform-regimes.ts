import { z } from 'zod';

/**
 * Business reporting regimes (chế độ báo cáo của doanh nghiệp): the reports a unit's regulations require businesses
 * to send. NQ 66 counts the share sent electronically (target 100 % in 2026).
 */

/** The fields of a reporting regime, without defaults: a PATCH changes only the fields it sends. */
const regimeFields = {
  unitId: z.string().uuid(),
  name: z.string().trim().min(5, 'Nhập tên chế độ báo cáo.').max(500),
  /** The regulation that sets the report (e.g. "Quyết định 12/2023/QĐ-UBND, Điều 8"). */
  legalBasis: z.string().trim().max(500).nullable(),
  /** Sent electronically (through the reporting information system), not on paper. */
  isElectronic: z.boolean(),
};

export const regimeCreateSchema = z.strictObject({
  ...regimeFields,
  legalBasis: regimeFields.legalBasis.default(null),
  isElectronic: regimeFields.isElectronic.default(false),
});

/**
 * `version`: the record's version as read (answers carry it); a stale one → 409. The table has no version column,
 * so the version is PostgreSQL's row version (`xmin`), which every change of the row renews.
 */
const versionSchema = z.number().int().min(1);

export const regimeUpdateSchema = z.strictObject(regimeFields).partial().extend({ version: versionSchema });

export const regimeDeleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const regimeListQuerySchema = z.object({
  /** A unit: its regimes and those of the units under it. */
  unit: z.string().uuid().optional(),
});

export const regimeSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  legalBasis: z.string().nullable(),
  isElectronic: z.boolean(),
  isDemo: z.boolean(),
  version: z.number(),
  canEdit: z.boolean(),
});

export const regimeListSchema = z.object({
  items: z.array(regimeSchema),
  summary: z.object({ total: z.number(), electronic: z.number(), share: z.number().nullable() }),
});

export const regimeDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export type RegimeCreateRequest = z.input<typeof regimeCreateSchema>;
export type RegimeCreateInput = z.infer<typeof regimeCreateSchema>;
export type RegimeUpdateInput = z.infer<typeof regimeUpdateSchema>;
export type Regime = z.infer<typeof regimeSchema>;
export type RegimeList = z.infer<typeof regimeListSchema>;
