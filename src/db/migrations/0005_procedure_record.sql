-- Procedure record (NĐ 63/2010 Điều 8, TT 02/2017; issue 10): files attached to versions, approvals of internal
-- processes with their committed time, and the new parts of the record in the JSON of every existing version.
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_files_size_check" CHECK ("size" > 0)
);
--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");
--> statement-breakpoint
CREATE TABLE "procedure_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_code" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer" text NOT NULL,
	"effective_from" date NOT NULL,
	"committed_amount" numeric NOT NULL,
	"committed_unit" text NOT NULL,
	"steps" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_processes_effective_unique" UNIQUE("procedure_code","effective_from"),
	CONSTRAINT "procedure_processes_dates_check" CHECK ("decision_date" <= "effective_from"),
	CONSTRAINT "procedure_processes_amount_check" CHECK ("committed_amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "procedure_processes" ADD CONSTRAINT "procedure_processes_procedure_code_procedures_code_fk" FOREIGN KEY ("procedure_code") REFERENCES "public"."procedures"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Existing versions gain the new parts, empty: the agencies by role, delegations, number of sets and result
-- templates unknown (null / []), each legal document's effective date unknown, no form file. The history itself
-- (what was published) is unchanged: versions that lack a basic part stay readable as they were.
UPDATE "procedure_versions" SET "details" =
	'{"decidingAuthority": null, "coordinatingAgencies": [], "delegations": [], "dossierSets": null, "resultTemplates": []}'::jsonb
	|| "details"
	|| jsonb_build_object(
		'legalBasis', coalesce((
			SELECT jsonb_agg('{"effectiveDate": null}'::jsonb || item ORDER BY position)
			FROM jsonb_array_elements(coalesce("details"->'legalBasis', '[]'::jsonb)) WITH ORDINALITY AS entries(item, position)
		), '[]'::jsonb),
		'components', coalesce((
			SELECT jsonb_agg('{"formFile": null}'::jsonb || item ORDER BY position)
			FROM jsonb_array_elements(coalesce("details"->'components', '[]'::jsonb)) WITH ORDINALITY AS entries(item, position)
		), '[]'::jsonb)
	);
