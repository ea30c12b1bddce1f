-- A task's comments can be edited and deleted by their author (issue 14, docs/api/plans.md "Progress reports, evidence,
-- comments, responsible person"): an optimistic version, the time of the last edit ("(đã sửa)"), and a deletion that
-- keeps the row as a tombstone ("Ý kiến đã được xóa") so that a thread stays readable. The text before each edit or
-- deletion is kept in the audit events (plan.comment.edited, plan.comment.deleted), not here.
ALTER TABLE "plan_task_comments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD COLUMN "deleted_by" uuid;--> statement-breakpoint
ALTER TABLE "plan_task_comments" ADD CONSTRAINT "plan_task_comments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
