-- Dossier engine (issue 12, docs/api/dossiers.md): dossiers and their components, files, steps, events (the
-- append-only trail every form and KPI is produced from), pauses, consultations, the per-unit daily code sequence,
-- the log of staff reads of personal data (NĐ 13/2023) and the national portal's idempotency keys.
CREATE TABLE "dossier_access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purpose" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_code_sequences" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "dossier_code_sequences_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"is_required" boolean NOT NULL,
	"presence" text NOT NULL,
	"is_digitised" boolean DEFAULT false NOT NULL,
	"reused_from" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_components_position_unique" UNIQUE("dossier_id","position")
);
--> statement-breakpoint
CREATE TABLE "dossier_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"unit_id" uuid,
	"agency_name" text NOT NULL,
	"question" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"replied_at" timestamp with time zone,
	"reply" text,
	"replied_by" uuid,
	"timing" text
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_unit_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step_no" integer,
	"to_step_no" integer,
	"to_user_id" uuid,
	"to_unit_id" uuid,
	"step_timing" text,
	"comment" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"component_position" integer,
	"event_id" bigint,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"working_minutes" integer,
	"reason" text NOT NULL,
	"requested" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"assignee_id" uuid,
	"budget_amount" numeric NOT NULL,
	"budget_unit" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"timing" text,
	CONSTRAINT "dossier_steps_no_unique" UNIQUE("dossier_id","step_no")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_version_no" integer NOT NULL,
	"procedure_name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"handling_unit_id" uuid NOT NULL,
	"receiving_unit_id" uuid,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_user_id" uuid,
	"request_summary" text,
	"time_amount" numeric,
	"time_unit" text,
	"statutory_time_amount" numeric,
	"statutory_time_unit" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"appointment_due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"paused_working_minutes" integer DEFAULT 0 NOT NULL,
	"timing" text,
	"is_overdue" boolean DEFAULT false NOT NULL,
	"has_apology" boolean DEFAULT false NOT NULL,
	"current_step_no" integer,
	"result_number" text,
	"result_is_electronic" boolean DEFAULT false NOT NULL,
	"return_method" text,
	"national_portal_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_code_unique" UNIQUE("code"),
	CONSTRAINT "dossiers_national_portal_ref_unique" UNIQUE("national_portal_ref")
);
--> statement-breakpoint
CREATE TABLE "national_portal_requests" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"body_sha256" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_access_log" ADD CONSTRAINT "dossier_access_log_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_code_sequences" ADD CONSTRAINT "dossier_code_sequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_components" ADD CONSTRAINT "dossier_components_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_consultations" ADD CONSTRAINT "dossier_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_pauses" ADD CONSTRAINT "dossier_pauses_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossier_steps" ADD CONSTRAINT "dossier_steps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_handling_unit_id_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiving_unit_id_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "national_portal_requests" ADD CONSTRAINT "national_portal_requests_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "dossier_access_log_dossier_idx" ON "dossier_access_log" USING btree ("dossier_id","read_at");
--> statement-breakpoint
CREATE INDEX "dossier_consultations_dossier_idx" ON "dossier_consultations" USING btree ("dossier_id");
--> statement-breakpoint
CREATE INDEX "dossier_consultations_unit_idx" ON "dossier_consultations" USING btree ("unit_id","replied_at");
--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","id");
--> statement-breakpoint
CREATE INDEX "dossier_events_time_idx" ON "dossier_events" USING btree ("occurred_at");
--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("dossier_id");
--> statement-breakpoint
CREATE INDEX "dossier_files_file_idx" ON "dossier_files" USING btree ("file_id");
--> statement-breakpoint
CREATE INDEX "dossier_pauses_dossier_idx" ON "dossier_pauses" USING btree ("dossier_id");
--> statement-breakpoint
CREATE INDEX "dossier_steps_active_idx" ON "dossier_steps" USING btree ("unit_id","status","due_at");
--> statement-breakpoint
CREATE INDEX "dossier_steps_assignee_idx" ON "dossier_steps" USING btree ("assignee_id","status");
--> statement-breakpoint
CREATE INDEX "dossiers_handling_status_idx" ON "dossiers" USING btree ("handling_unit_id","status","due_at");
--> statement-breakpoint
CREATE INDEX "dossiers_receiving_idx" ON "dossiers" USING btree ("receiving_unit_id","submitted_at");
--> statement-breakpoint
CREATE INDEX "dossiers_status_due_idx" ON "dossiers" USING btree ("status","due_at");
--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_idx" ON "dossiers" USING btree ("applicant_id_number");
--> statement-breakpoint
CREATE INDEX "dossiers_applicant_user_idx" ON "dossiers" USING btree ("applicant_user_id");
--> statement-breakpoint
CREATE INDEX "dossiers_procedure_idx" ON "dossiers" USING btree ("procedure_code","received_at");
--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("received_at");
