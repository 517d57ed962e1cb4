-- Rows in calc's shapes (hand-edited after drizzle-kit generate): where each row is printed in its document,
-- CMS entries typed in (origin, creditor, case reference), evidence of payments (row-level security in 0007),
-- letters as drafts until sent once, and events in calc/deadlines' vocabulary with its deadlines. The unique keys
-- the new foreign keys point at are made before them, and the rows already here are brought into the new
-- vocabulary before the checks that need it. FORCE is lifted while they are, so that a database owner who is not
-- a superuser (and so obeys the policies, which admit only reckoner_app) updates every organisation's rows.
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL,
	"fingerprint" text NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"counterparty" text,
	"description" text DEFAULT '' NOT NULL,
	"reference" text,
	"shown_in" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_type_known" CHECK ("evidence"."type" in ('payslip_deduction', 'benefit_deduction', 'declared_payment')),
	CONSTRAINT "evidence_amount_positive" CHECK ("evidence"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_case_fingerprint_unique" ON "evidence" USING btree ("case_id","fingerprint");--> statement-breakpoint
CREATE INDEX "evidence_case_date_idx" ON "evidence" USING btree ("case_id","date");--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_type_known";--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "creditor" text;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "case_reference" text;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "origin" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "source_page" integer;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "source_line" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "answers" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "letter_id" uuid;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "sent_on" date;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "source_page" integer;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "source_line" integer;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_id_case_unique" UNIQUE("id","case_id");--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_id_case_unique" UNIQUE("id","case_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_answers_fk" FOREIGN KEY ("answers","case_id") REFERENCES "public"."events"("id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_letter_fk" FOREIGN KEY ("letter_id","case_id") REFERENCES "public"."letters"("id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "letters" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The earlier event types in calc's vocabulary; the seven that start no clock keep their names.
UPDATE "events" SET "type" = CASE "type"
    WHEN 'decision' THEN 'decision_letter_received'
    WHEN 'mandatory_reconsideration' THEN 'mr_sent'
    WHEN 'appeal' THEN 'appeal_lodged'
    WHEN 'complaint' THEN 'complaint_sent'
  END
  WHERE "type" IN ('decision', 'mandatory_reconsideration', 'appeal', 'complaint');--> statement-breakpoint
-- A deadline of the earlier shape { name, date, source? } kept only what falls due, when, and the rule's name, so
-- it becomes calc's shape as a reminder to look at again ("review"): its kind (a last day? a reply due?) and how it
-- was counted were not kept, and the basis says so rather than leaving the reader to guess.
UPDATE "events" SET "deadlines" = (
    SELECT jsonb_agg(
      CASE WHEN x.d ? 'name' AND NOT x.d ? 'label' THEN jsonb_build_object(
        'id', 'custom',
        'label', x.d->>'name',
        'date', x.d->>'date',
        'basis', 'Recorded by an earlier Reckoner, which kept only what falls due, its date and its rule; look at it again.',
        'citation', coalesce(x.d->>'source', ''),
        'kind', 'review')
      ELSE x.d END ORDER BY x.n)
    FROM jsonb_array_elements("deadlines") WITH ORDINALITY AS x(d, n))
  WHERE jsonb_typeof("deadlines") = 'array' AND jsonb_array_length("deadlines") > 0;--> statement-breakpoint
-- Before drafts, saving a letter was sending it (save_letter recorded "letter_sent" at once): every letter here
-- was sent, on the date of the event that names it, else on the day it was saved. The event names its letter.
UPDATE "letters" AS l SET "status" = 'sent', "sent_on" = coalesce(
    (SELECT min(e."date") FROM "events" AS e
      WHERE e."case_id" = l."case_id" AND e."type" = 'letter_sent' AND e."details"->>'letterId' = l."id"::text),
    (l."created_at" AT TIME ZONE 'Europe/London')::date);--> statement-breakpoint
UPDATE "events" AS e SET "letter_id" = l."id" FROM "letters" AS l
  WHERE e."type" = 'letter_sent' AND e."details"->>'letterId' = l."id"::text AND l."case_id" = e."case_id";--> statement-breakpoint
ALTER TABLE "events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "letters" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_creditor_known" CHECK ("cms_entries"."creditor" in ('receiving_parent', 'secretary_of_state'));--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_origin_known" CHECK ("cms_entries"."origin" in ('document', 'typed'));--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_typed_without_document" CHECK ("cms_entries"."origin" = 'document' or ("cms_entries"."document_id" is null and "cms_entries"."source_line" is null));--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_source_known" CHECK (("cms_entries"."source_line" is null and "cms_entries"."source_page" is null) or ("cms_entries"."source_line" >= 1 and coalesce("cms_entries"."source_page", 1) >= 1));--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_type_known" CHECK ("events"."type" in ('decision_letter_received', 'mr_sent', 'mr_notice_received', 'breakdown_requested', 'payments_disputed', 'complaint_sent', 'complaint_escalated', 'ice_eligible', 'grievance_noticed', 'sar_sent', 'sar_chased', 'rectification_requested', 'enforcement_pause_requested', 'deo_served', 'lsdo_served', 'magistrates_decision', 'address_changed', 'appeal_lodged', 'breakdown_received', 'dispute_reply_received', 'complaint_reply_received', 'ice_referred', 'phso_referred', 'sar_reply_received', 'ico_complaint_sent', 'rectification_reply_received', 'enforcement_pause_reply_received', 'deo_appeal_lodged', 'lsdo_representations_sent', 'magistrates_appeal_lodged', 'address_change_reported', 'letter_sent', 'letter_received', 'call', 'note', 'payment', 'enforcement', 'other'));--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_status_known" CHECK ("letters"."status" in ('draft', 'sent'));--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_method_known" CHECK ("letters"."method" in ('post', 'recorded_delivery', 'email', 'online_account', 'online_form', 'hand', 'phone_then_post'));--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_sent_on_when_sent" CHECK (("letters"."status" = 'sent') = ("letters"."sent_on" is not null));--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_method_when_sent" CHECK ("letters"."method" is null or "letters"."status" = 'sent');--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_source_known" CHECK (("transactions"."source_line" is null and "transactions"."source_page" is null) or ("transactions"."source_line" >= 1 and coalesce("transactions"."source_page", 1) >= 1));
