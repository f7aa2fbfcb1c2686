/**
 * The built fast bundle (dist/bundle/fast.cjs, from scripts/bundle.mjs): what V8's code cache can run, and
 * no more than `dbm status` needs. Every module in it costs each status run its share of reading the file
 * and of the code cache, so what only other verbs use must stay out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { IMPORT_BINDING } from './compile-cache.js';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle');
const source = () => readFileSync(join(bundle, 'fast.cjs'), 'utf8');
const modules = () => JSON.parse(readFileSync(join(bundle, 'fast.modules.json'), 'utf8')) as string[];

describe('dist/bundle/fast.cjs', () => {
  it('has no import() and no import.meta: a script compiled from a code cache cannot run them', async () => {
    await init;
    const [found] = parse(source());
    expect(found.map((s) => source().slice(s.ss, s.se))).toEqual([]);
    expect(source()).toContain(`${IMPORT_BINDING}(`);
  });

  it('is ASCII, so the loader reads it without decoding UTF-8', () => {
    expect(/[^\x00-\x7f]/.test(source())).toBe(false);
  });

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
