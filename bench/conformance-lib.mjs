// The measurement behind bench/conformance.mjs, shared with test/conformance.test.ts.
import { readFileSync } from 'node:fs';
import { ALL_RULES, lintSql, loadPostgresParser, SqlParseError } from '@dbm/core';

/**
 * Lints every case with the case's settings and compares with squawk's expectation, for the cases whose
 * rule under test is one that some dbm rule names as its squawk alias.
 */
export async function measureConformance(path) {
  await loadPostgresParser();
  const cases = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const aliased = new Map();
  for (const rule of ALL_RULES) for (const s of rule.aliases.squawk ?? []) aliased.set(s, [...(aliased.get(s) ?? []), rule.id]);
  const byRule = {};
  const misses = [];
  const falseAlarms = [];
  let flagged = 0;
  let clean = 0;
  let hits = 0;
  for (const c of cases) {
    const dbmIds = aliased.get(c.rule_under_test);
    if (!dbmIds) continue;
    const s = (byRule[c.rule_under_test] ??= { flagged: 0, hit: 0, clean: 0, falseAlarms: 0, dbm: dbmIds });
    let fired;
    try {
      const { diagnostics } = lintSql(c.sql, {
        pgVersion: Number(c.settings?.pg_version ?? 15),
        assumeInTransaction: Boolean(c.settings?.assume_in_transaction),
      });
      fired = diagnostics.some((d) => dbmIds.includes(d.rule));
    } catch (e) {
      if (!(e instanceof SqlParseError)) throw e;
      fired = false;
    }
    if (c.expect_clean) {
      clean++;
      s.clean++;
      if (fired) {
        s.falseAlarms++;
        falseAlarms.push({ id: c.id, sql: c.sql });
      }
    } else {
      flagged++;
      s.flagged++;
      if (fired) {
        hits++;
        s.hit++;
      } else misses.push({ id: c.id, sql: c.sql });
    }
  }
  const squawkRules = new Set(cases.map((c) => c.rule_under_test)).size;
  return {
    total: cases.length,
    squawkRules,
    aliasedRules: Object.keys(byRule).length,
    flagged,
    clean,
    hits,
    recall: flagged ? hits / flagged : 0,
    falseAlarmRate: clean ? falseAlarms.length / clean : 0,
    byRule,
    misses,
    falseAlarms,
  };
}
