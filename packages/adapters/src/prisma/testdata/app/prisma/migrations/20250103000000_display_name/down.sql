-- dbm: reviewed down migration of 20250103000000_display_name
ALTER TABLE "User" DROP COLUMN "display_name";
