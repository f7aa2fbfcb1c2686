-- dbm: reviewed down migration of 0002_display_name
ALTER TABLE "users" DROP COLUMN "display_name";
