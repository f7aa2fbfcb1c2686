-- No down file: the down is derived from the inverses of these statements.
CREATE TYPE "size" AS ENUM ('s', 'm', 'l');
CREATE TABLE "products" (
  "id" serial PRIMARY KEY,
  "sku" varchar(32) NOT NULL,
  "size" "size",
  "price" numeric(8, 2) NOT NULL DEFAULT 0,
  CONSTRAINT "products_price_check" CHECK ("price" >= 0)
);
CREATE UNIQUE INDEX "products_sku_idx" ON "products" ("sku");
CREATE TABLE "reviews" (
  "id" serial PRIMARY KEY,
  "product_id" integer NOT NULL,
  CONSTRAINT "reviews_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE RESTRICT
);
ALTER TABLE "reviews" ADD COLUMN "stars" integer;
ALTER TABLE "reviews" ALTER COLUMN "stars" SET NOT NULL;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_stars_check" CHECK ("stars" BETWEEN 1 AND 5);
CREATE INDEX "reviews_product_stars_idx" ON "reviews" ("product_id", "stars" DESC);
