-- Tenancy in the database (hand-written). The store runs every transaction as the role reckoner_app with the
-- setting reckoner.organisation (store/repository.ts, `scoped`): row-level security then shows and accepts only
-- that organisation's rows, on PostgreSQL and PGlite alike. FORCE makes the tables' owner obey the policies
-- too, and only reckoner_app has policies, so any other role that is not a superuser sees no rows at all; a
-- query without the organisation set sees none either. reckoner_keyring may read and re-wrap the case keys of
-- every organisation (rekeyStore), and nothing else.
--
-- Values sealed by an earlier Reckoner directly with the master key name that key (`enc:v1:<key id>:`): the
-- keyring records it, so that a process with no key or another key is refused rather than writing beside them.
INSERT INTO "keyring" ("id", "fingerprint")
SELECT 1, 'v1:' || substr("v", 8, 8) FROM (
  SELECT "name" AS "v" FROM "parties" WHERE "name" LIKE 'enc:v1:%'
  UNION ALL SELECT "email" FROM "parties" WHERE "email" LIKE 'enc:v1:%'
  UNION ALL SELECT "phone" FROM "parties" WHERE "phone" LIKE 'enc:v1:%'
  UNION ALL SELECT "address" FROM "parties" WHERE "address" LIKE 'enc:v1:%'
  UNION ALL SELECT "name" FROM "children" WHERE "name" LIKE 'enc:v1:%'
  UNION ALL SELECT "summary" FROM "events" WHERE "summary" LIKE 'enc:v1:%'
  UNION ALL SELECT "details"->>'$sealed' FROM "events" WHERE "details" ? '$sealed'
  UNION ALL SELECT "content"->>'$sealed' FROM "letters" WHERE "content" ? '$sealed'
  UNION ALL SELECT 'enc:v1:' || encode(substr("original", 8, 4), 'hex') FROM "documents"
    WHERE substr("original", 1, 7) = '\x524b5345414c31'::bytea
) AS "sealed"
LIMIT 1;
--> statement-breakpoint
-- Roles belong to the whole server, not to one database: made once, and made safely when several databases
-- migrate at the same moment. A user that may not create roles needs them made by an administrator first
-- (CREATE ROLE reckoner_app NOLOGIN; CREATE ROLE reckoner_keyring NOLOGIN; GRANT both TO the user).
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['reckoner_app', 'reckoner_keyring'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'Reckoner needs the role %, and this database user may not create roles', r
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('An administrator can run: CREATE ROLE %I NOLOGIN; GRANT %I TO %I;', r, r, current_user);
      END;
    END IF;
    IF NOT pg_has_role(current_user, r, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', r, current_user);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "public" TO "reckoner_app", "reckoner_keyring";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "cases", "parties", "children", "decisions", "documents", "transactions",
  "cms_entries", "reconciliation_runs", "letters", "events" TO "reckoner_app";
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "case_keys" TO "reckoner_app";
--> statement-breakpoint
-- The audit log: appended to, and erased with its case (the append-only trigger allows nothing else).
GRANT SELECT, INSERT, DELETE ON "audit_log" TO "reckoner_app";
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "audit_log_id_seq" TO "reckoner_app";
--> statement-breakpoint
GRANT SELECT ON "keyring" TO "reckoner_app";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "keyring" TO "reckoner_keyring";
--> statement-breakpoint
GRANT SELECT, UPDATE ("wrapped") ON "case_keys" TO "reckoner_keyring";
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'parties', 'children', 'decisions', 'documents', 'transactions', 'cms_entries',
                           'reconciliation_runs', 'letters', 'events', 'audit_log', 'case_keys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    -- nullif: once a session has used the setting it reads as '' outside a transaction that sets it. The
    -- sub-select is evaluated once per query, not once per row (an import writes 20,000 rows in one statement).
    EXECUTE format(
      'CREATE POLICY %I ON %I AS PERMISSIVE FOR ALL TO reckoner_app '
      'USING (organisation = (SELECT nullif(current_setting(''reckoner.organisation'', true), ''''))) '
      'WITH CHECK (organisation = (SELECT nullif(current_setting(''reckoner.organisation'', true), '''')))',
      t || '_organisation', t);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY "case_keys_rekey_read" ON "case_keys" AS PERMISSIVE FOR SELECT TO "reckoner_keyring" USING (true);
--> statement-breakpoint
CREATE POLICY "case_keys_rekey_write" ON "case_keys" AS PERMISSIVE FOR UPDATE TO "reckoner_keyring" USING (true) WITH CHECK (true);
