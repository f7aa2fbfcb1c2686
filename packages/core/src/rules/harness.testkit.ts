/**
 * Fixture harness shared by every rule's test: each `err-*.sql` must raise the rule (snapshotted),
 * each `ok-*.sql` must not. `fix-*.sql` fixtures raise the rule too; the planner's tests prove the fix.
 * A fixture may start with `-- settings: pg=11 tx` to lint with pgVersion 11 / assumeInTransaction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { lintSql, type LintOptions } from '../lint/lint.js';
import type { Rule } from './rule.js';

/** Settings a fixture asks for in its first line. */
export function fixtureSettings(sql: string): LintOptions {
  const m = /^--\s*settings:(.*)$/m.exec(sql.split('\n')[0] ?? '');
  if (!m) return {};
  const words = m[1]!.trim().split(/\s+/);
  const pg = words.find((w) => w.startsWith('pg='));
  return {
    ...(pg ? { pgVersion: Number(pg.slice(3)) } : {}),
    ...(words.includes('tx') ? { assumeInTransaction: true } : {}),
  };
}

/** The fixtures of a rule folder, by kind. */
export function fixtures(dir: string): { name: string; kind: 'err' | 'ok' | 'fix'; sql: string }[] {
  const folder = join(dir, 'fixtures');
  return readdirSync(folder)
    .filter((f) => /^(err|ok|fix)-.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, kind: name.split('-')[0] as 'err' | 'ok' | 'fix', sql: readFileSync(join(folder, name), 'utf8') }));
}

/** Declares the standard fixture tests of a rule. `dir` is the rule's folder. */
export function describeRuleFixtures(rule: Rule, dir: string): void {
  describe(`${rule.id} fixtures`, () => {
    beforeAll(() => loadPostgresParser());
    const all = fixtures(dir);
    it('has err and ok fixtures', () => {
      expect(all.some((f) => f.kind === 'err' || f.kind === 'fix')).toBe(true);
      expect(all.some((f) => f.kind === 'ok')).toBe(true);
    });
    for (const f of all) {
      it(`${f.name} ${f.kind === 'ok' ? 'passes' : 'is flagged'}`, () => {
        const found = lintSql(f.sql, { file: f.name, ...fixtureSettings(f.sql) }).diagnostics.filter((d) => d.rule === rule.id);
        if (f.kind === 'ok') expect(found).toEqual([]);
        else {
          expect(found.length).toBeGreaterThan(0);
          expect(found.map(({ line, column, lock, message, severity, code }) => ({ line, column, code, severity, lock, message }))).toMatchSnapshot();
        }
      });
    }
  });
}
