-- dbm: down migration of 20261122012008_order_status_3, run by `dbm rollback` (Prisma ignores this file)
SET lock_timeout = '50ms';
DROP INDEX CONCURRENTLY "orders_status_created_at_idx";
