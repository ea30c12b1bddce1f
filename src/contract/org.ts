import { z } from 'zod';
import { isoDateSchema } from './common';
import { unitTypes } from './enums';

/** Electronic ID code of an agency (QĐ 20/2020/QĐ-TTg), e.g. 000.00.53.H48. */
export const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/, 'Mã định danh điện tử phải có dạng 000.00.00.H01.');

/** Where citizens submit (shown on procedure pages): a desk's phone, e-mail and opening hours as it announces them. */
export const unitPhoneSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[0-9+().\-\s,;/]*[0-9][0-9+().\-\s,;/]*$/, 'Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + . - ( ) , ; /.');
export const unitEmailSchema = z.string().trim().max(200).pipe(z.email('Địa chỉ thư điện tử không hợp lệ.'));
export const unitOpeningHoursSchema = z.string().trim().max(500);

export const unitSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(unitTypes),
  parentId: z.string().uuid().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.string().uuid().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  /** The unit is the office (Văn phòng) of its parent: the parent's procedure-control focal point (plans, issue 14). */
  isOffice: z.boolean(),
  version: z.number().int(),
});

/** A place where dossiers are received, as the public procedure page shows it. */
export const receivingPlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
});
export type ReceivingPlace = z.infer<typeof receivingPlaceSchema>;

export const unitListSchema = z.object({ items: z.array(unitSchema) });

const unitFields = {
  code: unitCodeSchema,
  name: z.string().trim().min(2, 'Tên đơn vị quá ngắn.').max(300),
  shortName: z.string().trim().max(100).nullable().optional(),
  type: z.enum(unitTypes, 'Loại đơn vị không hợp lệ.'),
  parentId: z.string().uuid().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable().optional(),
  successorId: z.string().uuid().nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  phone: unitPhoneSchema.nullable().optional(),
  email: unitEmailSchema.nullable().optional(),
  openingHours: unitOpeningHoursSchema.nullable().optional(),
  isOffice: z.boolean('Phải là true hoặc false.').optional(),
};

export const createUnitBodySchema = z.strictObject(unitFields);
/** A partial change: only the fields sent change (no field has a default). */
export const updateUnitBodySchema = createUnitBodySchema.partial().extend({ version: z.number().int().min(1) });

export type CreateUnitInput = z.infer<typeof createUnitBodySchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitBodySchema>;
export type UnitView = z.infer<typeof unitSchema>;
export type Unit = UnitView;
