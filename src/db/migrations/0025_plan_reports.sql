-- Plans' progress reports (issue 14, docs/api/plans.md "Progress reports, evidence, comments, responsible person"):
-- a report now says the period it covers, what was done (the existing "text"), the difficulties and the proposals,
-- optionally a percentage, and carries evidence files (kept by the files module, purpose 'plan_evidence').
-- Coordinating units comment on a task; each unit of a task may have a person responsible, assigned with an
-- optimistic version of its own.
ALTER TABLE "plan_task_reports" ADD COLUMN "period_from" date;
--> statement-breakpoint
ALTER TABLE "plan_task_reports" ADD COLUMN "period_to" date;
--> statement-breakpoint
ALTER TABLE "plan_task_reports" ADD COLUMN "difficulties" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "plan_task_reports" ADD COLUMN "proposals" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "plan_task_reports" ADD COLUMN "percent" integer;
--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD COLUMN "responsible_version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
CREATE TABLE "plan_report_files" (
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "plan_report_files_pk" PRIMARY KEY("report_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "plan_task_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_report_files" ADD CONSTRAINT "plan_report_files_report_id_plan_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_report_files" ADD CONSTRAINT "plan_report_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD CONSTRAINT "plan_task_comments_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD CONSTRAINT "plan_task_comments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD CONSTRAINT "plan_task_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_report_files_file_idx" ON "plan_report_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "plan_task_comments_task_idx" ON "plan_task_comments" USING btree ("task_id");
