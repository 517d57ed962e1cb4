-- Telling "another organisation's case" (403) from "no such case" (404), hand-written. The store's own role sees
-- only its organisation's rows, so it cannot tell the two apart; when a case id is not found there, the store asks
-- as reckoner_locator, which may read the id column of every case and nothing else (no organisation, no title,
-- no other table). An adviser given another organisation's case id is told so, instead of being told it does
-- not exist; nothing of the case is shown either way.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reckoner_locator') THEN
    BEGIN
      CREATE ROLE reckoner_locator NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'Reckoner needs the role reckoner_locator, and this database user may not create roles'
          USING ERRCODE = 'insufficient_privilege',
                HINT = format('An administrator can run: CREATE ROLE reckoner_locator NOLOGIN; GRANT reckoner_locator TO %I;', current_user);
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'reckoner_locator', 'MEMBER') THEN
    EXECUTE format('GRANT reckoner_locator TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "public" TO "reckoner_locator";
--> statement-breakpoint
GRANT SELECT ("id") ON "cases" TO "reckoner_locator";
--> statement-breakpoint
-- current_user, not just TO: a policy applies to every member of its role, and the database user is a member of
-- all three, so USING (true) would show that user every case whenever it queries outside the store. Only a
-- transaction that has switched to the role itself passes. The same goes for the key-ring policies of 0004.
CREATE POLICY "cases_locate" ON "cases" AS PERMISSIVE FOR SELECT TO "reckoner_locator" USING (current_user = 'reckoner_locator');
--> statement-breakpoint
ALTER POLICY "case_keys_rekey_read" ON "case_keys" USING (current_user = 'reckoner_keyring');
--> statement-breakpoint
ALTER POLICY "case_keys_rekey_write" ON "case_keys" USING (current_user = 'reckoner_keyring') WITH CHECK (current_user = 'reckoner_keyring');
