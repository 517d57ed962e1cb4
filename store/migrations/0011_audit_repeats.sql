ALTER TABLE "audit_log" ADD COLUMN "times" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "last_at" timestamp with time zone;--> statement-breakpoint
-- An action that adds nothing to a case is one entry per case, action and actor, its repeats counted on it: the
-- one change the append-only trigger allows is that count going up by one and the time it was last done moving on.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('reckoner.erasure', true) = OLD.case_id::text THEN
      RETURN OLD;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD.action IN ('case_exported', 'document_reimported', 'cms_entries_readded', 'evidence_readded', 'party_changed')
       AND NEW.id = OLD.id AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id AND NEW.organisation = OLD.organisation
       AND NEW.action = OLD.action AND NEW.at = OLD.at AND NEW.actor = OLD.actor
       AND NEW.times = OLD.times + 1 AND NEW.last_at >= coalesce(OLD.last_at, OLD.at) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
GRANT UPDATE ("times", "last_at") ON "audit_log" TO "reckoner_app";
