ALTER TABLE "cms_entries" ADD COLUMN "outside_period" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD COLUMN "schedule_status" text;--> statement-breakpoint
ALTER TABLE "cms_entries" ADD CONSTRAINT "cms_entries_schedule_status_known" CHECK ("cms_entries"."schedule_status" in ('due', 'paid', 'part_paid', 'missed'));