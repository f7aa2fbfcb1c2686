/**
 * The hazardous migrations, each written the way an ORM's generator writes it, with the SQL that puts
 * the table back the way the seed left it, so every run starts from the same state.
 */

/** @typedef {{ name: string, sql: string, revert: string }} Scenario */

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: 'create-index',
    sql: 'CREATE INDEX "orders_user_id_idx" ON "orders"("user_id");',
    revert: 'DROP INDEX IF EXISTS orders_user_id_idx',
  },
  {
    name: 'unique',
    sql: 'ALTER TABLE "orders" ADD CONSTRAINT "orders_note_key" UNIQUE ("note");',
    revert: 'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_key; DROP INDEX IF EXISTS orders_note_key',
  },
  {
    name: 'foreign-key',
    sql: 'ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;',
    revert: 'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_user_id_fkey',
  },
  {
    name: 'check',
    sql: 'ALTER TABLE "orders" ADD CONSTRAINT "orders_total_check" CHECK ("total" >= 0);',
    revert: 'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check',
  },
  {
    name: 'set-not-null',
    sql: 'ALTER TABLE "orders" ALTER COLUMN "status" SET NOT NULL;',
    revert: 'ALTER TABLE orders ALTER COLUMN status DROP NOT NULL; ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_not_null_tmp',
  },
  {
    name: 'add-column-default',
    sql: 'ALTER TABLE "orders" ADD COLUMN "token" uuid NOT NULL DEFAULT gen_random_uuid();',
    revert: 'ALTER TABLE orders DROP COLUMN IF EXISTS token',
  },
  {
    name: 'drop-index',
    sql: 'DROP INDEX "orders_status_idx";',
    revert: 'CREATE INDEX IF NOT EXISTS orders_status_idx ON orders (status)',
  },
];

/** The scenarios named in `list` (comma-separated), in the order above; all when `list` is empty. */
export function pickScenarios(list) {
  if (!list) return SCENARIOS;
  const wanted = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return SCENARIOS.filter((s) => wanted.includes(s.name));
}
