-- Notification outbox (issue 12, docs/api/notify.md). A message is written in the transaction of the change it
-- reports and delivered by the job notify.deliver (pg-boss on PostgreSQL — its own schema "pgboss", created by
-- pg-boss itself —, in-process timers on PGlite). Workers claim rows with FOR UPDATE SKIP LOCKED and a lease
-- (locked_until), so two workers never send one message twice and a crashed worker's messages are taken up again.
-- Rows are never deleted: "failed" only after the last attempt; last_error holds no personal data.
CREATE TABLE "notify_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ref_type" text,
	"ref_id" text,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"delivered_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notify_outbox_channel_check" CHECK (channel in ('email', 'sms', 'zalo', 'national_portal')),
	CONSTRAINT "notify_outbox_status_check" CHECK (status in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notify_outbox_dedupe_key_unique" ON "notify_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notify_outbox_due_idx" ON "notify_outbox" USING btree ("next_attempt_at") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notify_outbox_ref_idx" ON "notify_outbox" USING btree ("ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "notify_outbox_status_idx" ON "notify_outbox" USING btree ("status","created_at");
