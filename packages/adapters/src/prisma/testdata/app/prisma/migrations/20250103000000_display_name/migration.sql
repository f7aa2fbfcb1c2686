-- AlterTable
ALTER TABLE "User" ADD COLUMN     "display_name" TEXT;
