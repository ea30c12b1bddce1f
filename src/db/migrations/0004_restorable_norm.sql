-- pg_restore runs with an empty search_path: motcua_norm (0000_extensions) called motcua_unaccent without its
-- schema, so restoring a pg_dump failed on the generated columns of procedure_versions (README, "Backups"). Same
-- body, with the schema named; the stored values do not change.
CREATE OR REPLACE FUNCTION motcua_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(
    btrim(regexp_replace(lower(public.motcua_unaccent(normalize(value, NFC))), '[^a-z0-9]+', ' ', 'g')),
    '\m(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?y\M', '\1i', 'g') $$;
