#!/usr/bin/env node
// The README's demo: lint a Prisma-style migration, rewrite it with dbm fix, then run both the original
// and the fixed steps on two embedded PGlite databases and show they end in the same schema.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

const here = dirname(fileURLToPath(import.meta.url));
const dbm = join(here, '..', '..', 'packages', 'cli', 'bin', 'dbm.js');
const migration = join(here, 'migration.sql');
const title = (t) => console.log(`\n\u001b[1m== ${t}\u001b[22m`);

function cli(...args) {
  const r = spawnSync(process.execPath, [dbm, ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

title('dbm lint examples/lint-demo/migration.sql');
const lint = cli('lint', migration);
console.log(lint.out.trimEnd());
console.log(`(exit code ${lint.code}: 1 means hazards at error severity)`);

title('dbm fix examples/lint-demo/migration.sql');
const fixed = cli('fix', migration);
if (fixed.code !== 0) throw new Error(`dbm fix failed: ${fixed.err}`);
console.log(fixed.out.trimEnd());
const plan = JSON.parse(cli('fix', migration, '--json').out);

title('applying the original and the fixed steps to two embedded PGlite databases');
const schema = readFileSync(join(here, 'schema.sql'), 'utf8');
const original = new PGlite();
const safe = new PGlite();
await original.exec(schema);
await safe.exec(schema);
await original.exec(readFileSync(migration, 'utf8'));
for (const step of plan.steps) {
  if (step.transaction) await safe.transaction(async (tx) => { for (const s of step.statements) await tx.query(s); });
  else for (const s of step.statements) await safe.query(s);
}
const CATALOG = `
  SELECT 'index ' || indexrelid::regclass || ' valid=' || indisvalid AS item FROM pg_index WHERE indrelid = 'orders'::regclass
  UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated FROM pg_constraint WHERE conrelid = 'orders'::regclass
  UNION ALL SELECT 'column ' || attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped
  ORDER BY 1`;
const a = (await original.query(CATALOG)).rows.map((r) => r.item);
const b = (await safe.query(CATALOG)).rows.map((r) => r.item);
for (const line of b) console.log(`  ${line}`);
const same = JSON.stringify(a) === JSON.stringify(b);
console.log(same ? '\n\u2713 the fixed steps give exactly the schema the original gives, without the long locks' : '\n\u2717 the schemas differ');
await original.close();
await safe.close();
process.exitCode = same ? 0 : 1;
