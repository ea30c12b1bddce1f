-- A worksheet whose subjects per year are measured on the dossiers (subjects_source 'measured', docs/api/reform.md
-- "Measured figures"): the period counted (Vietnamese calendar days), the dossiers received in it and when it was
-- measured. Null for entered and demo figures.
ALTER TABLE "cost_worksheets" ADD COLUMN "subjects_measured_from" date;
--> statement-breakpoint
ALTER TABLE "cost_worksheets" ADD COLUMN "subjects_measured_to" date;
--> statement-breakpoint
ALTER TABLE "cost_worksheets" ADD COLUMN "subjects_measured_dossiers" integer;
--> statement-breakpoint
ALTER TABLE "cost_worksheets" ADD COLUMN "subjects_measured_at" timestamp with time zone;
