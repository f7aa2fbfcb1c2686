-- dbm: down migration of 20261122012007_order_status_2, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '50ms';
-- dbm: removes what 20261122012007_order_status_2 added
-- dbm-ignore ban-drop-column
ALTER TABLE "orders" DROP COLUMN "status";
