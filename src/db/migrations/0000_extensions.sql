-- Accent-insensitive, typo-tolerant Vietnamese search needs unaccent and pg_trgm.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary); this wrapper names the dictionary explicitly so that it
-- can be declared IMMUTABLE and used in generated columns and indexes.
CREATE OR REPLACE FUNCTION motcua_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;--> statement-breakpoint
-- The search form of a text: no accents (đ → d), lower case, every run of other characters (punctuation,
-- invisible marks) one space, and a final y after a consonant read as i (lí/lý, kĩ/kỹ, quí/quý, tỉ/tỷ) — but not
-- in ay, uy, yê (giấy, thủy, yêu stay apart). src/core/text.ts does the same in JavaScript.
CREATE OR REPLACE FUNCTION motcua_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(
    btrim(regexp_replace(lower(motcua_unaccent(normalize(value, NFC))), '[^a-z0-9]+', ' ', 'g')),
    '\m(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?y\M', '\1i', 'g') $$;
