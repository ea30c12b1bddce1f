-- The signed decision of publication is an uploaded file (issue 10): its id on the decision, kept by the files module
-- (content-addressed, type sniffed). `signed_file_url` stays: links recorded before are still shown. A stored file
-- now says what it was uploaded for, so that only a file uploaded as a signed decision can be made public by one
-- (never a dossier's scan).
ALTER TABLE "stored_files" ADD COLUMN "purpose" text;
--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD COLUMN "signed_file_id" uuid;
--> statement-breakpoint
ALTER TABLE "publication_decisions" ADD CONSTRAINT "publication_decisions_signed_file_id_stored_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;
