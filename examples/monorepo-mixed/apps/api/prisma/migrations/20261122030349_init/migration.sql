-- dbm: a statement waiting for a lock gives up quickly instead of holding up all traffic behind it (dbm apply retries it)
SET LOCAL lock_timeout = '20ms';

-- CreateTable
CREATE TABLE "api_accounts" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_accounts_email_key" ON "api_accounts"("email");
