/**
 * A translated migration as a drizzle-kit migration: `<tag>.sql` with drizzle's statement breakpoints, dbm's
 * reviewed `<tag>.down.sql` (drizzle ignores it; dbm rollback runs it), and its entry in `meta/_journal.json`
 * (the journal is created when the folder has none), numbered as drizzle-kit numbers the folder's files.
 *
 * drizzle-kit's `meta/<prefix>_snapshot.json` is NOT written: a snapshot describes the whole schema after
 * the migration, which one migration alone does not say. drizzle's migrator needs only the journal and the
 * SQL, so the migration runs; but `drizzle-kit generate` diffs the schema against the newest snapshot it
 * finds, and may repeat this migration's changes. A warning says so every time.
 */
import path from 'node:path';
import type { DrizzleJournalEntry } from '../../drizzle/read.js';
import { drizzleTag, readJournal, type DrizzlePrefix } from '../../drizzle/write.js';
import { headerLines } from './header.js';
import { snakeName } from './names.js';
import { downStatements, sqlFile } from './sql-script.js';
import type { TranslateMigrationWarning } from './types.js';
import type { MigrationWriter } from './writer.js';

/** The prefix style the folder's newest tag uses (drizzle.config `migrations.prefix`), else drizzle-kit's default. */
function prefixOf(entries: readonly DrizzleJournalEntry[]): DrizzlePrefix {
  const last = entries[entries.length - 1]?.tag ?? '';
  if (/^\d{14}_/.test(last)) return 'timestamp';
  if (/^\d{10}_/.test(last)) return 'unix';
  if (last && !/^\d+_/.test(last)) return 'none';
  return 'index';
}

/** Writes the drizzle form. */
export const writeDrizzle: MigrationWriter = async (plan, ctx) => {
  const journal = await readJournal(ctx.outDir);
  const idx = journal.entries.length;
  const { tag } = drizzleTag(idx, prefixOf(journal.entries), snakeName(ctx.name), ctx.time);
  // drizzle runs an entry only when its `when` is later than the last applied one's: never go back in time
  const latest = Math.max(0, ...journal.entries.map((e) => e.when));
  const when = Math.max(ctx.time.getTime(), latest + 1);
  const entry: DrizzleJournalEntry = { idx, version: journal.version || '7', when, tag, breakpoints: true };
  const warnings: TranslateMigrationWarning[] = [
    {
      code: 'drizzle-snapshot',
      message: `meta/${tag.split('_')[0]}_snapshot.json is not written (one migration does not describe the whole schema): drizzle's migrator runs the migration, but the next drizzle-kit generate diffs against the previous snapshot and may repeat its changes; translate the whole project (dbm translate --to drizzle) or regenerate the snapshot`,
    },
  ];
  const [outside] = plan.outsideTransaction;
  if (outside) {
    warnings.push({
      code: 'outside-transaction',
      direction: 'up',
      sql: outside.sql,
      message: `"${outside.sql}" cannot run inside a transaction, and drizzle's migrator runs every pending migration in one: apply it with dbm apply, which runs it outside one`,
    });
  }
  const sql = sqlFile(headerLines(plan, [...plan.warnings, ...warnings]), plan.up, true);
  const journalPath = path.join(ctx.outDir, 'meta', '_journal.json');
  return {
    migration: tag,
    files: [
      { path: path.join(ctx.outDir, `${tag}.sql`), text: sql },
      { path: path.join(ctx.outDir, `${tag}.down.sql`), text: sqlFile([`dbm: down migration of ${tag}, run by \`dbm rollback\` (drizzle ignores this file)`], downStatements(plan.down)) },
      { path: journalPath, text: JSON.stringify({ ...journal, entries: [...journal.entries, entry] }, null, 2) },
    ],
    warnings,
    replaces: [journalPath],
  };
};
