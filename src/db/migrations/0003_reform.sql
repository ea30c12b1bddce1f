CREATE TABLE "business_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"field" text NOT NULL,
	"text" text NOT NULL,
	"form" text NOT NULL,
	"source_regulation" text NOT NULL,
	"procedure_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"compliance_cost_vnd" numeric,
	"assessment" text NOT NULL,
	"proposed_action" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'in_force' NOT NULL,
	"status_changed_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_reporting_regimes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text,
	"is_electronic" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_worksheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"activities" jsonb NOT NULL,
	"fees_vnd" numeric DEFAULT 0 NOT NULL,
	"other_costs_vnd" numeric DEFAULT 0 NOT NULL,
	"times_per_year" numeric DEFAULT 1 NOT NULL,
	"subjects_per_year" numeric NOT NULL,
	"subjects_source" text DEFAULT 'entered' NOT NULL,
	"income_year" integer NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_worksheets_procedure_version_id_unique" UNIQUE("procedure_version_id")
);
--> statement-breakpoint
CREATE TABLE "reform_income_rates" (
	"year" integer PRIMARY KEY NOT NULL,
	"hourly_income_vnd" integer NOT NULL,
	"hours_per_day" integer DEFAULT 8 NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "reform_proposal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"position" integer NOT NULL,
	"measures" text[] NOT NULL,
	"proposed" jsonb NOT NULL,
	"legal_text" text,
	"reason" text NOT NULL,
	CONSTRAINT "reform_proposal_items_unique" UNIQUE("proposal_id","procedure_code")
);
--> statement-breakpoint
CREATE TABLE "reform_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"consolidated_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"approval_reference" text,
	"rejection_reason" text,
	"implemented_decision_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reform_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"indicator" text NOT NULL,
	"target" numeric NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "reform_targets_unique" UNIQUE("year","indicator")
);
--> statement-breakpoint
ALTER TABLE "business_conditions" ADD CONSTRAINT "business_conditions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_reporting_regimes" ADD CONSTRAINT "business_reporting_regimes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_worksheets" ADD CONSTRAINT "cost_worksheets_procedure_version_id_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_proposal_items" ADD CONSTRAINT "reform_proposal_items_proposal_id_reform_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."reform_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_proposals" ADD CONSTRAINT "reform_proposals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_proposals" ADD CONSTRAINT "reform_proposals_implemented_decision_id_publication_decisions_id_fk" FOREIGN KEY ("implemented_decision_id") REFERENCES "public"."publication_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_proposals_unit_year_idx" ON "reform_proposals" USING btree ("unit_id","year");