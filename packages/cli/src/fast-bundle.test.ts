/**
 * The built bundles (dist/bundle/fast.cjs and dbm.cjs, from scripts/cached-bundles.mjs): what V8's code
 * cache can run; and the fast one no more than `dbm status` needs. Every module in it costs each status run
 * its share of reading the file and of the code cache, so what only other verbs use must stay out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { IMPORT_BINDING } from './compile-cache.js';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle');
const modules = () => JSON.parse(readFileSync(join(bundle, 'fast.modules.json'), 'utf8')) as string[];

describe.each(['fast.cjs', 'dbm.cjs'])('dist/bundle/%s', (name) => {
  const text = () => readFileSync(join(bundle, name), 'utf8');

  it('has no import() and no import.meta: a script compiled from a code cache cannot run them', async () => {
    await init;
    const [found] = parse(text());
    expect(found.map((s) => text().slice(s.ss, s.se))).toEqual([]);
    expect(text()).toContain(`${IMPORT_BINDING}(`);
  });

  it('is ASCII, so the loader reads it without decoding UTF-8', () => {
    expect(/[^\x00-\x7f]/.test(text())).toBe(false);
  });
});

describe('dist/bundle/fast.cjs', () => {
  it('holds status, detection, the ledgers and pg', () => {
    const all = modules().join('\n');
    for (const wanted of ['dist/commands/status.js', 'adapters/dist/detect.js', 'adapters/dist/knex/ledger.js', 'core/dist/execute/status.js', 'node_modules/pg/lib/client.js']) {
      expect(all).toContain(wanted);
    }
  });

  it('holds none of the other verbs: no generators, translation, planner, executor runs, parser or yargs', () => {
    const unwanted = [
      /\/generate\.js$/,
      /adapters\/dist\/translate\//,
      /core\/dist\/plan\//,
      /core\/dist\/execute\/postgres\/(apply|rollback|execute-plan|run-step|backups|restore)\.js$/,
      /libpg-query|pgsql-deparser/,
      /node_modules\/yargs\//,
      /cli\/dist\/cli\.js$|dist\/commands\/(apply|rollback|generate|lint|fix|translate)\.js$/,
      /dist\/workspace\/(exec|generate|detect)\.js$/,
    ];
    const offenders = modules().filter((m) => unwanted.some((u) => u.test(m)));
    expect(offenders).toEqual([]);
  });
});
