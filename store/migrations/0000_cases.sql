CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text,
	"scheme" text DEFAULT '2012' NOT NULL,
	"service" text DEFAULT 'direct_pay' NOT NULL,
	"side" text NOT NULL,
	"title" text NOT NULL,
	"frequency" text,
	"first_due_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_digits" CHECK ("cases"."reference" ~ '^[0-9]{12}$'),
	CONSTRAINT "cases_scheme_known" CHECK ("cases"."scheme" in ('2012', '2003', '1993')),
	CONSTRAINT "cases_service_known" CHECK ("cases"."service" in ('direct_pay', 'collect_and_pay')),
	CONSTRAINT "cases_side_known" CHECK ("cases"."side" in ('paying', 'receiving')),
	CONSTRAINT "cases_frequency_known" CHECK ("cases"."frequency" in ('weekly', 'fortnightly', 'four_weekly', 'monthly'))
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"date_of_birth" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cms_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"document_id" uuid,
	"fingerprint" text NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"reference" text,
	CONSTRAINT "cms_entries_type_known" CHECK ("cms_entries"."type" in ('liability', 'payment_received', 'payment_passed_on', 'direct_payment', 'collection_fee', 'enforcement_charge', 'adjustment', 'refund'))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"label" text NOT NULL,
	"effective_date" date NOT NULL,
	"letter_date" date,
	"weekly_amount" numeric(14, 2),
	"calculation" jsonb,
	"service" text,
	"receiving_parent_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_amount_or_calculation" CHECK (("decisions"."weekly_amount" is null) <> ("decisions"."calculation" is null)),
	CONSTRAINT "decisions_service_known" CHECK ("decisions"."service" in ('direct_pay', 'collect_and_pay'))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"filename" text,
	"size" integer NOT NULL,
	"parsed" jsonb NOT NULL,
	"original" "bytea",
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"summary" text,
	"details" jsonb,
	"deadlines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_type_known" CHECK ("events"."type" in ('letter_sent', 'letter_received', 'call', 'decision', 'mandatory_reconsideration', 'appeal', 'complaint', 'payment', 'enforcement', 'note', 'other'))
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"address_withheld" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parties_role_known" CHECK ("parties"."role" in ('paying_parent', 'receiving_parent', 'representative', 'other'))
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"inputs_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"document_id" uuid,
	"fingerprint" text NOT NULL,
	"date" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"direction" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"balance" numeric(14, 2),
	"reference" text,
	CONSTRAINT "transactions_direction_known" CHECK ("transactions"."direction" in ('in', 'out')),
	CONSTRAINT "transactions_amount_positive" CHECK ("transactions"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "children_case_idx" ON "children" USING btree ("case_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "cms_entries_case_fingerprint_unique" ON "cms_entries" USING btree ("case_id","fingerprint");--> statement-breakpoint
CREATE INDEX "cms_entries_case_date_idx" ON "cms_entries" USING btree ("case_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_case_label_unique" ON "decisions" USING btree ("case_id","label");--> statement-breakpoint
CREATE INDEX "decisions_case_effective_idx" ON "decisions" USING btree ("case_id","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_case_sha256_unique" ON "documents" USING btree ("case_id","sha256");--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id","imported_at");--> statement-breakpoint
CREATE INDEX "events_case_date_idx" ON "events" USING btree ("case_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_case_type_version_unique" ON "letters" USING btree ("case_id","type","version");--> statement-breakpoint
CREATE INDEX "parties_case_idx" ON "parties" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "reconciliation_runs_case_idx" ON "reconciliation_runs" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_case_fingerprint_unique" ON "transactions" USING btree ("case_id","fingerprint");--> statement-breakpoint
CREATE INDEX "transactions_case_date_idx" ON "transactions" USING btree ("case_id","date");