-- Publication decisions as the law writes them (issue 10, NĐ 63 Điều 13–15): a decision (number, issuing authority,
-- signer and title, dates, form, date made public on the national database, late flag) holds items, each with its own
-- action; "replaced" links old codes to the new one; list decisions change the flags the province publishes as lists.
ALTER TABLE "publication_decisions" ADD COLUMN "issuer_unit_code" text;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "issuer_name" text;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "form" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "national_published_on" date;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "signed_file_url" text;--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "is_late_publication" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TABLE "publication_decision_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"procedure_code" text NOT NULL,
	"version_id" uuid NOT NULL,
	"replaces_codes" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "publication_decision_items_position_unique" UNIQUE("decision_id","position"),
	CONSTRAINT "publication_decision_items_version_unique" UNIQUE("version_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_flag_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"flag" text NOT NULL,
	"value" boolean NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_flag_changes_unique" UNIQUE("decision_id","procedure_code","flag")
);
--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "replaces_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD COLUMN "replaced_by_code" text;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_decision_items" ADD CONSTRAINT "publication_decision_items_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_flag_changes" ADD CONSTRAINT "procedure_flag_changes_decision_id_publication_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_decision_items_code_idx" ON "publication_decision_items" USING btree ("procedure_code");--> statement-breakpoint
CREATE INDEX "procedure_flag_changes_code_idx" ON "procedure_flag_changes" USING btree ("procedure_code","flag","effective_from");--> statement-breakpoint
-- Existing data. Until now every publication through the API inserted its own decision row (and every import one
-- per decision and type): rows that describe the same document (number, dates, signer) become one decision.
CREATE TEMPORARY TABLE "decision_merge" AS
	SELECT "id", first_value("id") OVER (PARTITION BY "number", "issued_on", "signer", "effective_date" ORDER BY "created_at", "id") AS "keep_id"
	FROM "publication_decisions";
--> statement-breakpoint
-- One item per version a decision published, its action the decision row's type.
INSERT INTO "publication_decision_items" ("decision_id", "position", "action", "procedure_code", "version_id")
	SELECT m."keep_id",
		row_number() OVER (PARTITION BY m."keep_id" ORDER BY p."code", v."version_no")::int,
		d."type", p."code", v."id"
	FROM "procedure_versions" v
	JOIN "procedures" p ON p."id" = v."procedure_id"
	JOIN "publication_decisions" d ON d."id" = v."decision_id"
	JOIN "decision_merge" m ON m."id" = d."id";
--> statement-breakpoint
UPDATE "procedure_versions" v SET "decision_id" = m."keep_id" FROM "decision_merge" m WHERE v."decision_id" = m."id" AND m."id" <> m."keep_id";--> statement-breakpoint
UPDATE "reform_proposals" r SET "implemented_decision_id" = m."keep_id" FROM "decision_merge" m WHERE r."implemented_decision_id" = m."id" AND m."id" <> m."keep_id";--> statement-breakpoint
DELETE FROM "publication_decisions" d USING "decision_merge" m WHERE d."id" = m."id" AND m."id" <> m."keep_id";--> statement-breakpoint
DROP TABLE "decision_merge";--> statement-breakpoint
ALTER TABLE "publication_decisions" DROP COLUMN "type";--> statement-breakpoint
-- Rows recorded before this migration have no issuing authority (null): they stay out of the uniqueness rule.
CREATE UNIQUE INDEX "publication_decisions_issuer_number_unique" ON "publication_decisions" USING btree (coalesce("issuer_unit_code", "issuer_name"),"number");
