-- Plan editing (issue 14, docs/api/plans.md "Editing a saved plan"): a unit may be the office (Văn phòng) of its
-- parent, its procedure-control focal point; the plans module decides who edits a plan from this flag. Existing units
-- whose name begins with "Văn phòng" and that have a parent are marked as its office (the rule used before the flag).
ALTER TABLE "units" ADD COLUMN "is_office" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "units" SET "is_office" = true WHERE "parent_id" IS NOT NULL AND "name" ~* '^\s*v(ă|a)n\s+ph(ò|o)ng(\s|$)';
