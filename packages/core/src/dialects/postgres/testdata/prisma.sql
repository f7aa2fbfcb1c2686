-- What `prisma migrate dev` writes into migration.sql for PostgreSQL: quoted PascalCase names,
-- enums, a primary key constraint inside CREATE TABLE, unique indexes, foreign keys added afterwards.
-- Several migrations are concatenated here; each starts with its own header comment.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "citext";

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('REQUESTED', 'ACTIVE', 'RETURNED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "MemberTier" AS ENUM ('BASIC', 'PREMIUM');

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "email" CITEXT NOT NULL,
    "displayName" TEXT,
    "tier" "MemberTier" NOT NULL DEFAULT 'BASIC',
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "nicknames" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Author" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "born" DATE,
    "rating" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "royalty" DECIMAL(65,30) NOT NULL,
    "portrait" BYTEA,

    CONSTRAINT "Author_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Book" (
    "id" BIGSERIAL NOT NULL,
    "isbn" CHAR(13) NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(6),
    "pages" INTEGER,
    "inPrint" BOOLEAN NOT NULL DEFAULT true,
    "ref" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "Book_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "memberId" INTEGER NOT NULL,
    "bookId" BIGINT NOT NULL,
    "status" "LoanStatus" NOT NULL DEFAULT 'REQUESTED',
    "dueOn" DATE NOT NULL,
    "fee" MONEY,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("memberId","bookId")
);

-- CreateTable
CREATE TABLE "_BookToGenre" (
    "A" BIGINT NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_BookToGenre_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Book_isbn_key" ON "Book"("isbn");

-- CreateIndex
CREATE INDEX "Book_authorId_publishedAt_idx" ON "Book"("authorId", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Book_title_idx" ON "Book" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "_BookToGenre_B_index" ON "_BookToGenre"("B");

-- AddForeignKey
ALTER TABLE "Book" ADD CONSTRAINT "Book_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_BookToGenre" ADD CONSTRAINT "_BookToGenre_A_fkey" FOREIGN KEY ("A") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

/*
  Warnings:

  - You are about to drop the column `portrait` on the `Author` table. All the data in the column will be lost.
  - Added the required column `slug` to the `Author` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "Author" DROP COLUMN "portrait",
ADD COLUMN     "slug" TEXT NOT NULL,
ADD COLUMN     "website" VARCHAR(2048);

-- AlterTable
ALTER TABLE "Book" ALTER COLUMN "title" SET DATA TYPE VARCHAR(500),
ALTER COLUMN "pages" SET NOT NULL,
ALTER COLUMN "inPrint" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Member" ALTER COLUMN "displayName" SET DEFAULT 'anonymous',
ALTER COLUMN "updatedAt" DROP NOT NULL;

-- AlterEnum
ALTER TYPE "LoanStatus" ADD VALUE 'LOST';

-- AlterEnum
BEGIN;
CREATE TYPE "MemberTier_new" AS ENUM ('BASIC', 'GOLD');
ALTER TABLE "Member" ALTER COLUMN "tier" DROP DEFAULT;
ALTER TABLE "Member" ALTER COLUMN "tier" TYPE "MemberTier_new" USING ("tier"::text::"MemberTier_new");
ALTER TYPE "MemberTier" RENAME TO "MemberTier_old";
ALTER TYPE "MemberTier_new" RENAME TO "MemberTier";
DROP TYPE "MemberTier_old";
ALTER TABLE "Member" ALTER COLUMN "tier" SET DEFAULT 'BASIC';
COMMIT;

-- DropForeignKey
ALTER TABLE "Loan" DROP CONSTRAINT "Loan_bookId_fkey";

-- DropIndex
DROP INDEX "Book_title_idx";

-- RenameIndex
ALTER INDEX "Book_authorId_publishedAt_idx" RENAME TO "Book_author_published_idx";

-- RenameForeignKey
ALTER TABLE "Book" RENAME CONSTRAINT "Book_authorId_fkey" TO "Book_writer_fkey";

-- AlterTable
ALTER TABLE "Loan" RENAME CONSTRAINT "Loan_pkey" TO "Loan_primary";

-- DropTable
DROP TABLE "_BookToGenre";

-- CreateIndex
CREATE UNIQUE INDEX "Author_slug_key" ON "Author"("slug");

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "score" INTEGER GENERATED ALWAYS AS ("id" * 2) STORED;

-- AlterTable (dbgenerated defaults are written verbatim)
ALTER TABLE "Book" ALTER COLUMN "ref" SET DEFAULT uuid_generate_v4();

-- DropEnum
DROP TYPE "LoanStatus";
