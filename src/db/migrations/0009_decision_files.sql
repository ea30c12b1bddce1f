-- A central vertical agency's proposal (Công an tỉnh...) is decided by its ministry, outside the application: the
-- provincial office records that decision (number, day, ministry); the outcome is the proposal's status.
ALTER TABLE "reform_proposals" ADD COLUMN "central_decision_number" text;
--> statement-breakpoint
ALTER TABLE "reform_proposals" ADD COLUMN "central_decision_date" date;
--> statement-breakpoint
ALTER TABLE "reform_proposals" ADD COLUMN "central_decision_issuer" text;
--> statement-breakpoint
-- An official's position (chức vụ, as written) and signing form (head, KT. = deputy, Q. = acting): the defaults of the
-- signing form when the official submits a proposal.
ALTER TABLE "users" ADD COLUMN "position" text;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signing_form" text;
