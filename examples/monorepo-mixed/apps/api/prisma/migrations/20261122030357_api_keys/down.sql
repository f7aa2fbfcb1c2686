-- dbm: down migration of 20261122030357_api_keys, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '20ms';
-- dbm: removes what 20261122030357_api_keys added
-- dbm-ignore ban-drop-table
DROP TABLE "api_keys";
