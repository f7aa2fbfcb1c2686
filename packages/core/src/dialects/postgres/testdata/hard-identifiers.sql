-- Identifiers that only survive when quoted exactly: spaces, embedded double quotes, upper case,
-- keywords, unicode (quoted, unquoted and U& escapes), and a name at the 63-byte limit.
CREATE SCHEMA "Sales Dept";
CREATE TABLE "Sales Dept"."Order Lines" (
  "Line ID" serial PRIMARY KEY,
  "say ""hi""" text,
  "UPPER" int,
  "select" int,
  "user" text DEFAULT CURRENT_USER,
  größe numeric,
  "Prénom" text,
  "名前" text,
  "emoji 🚚" text,
  U&"d\0061t\+000061" text,
  "a_name_that_is_exactly_sixty_three_bytes_long_xxxxxxxxxxxxxxxxx" int,
  "Mixed.Dot" int
);
CREATE INDEX "Lines by ""UPPER""" ON "Sales Dept"."Order Lines" ("UPPER" DESC, "say ""hi""");
CREATE UNIQUE INDEX "größe_idx" ON "Sales Dept"."Order Lines" (größe) WHERE "Prénom" <> 'ß';
ALTER TABLE "Sales Dept"."Order Lines" RENAME COLUMN "say ""hi""" TO "say 'hello'";
ALTER TABLE "Sales Dept"."Order Lines" ADD CONSTRAINT "Order Lines ✓" CHECK ("UPPER" > 0 AND "名前" IS NOT NULL);
ALTER TABLE "Sales Dept"."Order Lines" ADD COLUMN "Total €" numeric(10, 2) DEFAULT 0.00;
ALTER TABLE "Sales Dept"."Order Lines" ALTER COLUMN "Mixed.Dot" TYPE "Sales Dept"."Money Type"[];
ALTER TABLE "Sales Dept"."Order Lines" RENAME TO "Lines";
CREATE TYPE "Sales Dept"."Line ""State""" AS ENUM ('Open', 'Closed ✓', '');
ALTER TYPE "Sales Dept"."Line ""State""" ADD VALUE 'Ré-ouvert' BEFORE 'Closed ✓';
CREATE TABLE "Ünïcödé" ("ID" int PRIMARY KEY, "Ref" int REFERENCES "Sales Dept"."Lines" ("Line ID"));
DROP TABLE "Ünïcödé";
DROP INDEX "Sales Dept"."Lines by ""UPPER""";
SET "Sales.Var" = 'ü';
