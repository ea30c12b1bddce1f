-- The inbox's search box (q, src/modules/dossiers/inbox.ts): a part of the dossier code, or of the applicant's name as
-- typed without accents, matched anywhere in it. Without an index every dossier of the actor's scope was read and its
-- name normalised: bench:dossiers, a department leader's box=all among 100,000 dossiers, p50 272 ms on PostgreSQL 15.
-- Trigram indexes (pg_trgm, migration 0000) answer both LIKE patterns. The name's normalised form is stored: a trigram
-- match is checked again on each row it finds, and normalising a name there cost ~50 µs a row (p95 184 ms for a name
-- shared by 1,700 dossiers with an index on the expression).
ALTER TABLE "dossiers" ADD COLUMN "applicant_name_norm" text GENERATED ALWAYS AS (motcua_norm("applicant_name")) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "dossiers_code_trgm_idx" ON "dossiers" USING gin ("code" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "dossiers_applicant_name_trgm_idx" ON "dossiers" USING gin ("applicant_name_norm" gin_trgm_ops);
