-- Plan edits and merged units (issue 14, docs/api/plans.md "Tasks of a merged unit"): when a unit is merged into
-- its successor, its task units move there; the unit they were first given to is kept for the history.
ALTER TABLE "plan_task_units" ADD COLUMN "moved_from_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_task_units" ADD CONSTRAINT "plan_task_units_moved_from_unit_id_units_id_fk" FOREIGN KEY ("moved_from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;
