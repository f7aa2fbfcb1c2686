-- ALTER TABLE in all the forms the model describes, mixed with subcommands it keeps raw.
ALTER TABLE courier ADD COLUMN phone text;
ALTER TABLE courier ADD COLUMN IF NOT EXISTS vehicle varchar(20) NOT NULL DEFAULT 'bike' CHECK (vehicle <> '');
ALTER TABLE courier ADD COLUMN depot_id int REFERENCES depot (id) ON DELETE SET NULL;
ALTER TABLE courier ADD COLUMN badge uuid UNIQUE, ADD COLUMN code int PRIMARY KEY;
ALTER TABLE courier ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE courier ADD COLUMN shout text GENERATED ALWAYS AS (upper(name)) STORED;
ALTER TABLE courier ADD COLUMN started timestamptz DEFAULT (now() AT TIME ZONE 'utc');
ALTER TABLE courier DROP COLUMN phone;
ALTER TABLE courier DROP COLUMN IF EXISTS vehicle CASCADE;
ALTER TABLE courier RENAME COLUMN name TO full_name;
ALTER TABLE courier RENAME badge TO badge_id;
ALTER TABLE IF EXISTS courier RENAME TO couriers;
ALTER TABLE ONLY couriers RENAME TO courier;
ALTER TABLE courier ALTER COLUMN code TYPE bigint;
ALTER TABLE courier ALTER COLUMN code SET DATA TYPE text COLLATE "C" USING code::text;
ALTER TABLE courier ALTER code TYPE numeric(20, 0) USING (code::numeric + 1);
ALTER TABLE courier ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE courier ALTER COLUMN full_name DROP NOT NULL;
ALTER TABLE courier ALTER COLUMN started SET DEFAULT now();
ALTER TABLE courier ALTER COLUMN started SET DEFAULT (now() AT TIME ZONE 'utc');
ALTER TABLE courier ALTER COLUMN started DROP DEFAULT;
ALTER TABLE courier ADD CONSTRAINT courier_depot_fk FOREIGN KEY (depot_id) REFERENCES depot (id) NOT VALID;
ALTER TABLE courier ADD FOREIGN KEY (depot_id, code) REFERENCES public.depot MATCH FULL ON DELETE RESTRICT ON UPDATE SET NULL;
ALTER TABLE courier ADD CONSTRAINT courier_fk_deferred FOREIGN KEY (depot_id) REFERENCES depot (id) DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE courier ADD CONSTRAINT courier_fk_initially FOREIGN KEY (depot_id) REFERENCES depot (id) INITIALLY DEFERRED;
ALTER TABLE courier ADD CONSTRAINT courier_fk_not_deferrable FOREIGN KEY (depot_id) REFERENCES depot (id) MATCH SIMPLE NOT DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE courier ADD CONSTRAINT courier_fk_deferrable FOREIGN KEY (depot_id) REFERENCES depot (id) ON UPDATE CASCADE DEFERRABLE NOT VALID;
ALTER TABLE courier ADD COLUMN hub_id int REFERENCES depot (id) MATCH FULL ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE courier ADD CONSTRAINT courier_u_nd UNIQUE NULLS DISTINCT (code) NOT DEFERRABLE;
ALTER TABLE courier VALIDATE CONSTRAINT courier_depot_fk;
ALTER TABLE courier ADD CONSTRAINT courier_code_chk CHECK (code > 0) NOT VALID;
ALTER TABLE courier ADD CHECK (length(full_name) < 200) NO INHERIT;
ALTER TABLE courier ADD CONSTRAINT courier_badge_uq UNIQUE (badge_id);
ALTER TABLE courier ADD UNIQUE NULLS NOT DISTINCT (badge_id, code) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE courier ADD CONSTRAINT courier_badge_uq2 UNIQUE USING INDEX courier_badge_idx;
ALTER TABLE courier ADD CONSTRAINT courier_pk PRIMARY KEY (code);
ALTER TABLE courier ADD PRIMARY KEY USING INDEX courier_code_idx;
ALTER TABLE courier DROP CONSTRAINT courier_code_chk;
ALTER TABLE courier DROP CONSTRAINT IF EXISTS courier_badge_uq CASCADE;
ALTER TABLE courier ADD COLUMN is_new boolean DEFAULT (code IS NULL);
ALTER TABLE courier ADD COLUMN sort_key text DEFAULT ('x' COLLATE "C");
ALTER TABLE courier ADD COLUMN counter int NOT NULL DEFAULT nextval('courier_seq'::regclass);
ALTER TABLE courier ADD COLUMN region varchar(10) DEFAULT 'north'::character varying NULL;
ALTER TABLE courier ADD COLUMN score numeric DEFAULT -(1.5) CHECK (score BETWEEN -10 AND 10);
ALTER TABLE courier ALTER COLUMN sort_key SET DEFAULT 'a' || 'b';
ALTER TABLE courier ALTER COLUMN region TYPE varchar(20) COLLATE "de_DE.utf8";
ALTER TYPE courier_state ADD VALUE 'suspended';
ALTER TYPE public.courier_state ADD VALUE IF NOT EXISTS 'retired' AFTER 'active';
ALTER TYPE courier_state RENAME VALUE 'retired' TO 'gone';
CREATE TYPE courier_state AS ENUM ();
CREATE TYPE "public"."courier shift" AS ENUM ('early', 'late', 'it''s night');

-- several subcommands in one statement: each becomes its own operation (or raw subcommand)
ALTER TABLE courier
  ADD COLUMN rating smallint,
  ALTER COLUMN rating SET DEFAULT 3,
  SET (fillfactor = 90),
  ALTER COLUMN full_name SET STATISTICS 500,
  DROP CONSTRAINT IF EXISTS courier_old_chk,
  ENABLE TRIGGER ALL;

-- whole statements kept raw on purpose: ONLY, IF EXISTS, other relation kinds, partitions
ALTER TABLE ONLY courier ADD CONSTRAINT courier_only_pk PRIMARY KEY (code);
ALTER TABLE ONLY courier ALTER COLUMN code SET DEFAULT 0;
ALTER TABLE IF EXISTS courier ADD COLUMN maybe int;
ALTER TABLE IF EXISTS ONLY courier DROP COLUMN maybe;
ALTER TABLE courier_log ATTACH PARTITION courier_log_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE courier_log DETACH PARTITION courier_log_2023 CONCURRENTLY;
ALTER TABLE courier_log DETACH PARTITION courier_log_2022;
ALTER TABLE courier SET LOGGED;
ALTER TABLE courier SET UNLOGGED;
ALTER TABLE courier SET SCHEMA archive;
ALTER TABLE courier OWNER TO app_owner;
ALTER TABLE courier RENAME CONSTRAINT courier_pk TO courier_pkey;
ALTER TABLE courier ALTER COLUMN code ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE courier ALTER COLUMN code DROP IDENTITY IF EXISTS;
ALTER TABLE courier ALTER COLUMN shout DROP EXPRESSION;
ALTER TABLE courier ADD CONSTRAINT courier_nn NOT NULL full_name;
ALTER TABLE courier ADD CONSTRAINT courier_excl EXCLUDE USING gist (depot_id WITH =);
ALTER TABLE courier ADD CONSTRAINT courier_uq_incl UNIQUE (code) INCLUDE (rating);
ALTER TABLE courier ADD CONSTRAINT courier_pk_deferred PRIMARY KEY (code) DEFERRABLE;
ALTER TABLE courier ADD CONSTRAINT courier_unenforced CHECK (code > 0) NOT ENFORCED;
ALTER TABLE courier ADD CONSTRAINT courier_fk_unenforced FOREIGN KEY (depot_id) REFERENCES depot (id) NOT ENFORCED;
ALTER TABLE courier ADD CONSTRAINT courier_fk_set_cols FOREIGN KEY (depot_id, code) REFERENCES depot ON DELETE SET NULL (depot_id);
ALTER TABLE courier ADD CONSTRAINT courier_temporal UNIQUE (code, valid_at WITHOUT OVERLAPS);
ALTER TABLE courier ADD COLUMN note text STORAGE EXTERNAL COLLATE "C";
ALTER TABLE courier ALTER COLUMN note SET STORAGE MAIN;
ALTER TABLE courier ADD COLUMN "deferred" int REFERENCES depot DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE courier ADD COLUMN named_nn int CONSTRAINT named_nn_nn NOT NULL;
ALTER TABLE courier ADD COLUMN other_db_ref int REFERENCES db2.public.depot (id);
ALTER VIEW courier_view RENAME COLUMN a TO b;
ALTER MATERIALIZED VIEW courier_stats RENAME TO courier_totals;
ALTER FOREIGN TABLE courier_remote RENAME COLUMN a TO b;
ALTER SEQUENCE courier_seq RENAME TO courier_id_seq;
ALTER TABLE IF EXISTS courier RENAME COLUMN a TO b;
ALTER TABLE ONLY courier RENAME COLUMN a TO b;
ALTER INDEX courier_idx ALTER COLUMN 1 SET STATISTICS 100;
