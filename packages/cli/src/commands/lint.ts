/** `dbm lint <files|dirs…>`: finds lock, data-loss and breaking-change hazards in SQL migrations. */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { sqlFiles } from '../files.js';
import { colorEnabled } from '../output/color.js';
import { lintGithub } from '../output/lint-github.js';
import { lintHuman } from '../output/lint-human.js';
import { lintJson } from '../output/lint-json.js';
import { summarise, type FileReport } from '../output/lint-report.js';
import { settingsFor } from './settings.js';
import { formatOption, pgOptions, resolveFormat, ruleOverrides, type CommandModule } from './shared.js';

interface LintArgs {
  paths: string[];
  format?: string;
  json?: boolean;
  'pg-version'?: number;
  'assume-in-transaction': boolean;
  rule?: string[];
}

/** Lints the given files and returns the exit code. */
export async function runLint(args: LintArgs, write: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Promise<number> {
  const format = resolveFormat(args, ['human', 'json', 'github']);
  const files = sqlFiles(args.paths);
  const core = await import('@dbm/core');
  await core.loadPostgresParser();
  const flags = ruleOverrides(args.rule, (name) => core.ALL_RULES.find((r) => r.code === name) ?? core.findRule(name));
  // the config of the package dbm runs in (the current directory), under the flags
  const { pgVersion, rules } = await settingsFor({ 'pg-version': args['pg-version'] }, flags);
  const reports: FileReport[] = [];
  for (const path of files) reports.push(await lintOne(path));
  async function lintOne(path: string): Promise<FileReport> {
    const text = readFileSync(path, 'utf8');
    try {
      const { diagnostics } = await core.lintSqlLarge(text, {
        file: path,
        pgVersion,
        assumeInTransaction: args['assume-in-transaction'],
        rules,
      });
      return { path, diagnostics };
    } catch (e) {
      if (e instanceof core.SqlParseError) return { path, diagnostics: [], error: { message: e.message, line: e.line, column: e.column } };
      throw e;
    }
  }
  if (format === 'json') write(lintJson(reports));
  else if (format === 'github') write(lintGithub(reports));
  else write(lintHuman(reports, colorEnabled()));
  const s = summarise(reports);
  return s.failed ? EXIT.usage : s.errors ? EXIT.failure : EXIT.ok;
}

/** The yargs command. */
export const lintCommand: CommandModule<LintArgs> = {
  command: 'lint <paths..>',
  describe: 'Find lock, data-loss and breaking-change hazards in SQL migration files',
  builder: (y: Argv) =>
    pgOptions(formatOption(y, ['human', 'json', 'github']))
      .positional('paths', { type: 'string', array: true, describe: 'SQL files, or directories searched for *.sql' })
      .option('rule', { type: 'string', array: true, describe: 'Override a rule: <code or id>=off|warning|error (repeatable; wins over rules in dbm.config)' })
      .example('dbm lint prisma/migrations', 'lint every migration.sql below the folder')
      .example('dbm lint m.sql --format github', 'annotations for a GitHub Actions job')
      .epilog('Exit codes: 0 no errors, 1 errors found, 2 usage error or SQL that does not parse.\nIgnore a finding with a comment above the statement: -- dbm-ignore <rule-id> (squawk-ignore ids work too).') as unknown as Argv<LintArgs>,
  run: runLint,
};
