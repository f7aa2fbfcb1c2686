#!/usr/bin/env node
// The README's demo: one example project (the drizzle shop) walked through every dbm verb on an embedded
// PGlite database — no database server needed:
//   detect → status → apply → a schema change → generate (showing the safety rewrite) → apply → rollback → status
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const here = dirname(fileURLToPath(import.meta.url));
const dbm = join(here, '..', '..', 'packages', 'cli', 'bin', 'dbm.js');
const example = join(here, '..', 'drizzle-postgres');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (t) => (color ? `\u001b[1m${t}\u001b[22m` : t);

// a copy of the example to change, sharing its installed packages
const work = mkdtempSync(join(tmpdir(), 'dbm-demo-'));
cpSync(example, work, { recursive: true, filter: (src) => !src.includes('node_modules') });
symlinkSync(join(example, 'node_modules'), join(work, 'node_modules'), 'dir');

const db = new PGlite();
const port = 40000 + Math.floor(Math.random() * 20000);
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 4 });
await server.start();
const env = { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, FORCE_COLOR: color ? '1' : '0' };

let failed = false;
/** Runs one dbm command; asynchronously, because the embedded database answers from this process's event loop. */
async function step(title, args, expect = [0]) {
  console.log(`\n${bold(`== ${title}`)}\n$ dbm ${args.join(' ')}`);
  const child = spawn(process.execPath, [dbm, ...args], { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const status = await new Promise((resolve) => child.on('close', resolve));
  console.log(`(exit ${status})`);
  if (!expect.includes(status)) failed = true;
  return status;
}

try {
  await step('which ORM is this?', ['detect']);
  await step('what is pending? (exit 2: pending)', ['status'], [2]);
  await step('apply the three migrations', ['apply']);
  await db.exec(`INSERT INTO users (email, name) SELECT 'u' || g || '@example.com', 'User ' || g FROM generate_series(1, 500) g`);
  await db.exec(`INSERT INTO orders (user_id, total_cents) SELECT 1 + g % 500, g FROM generate_series(1, 5000) g`);
  await step('up to date (exit 0)', ['status']);

  console.log(`\n${bold('== a schema change')}: orders get a note column and an index on created_at`);
  const schema = join(work, 'src', 'schema.ts');
  let src = readFileSync(schema, 'utf8');
  src = src.replace("  createdAt: timestamp('created_at').defaultNow().notNull(),\n  },\n  (t) => [index('orders_user_id_idx').on(t.userId)],",
    "  createdAt: timestamp('created_at').defaultNow().notNull(),\n    note: text('note'),\n  },\n  (t) => [index('orders_user_id_idx').on(t.userId), index('orders_created_at_idx').on(t.createdAt)],");
  writeFileSync(schema, src);
  await step("generate: drizzle-kit's own migration, then dbm's safety pass", ['generate', 'order_note']);
  await step('lint the new migration (warnings only: no errors)', ['lint', 'drizzle/0003_order_note.sql']);
  await step('the plan, with the lock each statement takes', ['apply', '--dry-run']);
  await step('apply it (CONCURRENTLY runs outside any transaction: drizzle-kit migrate would fail on it)', ['apply']);
  await step('roll it back (drizzle has no rollback of its own)', ['rollback']);
  await step('pending again (exit 2)', ['status'], [2]);
  const kept = await db.query('SELECT count(*)::int AS users, (SELECT count(*)::int FROM orders) AS orders FROM users');
  console.log(`\nrows kept through apply and rollback: ${JSON.stringify(kept.rows[0])}`);
} finally {
  await server.stop();
  await db.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? '\n✗ a step did not end as expected' : `\n${bold('✓ demo complete')}: detect, status, apply, generate, lint, dry run, apply, rollback, status`);
process.exitCode = failed ? 1 : 0;
