-- Occurrences of the plans' deadlines (issue 14, docs/api/plans.md "Occurrences, reminders, overdue"): for each lead
-- unit of a task, every due day of its deadlines within the plan's horizon (a date once; every year on a day; every
-- week, month, quarter or year), in Vietnam calendar days, with its state — pending, reported (the progress report
-- that met it), overdue — written when a plan is saved or reported on and refreshed by the job plans-sweep.
CREATE TABLE "plan_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_unit_id" uuid NOT NULL,
	"deadline_index" integer NOT NULL,
	"due_on" date NOT NULL,
	"period_from" date NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"report_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_occurrences_state_check" CHECK ("state" IN ('pending', 'reported', 'overdue'))
);
--> statement-breakpoint
ALTER TABLE "plan_occurrences" ADD CONSTRAINT "plan_occurrences_task_unit_id_plan_task_units_id_fk" FOREIGN KEY ("task_unit_id") REFERENCES "public"."plan_task_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_occurrences" ADD CONSTRAINT "plan_occurrences_report_id_plan_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."plan_task_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_occurrences_key_idx" ON "plan_occurrences" USING btree ("task_unit_id","deadline_index","due_on");--> statement-breakpoint
CREATE INDEX "plan_occurrences_due_idx" ON "plan_occurrences" USING btree ("due_on","state");
