-- The database as it is in production before the migration (with rows).
CREATE TABLE "users" ("id" BIGSERIAL PRIMARY KEY, "email" TEXT NOT NULL);
CREATE TABLE "orders" (
  "id" BIGSERIAL PRIMARY KEY,
  "user_id" BIGINT NOT NULL,
  "ref" TEXT,
  "status" TEXT,
  "total" NUMERIC(12, 2) NOT NULL DEFAULT 0
);
INSERT INTO "users" ("email") SELECT 'u' || g || '@example.com' FROM generate_series(1, 100) g;
INSERT INTO "orders" ("user_id", "ref", "status", "total") SELECT 1 + g % 100, 'R' || g, 'new', g FROM generate_series(1, 5000) g;
