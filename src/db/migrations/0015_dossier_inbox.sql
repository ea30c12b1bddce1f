-- The inbox at provincial scale (docs/api/dossiers.md "Reading"): the active step's role, unit and assignee kept on
-- the dossier row (src/modules/dossiers/holders.ts sets them in the action's own UPDATE), so that every branch of the
-- inbox's scope is a condition on `dossiers` instead of an EXISTS over the steps of each row; indexes that cover the
-- scope's columns (all dossiers, and the open ones), so that a large scope is counted and ordered from an index alone.
ALTER TABLE "dossiers" ADD COLUMN "active_step_role" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "active_step_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "active_step_assignee_id" uuid;--> statement-breakpoint
UPDATE "dossiers" AS "d" SET "active_step_role" = "s"."role", "active_step_unit_id" = "s"."unit_id", "active_step_assignee_id" = "s"."assignee_id"
  FROM "dossier_steps" AS "s" WHERE "s"."dossier_id" = "d"."id" AND "s"."status" = 'active';--> statement-breakpoint
CREATE INDEX "dossiers_inbox_order_idx" ON "dossiers" USING btree ("due_at" NULLS LAST,"submitted_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_inbox_scope_idx" ON "dossiers" USING btree ("handling_unit_id","receiving_unit_id","active_step_role","active_step_unit_id","active_step_assignee_id","status","due_at","submitted_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_inbox_open_idx" ON "dossiers" USING btree ("handling_unit_id","receiving_unit_id","active_step_role","active_step_unit_id","active_step_assignee_id","status","due_at","submitted_at","id") WHERE status in ('submitted', 'supplement_requested', 'processing', 'result_ready');--> statement-breakpoint
CREATE INDEX "dossiers_active_step_idx" ON "dossiers" USING btree ("active_step_role","active_step_unit_id") WHERE active_step_role is not null;--> statement-breakpoint
CREATE INDEX "dossiers_active_assignee_idx" ON "dossiers" USING btree ("active_step_assignee_id") WHERE active_step_assignee_id is not null;
