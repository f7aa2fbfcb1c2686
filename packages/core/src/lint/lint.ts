/** Runs the rules over parsed SQL, applies inline ignores and severity settings. */
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
    if (severity === 'off' || fileIgnores.has('*') || names(rule).some((n) => fileIgnores.has(n))) continue;
    for (const f of rule.check(context)) {
      const ignores = f.at.statement.ignores;
      if (ignores.includes('*') || names(rule).some((n) => ignores.includes(n))) continue;
      out.push({
        rule: rule.id,
        code: rule.code,
        severity,
        line: f.at.statement.loc.line,
        column: f.at.statement.loc.column,
        lock: f.lock ?? f.at.lock.level,
        message: f.message,
        ...(f.help ? { help: f.help } : {}),
        aliases: {
          ...(rule.aliases.squawk?.[0] ? { squawk: rule.aliases.squawk[0] } : {}),
          ...(rule.aliases.strongMigrations ? { strongMigrations: rule.aliases.strongMigrations } : {}),
          ...(rule.aliases.atlas ? { atlas: rule.aliases.atlas } : {}),
        },
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** Parses and lints PostgreSQL text. Throws SqlParseError when it does not parse. */
export function lintSql(text: string, options: LintOptions & { file?: string } = {}): { file: ParsedFile; diagnostics: Diagnostic[] } {
  const file = parsePostgres(text, options.file);
  return { file, diagnostics: lintParsed(file, options) };
}
