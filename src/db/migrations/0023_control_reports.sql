-- Periodic reports of the procedure-control office (issue 13, docs/api/control-reports.md): one report per unit,
-- kind and reporting period, a snapshot of its figures, the narrative parts the office edits, draft → signed.
CREATE TABLE "control_reports" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "units"("id"),
  "kind" text NOT NULL CHECK ("kind" IN ('monthly', 'quarterly', 'yearly')),
  "year" integer NOT NULL,
  "period_index" integer NOT NULL,
  "period_from" date NOT NULL,
  "period_to" date NOT NULL,
  "due_on" date NOT NULL,
  "status" text DEFAULT 'draft' NOT NULL CHECK ("status" IN ('draft', 'signed')),
  "figures" jsonb NOT NULL,
  "narrative" jsonb NOT NULL,
  "number" text,
  "signed_on" date,
  "signer" jsonb,
  "signed_by" uuid REFERENCES "users"("id"),
  "signed_at" timestamp with time zone,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid REFERENCES "users"("id"),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "control_reports_period_unique" UNIQUE ("unit_id", "kind", "year", "period_index")
);
--> statement-breakpoint
CREATE INDEX "control_reports_due_idx" ON "control_reports" ("status", "due_on");
