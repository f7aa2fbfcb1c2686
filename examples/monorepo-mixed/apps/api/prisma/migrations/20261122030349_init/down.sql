-- dbm: down migration of 20261122030349_init, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '20ms';
-- dbm: removes what 20261122030349_init added
-- dbm-ignore ban-drop-table
DROP TABLE "api_accounts";
