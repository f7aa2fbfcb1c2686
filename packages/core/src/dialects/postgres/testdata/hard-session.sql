/* Session and transaction control, dollar-quoted bodies, and comments in every place a migration
   can hold them. /* Block comments nest in PostgreSQL. */ Still inside the outer comment; */
BEGIN;
SET lock_timeout = '5s';
SET LOCAL statement_timeout TO 60000;
SET SESSION idle_in_transaction_session_timeout = 0;
SET search_path TO app, public, "$user";
SET LOCAL search_path TO DEFAULT;
SET TIME ZONE 'UTC';
SET myapp.tenant_id = '42';
SET "MyApp.Mode" = on;
SET myapp."user" = 'alice';
SET LOCAL myapp."select" TO DEFAULT;
SET client_min_messages TO warning;
SET LOCAL TIME ZONE 'Europe/Paris';
SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE;
SET SCHEMA 'app';
SET NAMES 'UTF8';
SET ROLE migrator;
SET SESSION AUTHORIZATION DEFAULT;
SET XML OPTION DOCUMENT;
SET search_path FROM CURRENT;
RESET TIME ZONE;
RESET SESSION AUTHORIZATION;
RESET ROLE;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;
RESET lock_timeout;
RESET ALL;
SAVEPOINT before_backfill;
UPDATE parcel SET weight = 0 WHERE weight IS NULL; -- trailing comment on the same line
ROLLBACK TO SAVEPOINT before_backfill;
RELEASE SAVEPOINT before_backfill;
COMMIT;
START TRANSACTION;
END;
BEGIN WORK;
ABORT;
BEGIN ISOLATION LEVEL REPEATABLE READ;
COMMIT AND CHAIN;
ROLLBACK;
-- a comment before a statement
CREATE FUNCTION parcel_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- a comment inside the body; the semicolon after it is not the statement's end;
  NEW.updated_at := now();
  RAISE NOTICE 'touched %; $$ is fine here', NEW.id;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER parcel_touch BEFORE UPDATE ON parcel FOR EACH ROW EXECUTE FUNCTION parcel_touch();
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'parcel_kind') THEN
    CREATE TYPE parcel_kind AS ENUM ('box', 'letter');
  END IF;
END
$$;
DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$;
SELECT 'a string with -- no comment; inside' AS s, E'escaped \' quote; still a string', $q$dollar;quoted$q$;
/* a block comment before */ CREATE TABLE commented (
  id int, -- a comment after a column
  /* a comment between columns */ v text
) /* a comment before the semicolon */ ;
ALTER TABLE commented ADD COLUMN w int -- the comment ends the line, then the semicolon comes
;
GRANT INSERT ON commented TO writer -- a raw statement whose comment runs up to the semicolon
;
NOTIFY commented_events /* a block comment before the semicolon */;
VACUUM (ANALYZE) commented;
VACUUM FULL commented;
ANALYZE commented;
CLUSTER commented USING commented_pkey;
LOCK TABLE commented IN SHARE ROW EXCLUSIVE MODE NOWAIT;
LOCK commented;
COPY commented (id, v) FROM stdin;
NOTIFY parcel_events, 'migrated';
GRANT SELECT ON commented TO reporting;
REVOKE ALL ON commented FROM PUBLIC;
CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
ALTER DOMAIN positive_int ADD CONSTRAINT below_max CHECK (VALUE < 1000000) NOT VALID;
CREATE MATERIALIZED VIEW parcel_totals AS SELECT count(*) FROM parcel;
REFRESH MATERIALIZED VIEW CONCURRENTLY parcel_totals;
DROP MATERIALIZED VIEW parcel_totals;
DROP VIEW IF EXISTS parcel_view;
DROP TYPE IF EXISTS parcel_kind;
DROP SCHEMA legacy CASCADE;
DROP FUNCTION parcel_touch();
DROP TRIGGER parcel_touch ON parcel;
DROP SEQUENCE parcel_seq;
DROP EXTENSION IF EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
MERGE INTO parcel p USING incoming i ON p.id = i.id WHEN MATCHED THEN UPDATE SET weight = i.weight WHEN NOT MATCHED THEN INSERT (id, weight) VALUES (i.id, i.weight);
INSERT INTO parcel (id) SELECT generate_series(1, 10) ON CONFLICT DO NOTHING;
WITH gone AS (DELETE FROM parcel WHERE id < 0 RETURNING id) SELECT count(*) FROM gone;
SELECT pg_advisory_lock(42)
-- the last statement has no semicolon and a trailing comment
