-- What `prisma migrate dev` writes for a small schema change: every statement below locks a live table.

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "shipped_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "orders" ALTER COLUMN "status" SET NOT NULL;

-- CreateIndex
CREATE INDEX "orders_user_id_idx" ON "orders"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_ref_key" ON "orders"("ref");

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddCheck
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK ("total" >= 0);
