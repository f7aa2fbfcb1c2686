/** Runs the rules over parsed SQL, applies inline ignores and severity settings. */
import { parsePostgresLarge } from '../dialects/postgres/parse-large.js';
import { parsePostgres, type ParsedFile } from '../dialects/postgres/parse.js';
import { analyse, DEFAULT_SETTINGS, type LintSettings } from '../rules/context.js';
import { ALL_RULES } from '../rules/registry.js';
import type { Rule, Severity } from '../rules/rule.js';
import type { Diagnostic } from './diagnostic.js';

/** Per-rule override: turn a rule off or change its severity. Keys are dbm ids or squawk ids. */
export type RuleConfig = Readonly<Record<string, 'off' | Severity>>;

/** Options of a lint run. */
export interface LintOptions extends Partial<LintSettings> {
  readonly rules?: RuleConfig;
  /** The rules to run; all by default. */
  readonly registry?: readonly Rule[];
}

function names(rule: Rule): string[] {
  return [rule.id, ...(rule.aliases.squawk ?? [])];
}

function configured(rule: Rule, config: RuleConfig | undefined): 'off' | Severity {
  for (const name of names(rule)) {
    const v = config?.[name];
    if (v) return v;
  }
  return rule.severity;
}

/** Lints an already parsed file. */
export function lintParsed(file: ParsedFile, options: LintOptions = {}): Diagnostic[] {
  const settings: LintSettings = {
    pgVersion: options.pgVersion ?? DEFAULT_SETTINGS.pgVersion,
    assumeInTransaction: options.assumeInTransaction ?? DEFAULT_SETTINGS.assumeInTransaction,
  };
  const context = analyse(file, settings);
  const fileIgnores = new Set(file.fileIgnores);
  const out: Diagnostic[] = [];
  for (const rule of options.registry ?? ALL_RULES) {
    const severity = configured(rule, options.rules);
    const ruleNames = names(rule);
    if (severity === 'off' || fileIgnores.has('*') || ruleNames.some((n) => fileIgnores.has(n))) continue;
    const aliases = {
      ...(rule.aliases.squawk?.[0] ? { squawk: rule.aliases.squawk[0] } : {}),
      ...(rule.aliases.strongMigrations ? { strongMigrations: rule.aliases.strongMigrations } : {}),
      ...(rule.aliases.atlas ? { atlas: rule.aliases.atlas } : {}),
    };
    for (const f of rule.check(context)) {
      const ignores = f.at.statement.ignores;
      if (ignores.length && (ignores.includes('*') || ruleNames.some((n) => ignores.includes(n)))) continue;
      out.push({
        rule: rule.id,
        code: rule.code,
        severity,
        line: f.at.statement.loc.line,
        column: f.at.statement.loc.column,
        lock: f.lock ?? f.at.lock.level,
        message: f.message,
        ...(f.help ? { help: f.help } : {}),
        aliases,
      });
    }
  }
  // plain comparisons: localeCompare is far slower, and codes are ASCII
  return out.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Parses and lints PostgreSQL text. Throws SqlParseError when it does not parse. */
export function lintSql(text: string, options: LintOptions & { file?: string } = {}): { file: ParsedFile; diagnostics: Diagnostic[] } {
  const file = parsePostgres(text, options.file);
  return { file, diagnostics: lintParsed(file, options) };
}

/** Like {@link lintSql}, parsing large files on two threads. */
export async function lintSqlLarge(text: string, options: LintOptions & { file?: string } = {}): Promise<{ file: ParsedFile; diagnostics: Diagnostic[] }> {
  const file = await parsePostgresLarge(text, options.file);
  return { file, diagnostics: lintParsed(file, options) };
}
