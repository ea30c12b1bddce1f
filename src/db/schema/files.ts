import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Files kept by the files module: the bytes are stored once under DATA_DIR/files by their SHA-256 (content
 * addressed); each upload is one row here, with the type sniffed from the content and the name it came with (NFC).
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    /** What it was uploaded for ("procedure_form", "dossier_file", "decision_signed_file"…); null before migration 0017. */
    purpose: text('purpose'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('stored_files_sha256_idx').on(table.sha256)],
);
