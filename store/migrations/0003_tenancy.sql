-- Organisations (hand-edited after drizzle-kit generate): the rows already here belong to the one implicit
-- organisation of local use, "local", which the new columns' default reads from this setting (local to the
-- migration's transaction). The unique key the new foreign keys point at is made before them.
SELECT set_config('reckoner.organisation', 'local', true);--> statement-breakpoint
CREATE TABLE "case_keys" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keyring" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"fingerprint" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "keyring_one_row" CHECK ("keyring"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_reference_digits";--> statement-breakpoint
ALTER TABLE "children" DROP CONSTRAINT "children_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "cms_entries" DROP CONSTRAINT "cms_entries_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "decisions" DROP CONSTRAINT "decisions_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "letters" DROP CONSTRAINT "letters_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "parties" DROP CONSTRAINT "parties_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "reconciliation_runs" DROP CONSTRAINT "reconciliation_runs_case_id_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_case_id_cases_id_fk";
--> statement-breakpoint
DROP INDEX "cases_created_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "reconciliation_runs" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "organisation" text DEFAULT current_setting('reckoner.organisation') NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_id_organisation_unique" UNIQUE("id","organisation");--> statement-breakpoint
ALTER TABLE "case_keys" ADD CONSTRAINT "case_keys_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_case_fk" FOREIGN KEY ("case_id","organisation") REFERENCES "public"."cases"("id","organisation") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_organisation_created_idx" ON "cases" USING btree ("organisation","created_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_named" CHECK ("audit_log"."organisation" <> '');--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_named" CHECK ("cases"."organisation" <> '');
