-- The vocabulary of the catalog, for correcting typos in search queries (src/modules/catalog/search.ts):
-- every word that enters a procedure version's search vector is recorded once. Words are never removed: a word
-- left over from an old version only ever suggests a correction that then finds nothing.
CREATE OR REPLACE FUNCTION motcua_collect_search_words() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(NEW.search_vector) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER procedure_versions_collect_search_words
  AFTER INSERT ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION motcua_collect_search_words();
--> statement-breakpoint
-- Byte order makes `word LIKE 'abc%'` an index range scan whatever the database's collation.
ALTER TABLE search_words ALTER COLUMN word TYPE text COLLATE "C";
