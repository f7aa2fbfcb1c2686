-- dbm: part 2 of 3: ACCESS EXCLUSIVE on orders: its own short transaction
-- dbm: its own migration, because Prisma runs each migration.sql in one transaction and this step must commit separately

-- dbm: a statement waiting for a lock gives up quickly instead of holding up all traffic behind it (dbm apply retries it)
SET LOCAL lock_timeout = '50ms';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "status" "OrderStatus" NOT NULL DEFAULT 'pending';
