/**
 * The config's schema (valibot) and, for every key, what it expects and a valid example: the error
 * messages are built from this table, so each one says the same three things whatever valibot found.
 */
import * as v from 'valibot';
import { ORMS } from '../orms.js';
import { DURATION_FORMAT, isPgDuration } from './duration.js';

/** What a key expects, and a line a user can copy. */
export interface KeySpec {
  readonly expected: string;
  readonly example: string;
}

const GLOBS = 'a list of package folder globs, relative to the workspace root';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every key (nested ones with a dot, a record's values with `*`), what it takes and an example. */
export const KEYS: Readonly<Record<string, KeySpec>> = {
  orm: { expected: `one of ${ORMS.map((o) => `"${o}"`).join(', ')}`, example: 'orm: "knex"' },
  dialect: { expected: 'one of "postgresql", "mysql", "sqlite"', example: 'dialect: "postgresql"' },
  migrationsDir: { expected: 'a folder, relative to the directory of this file', example: 'migrationsDir: "db/migrations"' },
  databaseUrl: { expected: 'a database URL (better: databaseUrlEnv, so no password sits in a file)', example: 'databaseUrlEnv: "DATABASE_URL"' },
  databaseUrlEnv: { expected: 'the name of an environment variable (letters, digits, _)', example: 'databaseUrlEnv: "BILLING_DATABASE_URL"' },
  ledger: { expected: 'an object with an optional table and schema', example: 'ledger: { table: "knex_migrations", schema: "public" }' },
  'ledger.table': { expected: "the name of the ORM's history table", example: 'ledger: { table: "knex_migrations" }' },
  'ledger.schema': { expected: "the schema of the ORM's history table", example: 'ledger: { schema: "public" }' },
  lockTimeout: { expected: DURATION_FORMAT, example: 'lockTimeout: "2s"' },
  statementTimeout: { expected: DURATION_FORMAT, example: 'statementTimeout: "5min"' },
  retries: { expected: 'a whole number of attempts, 0 or more', example: 'retries: 10' },
  pgVersion: { expected: 'the server major version, a whole number from 12 to 18', example: 'pgVersion: 16' },
  rules: { expected: 'an object from rule code, id or squawk alias to "off", "warning" or "error"', example: 'rules: { DBM101: "off" }' },
  'rules.*': { expected: '"off", "warning" or "error"', example: 'rules: { DBM101: "warning" }' },
  packages: { expected: GLOBS, example: 'packages: ["apps/*", "packages/*"]' },
  ignore: { expected: GLOBS, example: 'ignore: ["packages/legacy-*"]' },
};

/** Whether a string parses as a URL with a scheme (the value itself never goes into a message). */
function isUrl(text: string): boolean {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
}

/** The schema; `ruleId` maps a rule code, id or alias to its id (undefined: no such rule). */
export function configSchema(ruleId: (key: string) => string | undefined) {
  const name = v.pipe(v.string(), v.nonEmpty());
  const duration = v.pipe(v.string(), v.check(isPgDuration));
  const globs = v.array(name);
  return v.strictObject({
    orm: v.optional(v.picklist(ORMS)),
    dialect: v.optional(v.picklist(['postgresql', 'mysql', 'sqlite'] as const)),
    migrationsDir: v.optional(name),
    databaseUrl: v.optional(v.pipe(v.string(), v.check(isUrl))),
    databaseUrlEnv: v.optional(v.pipe(v.string(), v.regex(NAME))),
    ledger: v.optional(v.strictObject({ table: v.optional(name), schema: v.optional(name) })),
    lockTimeout: v.optional(duration),
    statementTimeout: v.optional(duration),
    retries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    pgVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(12), v.maxValue(18))),
    rules: v.optional(v.record(v.pipe(v.string(), v.check((k) => ruleId(k) !== undefined)), v.picklist(['off', 'warning', 'error'] as const))),
    packages: v.optional(globs),
    ignore: v.optional(globs),
  });
}

/** What the schema accepts. */
export type ValidConfig = v.InferOutput<ReturnType<typeof configSchema>>;
