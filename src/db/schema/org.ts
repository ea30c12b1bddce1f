import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { unitTypes } from '../../contract/enums';

/**
 * The organisation tree. `path` is the materialised list of ancestor ids ('/a/b/c/'), so a subtree is one
 * LIKE-prefix lookup. Units are never deleted: a merged unit gets `validTo` and a `successorId`.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type', { enum: unitTypes }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    path: text('path').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    successorId: uuid('successor_id').references((): AnyPgColumn => units.id),
    /** Where citizens come: shown on the public procedure pages (receiving places), with the desk's contact. */
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    /** As the unit announces it, e.g. "Thứ Hai – Thứ Sáu: 7h30–11h30, 13h30–17h00". */
    openingHours: text('opening_hours'),
    /** The unit is the office (Văn phòng) of its parent: its procedure-control focal point (NĐ 63/2010, NĐ 92/2017). */
    isOffice: boolean('is_office').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('units_parent_idx').on(table.parentId), index('units_path_idx').on(table.path)],
);
