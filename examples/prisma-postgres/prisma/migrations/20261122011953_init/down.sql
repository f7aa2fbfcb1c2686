-- dbm: down migration of 20261122011953_init, run by `dbm rollback` (Prisma ignores this file)
SET LOCAL lock_timeout = '50ms';
-- dbm: removes what 20261122011953_init added
-- dbm-ignore ban-drop-table
DROP TABLE "users";
