-- The evidence table under tenancy as every case table is (hand-written, as 0004): the store's role may read and
-- write it, row-level security shows and accepts only the rows of the transaction's organisation, and FORCE makes
-- the table's owner obey that too.
GRANT SELECT, INSERT, UPDATE, DELETE ON "evidence" TO "reckoner_app";
--> statement-breakpoint
ALTER TABLE "evidence" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "evidence" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- nullif and the sub-select as in 0004: an unset setting reads as '' later in a session, and the sub-select is
-- evaluated once per query rather than once per row.
CREATE POLICY "evidence_organisation" ON "evidence" AS PERMISSIVE FOR ALL TO reckoner_app
  USING (organisation = (SELECT nullif(current_setting('reckoner.organisation', true), '')))
  WITH CHECK (organisation = (SELECT nullif(current_setting('reckoner.organisation', true), '')));
