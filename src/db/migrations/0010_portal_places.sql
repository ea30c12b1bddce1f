-- Issue 11, the portal: where a citizen submits (a unit's contact and opening hours, shown on procedure pages), and
-- the end of the first search (ADR 0001): its tsvector column, GIN index and vocabulary table are read by nothing.
ALTER TABLE "units" ADD COLUMN "phone" text;
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "email" text;
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "opening_hours" text;
--> statement-breakpoint
DROP TRIGGER IF EXISTS procedure_versions_collect_search_words ON procedure_versions;
--> statement-breakpoint
DROP FUNCTION IF EXISTS motcua_collect_search_words();
--> statement-breakpoint
DROP INDEX IF EXISTS "procedure_versions_search_idx";
--> statement-breakpoint
ALTER TABLE "procedure_versions" DROP COLUMN IF EXISTS "search_vector";
--> statement-breakpoint
DROP TABLE IF EXISTS "search_words";
--> statement-breakpoint
-- Every change of the search counters is announced on channel motcua_search_state (delivered at commit), so that a
-- process listening to it checks the counters only after a change instead of on every public request.
CREATE OR REPLACE FUNCTION motcua_notify_search_state() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('motcua_search_state', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_state_notify
  AFTER UPDATE ON search_state
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_notify_search_state();
--> statement-breakpoint
-- Procedure pages and search answers show unit names and now their contact and hours: a change of units drops the
-- cached public answers. It bumps the dictionary counter, the cheaper of the two — the dictionary is reloaded (a few
-- milliseconds), the catalog index is not rebuilt.
CREATE TRIGGER units_bump_search_state
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_bump_dictionary_version();
--> statement-breakpoint
-- A search setting (search.popularityWeight…) takes effect on the next query: it is reloaded with the dictionary.
CREATE OR REPLACE FUNCTION motcua_bump_dictionary_version_for_search_setting() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF (TG_OP = 'DELETE' AND OLD.key LIKE 'search.%') OR (TG_OP <> 'DELETE' AND NEW.key LIKE 'search.%') THEN
    UPDATE search_state SET dictionary_version = dictionary_version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settings_bump_search_state
  AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION motcua_bump_dictionary_version_for_search_setting();
