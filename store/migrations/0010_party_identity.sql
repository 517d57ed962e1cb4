ALTER TABLE "parties" ADD COLUMN "date_of_birth" text;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "national_insurance_number" text;