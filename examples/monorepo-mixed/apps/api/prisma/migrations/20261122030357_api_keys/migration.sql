-- dbm: a statement waiting for a lock gives up quickly instead of holding up all traffic behind it (dbm apply retries it)
SET LOCAL lock_timeout = '20ms';

-- CreateTable
CREATE TABLE "api_keys" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_token_key" ON "api_keys"("token");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "api_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
