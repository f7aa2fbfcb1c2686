-- dbm: down migration of 20261122012006_order_status, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '50ms';
DROP TYPE "OrderStatus";
