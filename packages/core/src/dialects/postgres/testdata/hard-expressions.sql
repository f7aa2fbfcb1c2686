-- Expressions and types in every place the model keeps them as text: defaults, checks, generated
-- columns, index keys and predicates, USING. The deparser writes them back; this file proves it
-- writes them back meaning the same, in the contexts PostgreSQL allows them.
CREATE TABLE ledger (
  id bigint,
  a numeric DEFAULT NULL,
  b int DEFAULT (1),
  c int DEFAULT +1,
  d int DEFAULT (-1)::int,
  e bigint DEFAULT 1::bigint,
  f bigint DEFAULT CAST(1 AS bigint),
  g bit(3) DEFAULT B'101',
  h bytea DEFAULT '\xff',
  i text DEFAULT E'line\nbreak',
  j text DEFAULT $$dollar 'quoted'$$,
  k text DEFAULT U&'d\0061t\+000061',
  l boolean DEFAULT ('a' LIKE 'b%'),
  m boolean DEFAULT (2 IN (1, 2)),
  n interval DEFAULT interval '1 day',
  o timestamp DEFAULT timestamp '2020-01-01 00:00',
  p date DEFAULT CURRENT_DATE + 1,
  q timestamptz DEFAULT now() + interval '1 hour',
  r boolean DEFAULT (1 BETWEEN 0 AND 2),
  s boolean DEFAULT (NOT true),
  t int DEFAULT nullif(1, 2),
  u int DEFAULT greatest(1, 2, 3),
  v int DEFAULT coalesce(NULL, 1),
  w int DEFAULT CASE WHEN true THEN 1 ELSE 0 END,
  x boolean DEFAULT 1 IS DISTINCT FROM 2,
  y boolean DEFAULT (1 IS NULL),
  z float8 DEFAULT 2 ^ 3,
  aa int DEFAULT @ -5,
  ab boolean DEFAULT 'x' ~ 'y',
  ac text DEFAULT 'x' || 'y',
  ad numeric DEFAULT (extract(epoch FROM now())),
  ae text DEFAULT substring('abcdef' FROM 2 FOR 3),
  af text DEFAULT trim(both 'x' FROM 'xax'),
  ag int DEFAULT position('b' IN 'abc'),
  ah text[] DEFAULT ARRAY['a', 'b'],
  ai int[] DEFAULT '{1,2}'::int[],
  aj jsonb DEFAULT '{}'::jsonb,
  ak jsonb DEFAULT jsonb_build_object('k', 1),
  al timestamptz DEFAULT timezone('utc', now()),
  am text DEFAULT current_setting('app.tenant'),
  an uuid DEFAULT md5(random()::text || clock_timestamp()::text)::uuid,
  ao boolean DEFAULT (true IS NOT FALSE),
  ap numeric(10, 2) DEFAULT 0.00,
  aq numeric DEFAULT 1e-3,
  ar text DEFAULT 'it''s',
  as_ timestamptz DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'Europe/Paris'),
  at_ text DEFAULT ('a' SIMILAR TO 'b'),
  au text DEFAULT (SELECT 'subquery'),
  av int DEFAULT 7 % 3,
  aw int DEFAULT 1 << 4,
  ax text DEFAULT 'x'::text COLLATE "C",
  ay text COLLATE "C" DEFAULT 'y',
  az int DEFAULT OPERATOR(pg_catalog.+) 1,
  ts timestamp(6) with time zone[],
  nums numeric[],
  codes varchar(10)[],
  tags character varying(20) ARRAY,
  grid int ARRAY[4],
  tz time with time zone,
  dur interval(3),
  hm interval hour to minute,
  sec interval second(3),
  dp double precision[],
  ci public.citext,
  i4 pg_catalog.int4,
  dc decimal,
  d5 dec(5),
  nv national character varying(5),
  nc nchar(3),
  f53 float(53),
  js json,
  doc xml,
  tv tsvector,
  cash money,
  addr inet,
  mac macaddr8,
  bx box,
  rng int4range,
  ok boolean CHECK (ok IS NOT NULL AND (a IS NULL OR a < 100)),
  ratio numeric CHECK (ratio BETWEEN 0 AND 1) CHECK (ratio <> 0.5),
  kind text CHECK (kind = ANY (ARRAY['x'::text, 'y'::text])),
  doubled numeric GENERATED ALWAYS AS (CASE WHEN a IS NULL THEN 0 ELSE a * 2 END) STORED,
  CONSTRAINT ledger_range CHECK (b < c OR (d IS NOT NULL AND NOT (e > f))),
  CONSTRAINT ledger_like CHECK (j NOT LIKE '%bad%' AND k ILIKE 'd%'),
  CONSTRAINT ledger_in CHECK (t NOT IN (1, 2, 3)),
  CONSTRAINT ledger_json CHECK (aj ? 'k' AND aj @> '{"k": 1}')
);
-- the deparser drops the array bounds of "char"[]: the check on its output keeps this statement raw
CREATE TABLE ledger_flags (ch "char"[], one "char");
CREATE INDEX ledger_sum ON ledger ((a + b));
CREATE INDEX ledger_expr_coll ON ledger ((i || j) COLLATE "C");
CREATE INDEX ledger_lower_coll ON ledger (lower(i) COLLATE "C" DESC);
CREATE INDEX ledger_day ON ledger (date_trunc('day', q));
CREATE INDEX ledger_cast ON ledger (CAST(b AS text));
CREATE INDEX ledger_cast2 ON ledger ((b::text));
CREATE INDEX ledger_coalesce ON ledger (coalesce(a, 0));
CREATE INDEX ledger_json_key ON ledger ((aj ->> 'k'));
CREATE INDEX ledger_json_path ON ledger ((aj #>> '{a,b}'));
CREATE INDEX ledger_where ON ledger (id) WHERE a IS NOT NULL AND b = ANY ('{1,2}');
CREATE INDEX ledger_not ON ledger (id) WHERE NOT s;
CREATE INDEX ledger_between ON ledger (id) WHERE b BETWEEN 1 AND 10;
CREATE INDEX ledger_like ON ledger (id) WHERE j LIKE 'a%';
CREATE INDEX ledger_recent ON ledger (id) WHERE q > '2024-01-01'::timestamptz - interval '1 day';
CREATE INDEX ledger_or ON ledger (id) WHERE b = 1 OR c = 2 AND d = 3;
CREATE INDEX ledger_case ON ledger ((CASE b WHEN 1 THEN 'one' END));
CREATE INDEX ledger_row ON ledger (id) WHERE (b, c) > (1, 2);
ALTER TABLE ledger ALTER COLUMN b TYPE text USING (b::text)::int::text;
ALTER TABLE ledger ALTER COLUMN c TYPE bigint USING CASE WHEN c < 0 THEN 0 ELSE c END;
ALTER TABLE ledger ALTER COLUMN o TYPE timestamptz USING o AT TIME ZONE 'UTC';
ALTER TABLE ledger ALTER COLUMN n TYPE interval(0) USING n;
ALTER TABLE ledger ALTER COLUMN i SET DEFAULT 'a' LIKE 'b';
ALTER TABLE ledger ALTER COLUMN i SET DEFAULT (now() AT TIME ZONE 'utc')::text;
ALTER TABLE ledger ALTER COLUMN r SET DEFAULT 1 IN (1, 2) AND NOT false;
ALTER TABLE ledger ADD COLUMN ba boolean DEFAULT ('a' LIKE 'b');
ALTER TABLE ledger ADD COLUMN bb text DEFAULT 'x' COLLATE "C";
ALTER TABLE ledger ADD CONSTRAINT ledger_ok CHECK (a IS NULL OR a >= 0::numeric) NOT VALID;
ALTER TABLE ledger ADD CONSTRAINT ledger_expr_fk FOREIGN KEY (id) REFERENCES ledger (id) ON DELETE SET DEFAULT;
CREATE TABLE "ledger typed" (
  "order" int,
  "default" text DEFAULT 'default',
  states "public"."Ledger State"[] DEFAULT '{}'::"public"."Ledger State"[],
  stamps time(3)[],
  spans interval day to second[],
  spans2 interval(2)[],
  bits varbit[],
  names character varying[],
  flag "char",
  padded bpchar(5),
  small float(1),
  big_id bigint GENERATED BY DEFAULT AS IDENTITY (AS bigint START WITH 10 MINVALUE 10),
  twice int GENERATED ALWAYS AS ("order" * 2) STORED,
  CONSTRAINT "order positive" CHECK ("order" > 0 AND "default" <> 'x')
) INHERITS ("ledger", "s"."ledger base");
CREATE TABLE ledger_parts (kind text, n int) PARTITION BY LIST (lower(kind) COLLATE "C" text_ops);
CREATE TABLE ledger_ranges (a int, b date) PARTITION BY RANGE (a, (b + 1));
CREATE INDEX "ledger order" ON "ledger typed" (("order" + 1), "default" text_pattern_ops DESC);
ALTER TABLE "s"."ledger" ALTER COLUMN "n" SET DEFAULT nextval('"s"."ledger seq"'::regclass);
