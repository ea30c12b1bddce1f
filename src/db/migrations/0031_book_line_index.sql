-- The tracking book's line of a dossier is its rank in its receiving unit's year by receipt, then code
-- (src/modules/dossiers/book-lines.ts): this index gives that order, the id included, so the rank is read from it alone.
CREATE INDEX "dossiers_book_idx" ON "dossiers" USING btree ("receiving_unit_id", "received_at", "code") INCLUDE ("id") WHERE "received_at" IS NOT NULL;
