-- dbm: down migration of 20261122012000_products_orders, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '50ms';
-- dbm: removes what 20261122012000_products_orders added
-- dbm-ignore ban-drop-table
DROP TABLE "orders";
-- dbm: removes what 20261122012000_products_orders added
-- dbm-ignore ban-drop-table
DROP TABLE "products";
