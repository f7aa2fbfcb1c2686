/**
 * Checks one config source against the schema and turns it into a {@link ConfigLayer}. Every problem is
 * reported at once, each naming the key path, what it expects, what it got and a valid example.
 */
import { resolve } from 'node:path';
import * as v from 'valibot';
import { ConfigError } from './errors.js';
import { PACKAGE_KEY, type ConfigSource } from './find.js';
import { configSchema, KEYS, type ValidConfig } from './schema.js';
import type { ConfigLayer, RuleSetting } from './types.js';

type Issue = v.BaseIssue<unknown>;

/** A value as a message shows it; URLs never (they may hold a password). */
function shown(value: unknown, secret: boolean): string {
  if (secret) return 'a value that is not a URL';
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The message for a config that is not an object at all. */
function notAnObject(input: unknown, prefix: string): string {
  const example = prefix ? `"${PACKAGE_KEY}": { "lockTimeout": "2s" }` : 'export default defineConfig({ lockTimeout: "2s" })';
  return `${prefix ? PACKAGE_KEY : '(the file)'}: expected an object of settings, got ${shown(input, false)}; for example ${example}`;
}

function line(issue: Issue, prefix: string): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => String(p.key));
  const where = `${prefix}${keys.join('.')}`;
  const last = path[path.length - 1];
  if (!last) return notAnObject(issue.input, prefix);
  const parent = keys.slice(0, -1).join('.');
  if (last.origin === 'key' && parent === 'rules') {
    return `${where}: no rule has the code, id or squawk alias "${last.key}" (dbm rules lists them); for example ${KEYS.rules!.example}`;
  }
  if (last.origin === 'key') {
    const known = parent === 'ledger' ? ['table', 'schema'] : Object.keys(KEYS).filter((k) => !k.includes('.'));
    return `${where}: unknown key; expected one of ${known.join(', ')}; for example ${KEYS[parent || 'lockTimeout']!.example}`;
  }
  // a record's values share one spec; an array's items are reported against the array's key
  const spec = (keys[0] === 'rules' && keys.length === 2 ? KEYS['rules.*'] : KEYS[keys.slice(0, 2).join('.')]) ?? KEYS[keys[0]!]!;
  return `${where}: expected ${spec.expected}, got ${shown(issue.input, keys[0] === 'databaseUrl')}; for example ${spec.example}`;
}

function fail(source: ConfigSource, lines: string[]): never {
  const where = source.kind === 'package.json' ? `the "${PACKAGE_KEY}" key of ${source.file}` : source.file;
  throw new ConfigError(`invalid configuration in ${where}:\n${lines.map((l) => `  ${l}`).join('\n')}`, source.file);
}

/** The rule resolver: a code (DBM101), an id or a squawk alias to the rule's id. Loads the rules only when needed. */
async function ruleResolver(raw: unknown): Promise<(key: string) => string | undefined> {
  if (!raw || typeof raw !== 'object' || !('rules' in raw)) return () => undefined;
  const { ALL_RULES, findRule } = await import('@dbm/core/rules');
  return (key) => ALL_RULES.find((r) => r.code === key)?.id ?? findRule(key)?.id;
}

/** Validates what one source holds; throws a {@link ConfigError} listing every problem. */
export async function validateConfig(raw: unknown, source: ConfigSource): Promise<ConfigLayer> {
  const prefix = source.kind === 'package.json' ? `${PACKAGE_KEY}.` : '';
  // valibot's object schemas take an array for an object with keys "0", "1"...: refuse it here
  if (Array.isArray(raw)) fail(source, [notAnObject(raw, prefix)]);
  const ruleId = await ruleResolver(raw);
  const result = v.safeParse(configSchema(ruleId), raw, { abortEarly: false });
  if (!result.success) fail(source, result.issues.map((i) => line(i, prefix)));
  const c: ValidConfig = result.output;
  const problems: string[] = [];
  if (c.databaseUrl !== undefined && c.databaseUrlEnv !== undefined) {
    problems.push(`${prefix}databaseUrl, ${prefix}databaseUrlEnv: set one of them, not both; for example ${KEYS.databaseUrlEnv!.example}`);
  }
  const rules: Record<string, RuleSetting> = {};
  const keyOf: Record<string, string> = {};
  for (const [key, setting] of Object.entries(c.rules ?? {})) {
    const id = ruleId(key)!;
    if (keyOf[id] !== undefined && rules[id] !== setting) {
      problems.push(`${prefix}rules.${key}: names the same rule as rules.${keyOf[id]} (${id}) with another setting; keep one of them`);
    }
    keyOf[id] = key;
    rules[id] = setting;
  }
  if (problems.length) fail(source, problems);
  const { databaseUrl, databaseUrlEnv, migrationsDir, rules: _rules, ...rest } = c;
  const url = databaseUrlEnv !== undefined ? { env: databaseUrlEnv, file: source.file } : databaseUrl !== undefined ? { value: databaseUrl, file: source.file } : undefined;
  return {
    file: source.file,
    dir: source.dir,
    ...rest,
    ...(migrationsDir !== undefined ? { migrationsDir: resolve(source.dir, migrationsDir) } : {}),
    ...(url ? { url } : {}),
    ...(c.rules ? { rules } : {}),
  };
}
