-- dbm: part 3 of 3: build the index on orders without blocking writes
-- dbm: its own migration with nothing else in it, because this statement cannot run inside a transaction and Prisma runs each migration.sql in one

-- CreateIndex
-- dbm: CREATE INDEX orders_status_created_at_idx runs CONCURRENTLY, outside a transaction: writes go on during the build
CREATE INDEX CONCURRENTLY "orders_status_created_at_idx" ON "orders" ("status", "created_at");
