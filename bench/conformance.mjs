#!/usr/bin/env node
// Peer conformance: runs dbm's rules over squawk's own test cases (kept in ../shared/conformance/, never
// copied here) and prints, for the cases whose squawk rule dbm aliases, recall on the flagged cases and the
// false-alarm rate on the clean ones. Usage: node bench/conformance.mjs [--json] [--cases path]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureConformance } from './conformance-lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const casesArg = args.indexOf('--cases');
const cases = casesArg >= 0 ? args[casesArg + 1] : join(here, '..', '..', 'shared', 'conformance', 'squawk-cases.jsonl');
if (!existsSync(cases)) {
  console.error(`conformance: no cases at ${cases} (expected ../shared/conformance/squawk-cases.jsonl beside the checkout)`);
  process.exit(2);
}
const r = await measureConformance(cases);
if (args.includes('--json')) {
  console.log(JSON.stringify(r, null, 2));
} else {
  console.log('squawk rule                                   flagged hit/all   clean false-alarm/all');
  for (const [rule, s] of Object.entries(r.byRule).sort()) {
    console.log(`${rule.padEnd(45)} ${`${s.hit}/${s.flagged}`.padStart(10)}   ${`${s.falseAlarms}/${s.clean}`.padStart(12)}`);
  }
  console.log('');
  for (const m of r.misses) console.log(`miss         ${m.id}`);
  for (const f of r.falseAlarms) console.log(`false alarm  ${f.id}`);
  console.log('');
  console.log(`squawk rules aliased by dbm: ${r.aliasedRules}/${r.squawkRules}; cases measured: ${r.flagged + r.clean} of ${r.total}`);
  console.log(`recall on flagged cases:     ${(r.recall * 100).toFixed(1)} % (${r.hits}/${r.flagged})   target >= 95 %`);
  console.log(`false alarms on clean cases: ${(r.falseAlarmRate * 100).toFixed(1)} % (${r.falseAlarms.length}/${r.clean})   target <= 5 %`);
}
