-- Objects and properties beyond the shared fixture: what the schema model carries as extras (views,
-- functions, triggers, domains, types, sequences, policies, rules, unmodelled constraints and index
-- options) and the rarer column and index shapes. Loaded after full.sql by the introspection tests.
-- Runs on PostgreSQL 15+ and PGlite.

CREATE SCHEMA "Odd Schema";
CREATE TYPE "Odd Schema"."Mood" AS ENUM ('sad', 'ok', 'it''s great');
COMMENT ON TYPE "Odd Schema"."Mood" IS 'How it feels';

CREATE DOMAIN public.positive_int AS integer NOT NULL DEFAULT 1 CONSTRAINT positive_int_check CHECK (VALUE > 0);
CREATE TYPE public.money_pair AS (amount numeric(12,2), currency char(3));
CREATE TYPE public.float_range AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE SEQUENCE public.order_numbers AS bigint START WITH 1000 INCREMENT BY 10 CACHE 5;

CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION public.touch_updated_at() IS 'Keeps updated_at current';
CREATE FUNCTION public.active_user_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.users WHERE is_active $$;

-- a table renamed after creation keeps its serial's old sequence name
CREATE TABLE public.old_name (id serial PRIMARY KEY, label text);
ALTER TABLE public.old_name RENAME TO renamed;

CREATE TABLE "Odd Schema"."Mixed Case" (
  "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "quote""d" text COLLATE "C",
  mood "Odd Schema"."Mood" NOT NULL DEFAULT 'it''s great',
  qty public.positive_int,
  price numeric(8,2) NOT NULL DEFAULT -1.5,
  total numeric GENERATED ALWAYS AS (price * 2) STORED,
  matrix integer[][],
  flag "char",
  bits bit(3),
  span interval day to second(3),
  pair public.money_pair,
  range public.float_range,
  order_no bigint NOT NULL DEFAULT nextval('public.order_numbers'),
  maybe_serial serial,
  nothing text DEFAULT NULL,
  local_ts timestamp DEFAULT (now() AT TIME ZONE 'utc'),
  CONSTRAINT "Mixed Case_unique_nnd" UNIQUE NULLS NOT DISTINCT ("quote""d"),
  CONSTRAINT mixed_deferred_unique UNIQUE (order_no) DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT mixed_excl EXCLUDE USING gist (range WITH &&)
);
ALTER TABLE "Odd Schema"."Mixed Case" ALTER COLUMN maybe_serial DROP NOT NULL;
-- NOT VALID only holds when added to an existing table (CREATE TABLE validates at once)
ALTER TABLE "Odd Schema"."Mixed Case" ADD CONSTRAINT mixed_price_check CHECK (price > -100) NOT VALID;
ALTER TABLE "Odd Schema"."Mixed Case" ADD CONSTRAINT mixed_renamed_fk FOREIGN KEY (qty) REFERENCES public.renamed (id) MATCH FULL;
COMMENT ON CONSTRAINT mixed_price_check ON "Odd Schema"."Mixed Case" IS 'Not validated yet';
CREATE INDEX "Mixed Case_quote_idx" ON "Odd Schema"."Mixed Case" ("quote""d" text_pattern_ops DESC NULLS LAST);
CREATE INDEX mixed_lower_idx ON "Odd Schema"."Mixed Case" (lower("quote""d") COLLATE "POSIX", (price + 1));
CREATE INDEX mixed_fill_idx ON "Odd Schema"."Mixed Case" (price) WITH (fillfactor = 70);
CREATE UNIQUE INDEX mixed_nnd_idx ON "Odd Schema"."Mixed Case" (mood, qty) NULLS NOT DISTINCT;
COMMENT ON INDEX "Odd Schema".mixed_lower_idx IS 'Lookups by lower-case name';

CREATE TABLE public.audit_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz) WITH (fillfactor = 90);
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON public.audit_log FOR SELECT TO PUBLIC USING (at > now() - interval '30 days');
CREATE TRIGGER audit_touch BEFORE UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE RULE audit_no_delete AS ON DELETE TO public.audit_log DO INSTEAD NOTHING;
CREATE UNLOGGED TABLE public.scratch (k text PRIMARY KEY, v jsonb);

CREATE VIEW public.active_users AS SELECT id, email FROM public.users WHERE is_active;
CREATE VIEW public.active_emails WITH (security_barrier = true) AS SELECT email FROM public.active_users;
COMMENT ON VIEW public.active_emails IS 'Addresses of active users';
CREATE MATERIALIZED VIEW billing.invoice_totals AS
  SELECT account_owner_id, sum(amount) AS total FROM billing.invoices GROUP BY account_owner_id;

-- an ORM ledger and dbm's own schema: never part of the application's schema
CREATE TABLE public.knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
CREATE TRIGGER knex_touch BEFORE UPDATE ON public.knex_migrations FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
CREATE SCHEMA _dbm;
CREATE TABLE _dbm.steps (id int PRIMARY KEY);
