/** `dbm rules`: the safety rules, their codes, severities and equivalents in other tools. */
import type { Argv } from 'yargs';
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import { formatOption, resolveFormat, type CommandModule } from './shared.js';

interface RulesArgs {
  format?: string;
  json?: boolean;
}

/** Prints the rule list. */
export async function runRules(args: RulesArgs): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const { ALL_RULES } = await import('@dbm/core');
  if (format === 'json') {
    const rules = ALL_RULES.map((r) => ({ id: r.id, code: r.code, severity: r.severity, summary: r.summary, aliases: r.aliases }));
    process.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
    return EXIT.ok;
  }
  const paint = painter(colorEnabled());
  for (const r of ALL_RULES) {
    const sev = r.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    const also = [...(r.aliases.squawk ?? []).map((s) => `squawk:${s}`), r.aliases.strongMigrations && `strong_migrations:${r.aliases.strongMigrations}`, r.aliases.atlas && `atlas:${r.aliases.atlas}`]
      .filter(Boolean)
      .join(', ');
    process.stdout.write(`${paint('bold', r.code)}  ${sev}  ${r.id}\n         ${r.summary}\n${also ? `         ${paint('dim', also)}\n` : ''}`);
  }
  return EXIT.ok;
}

/** The yargs command. */
export const rulesCommand: CommandModule<RulesArgs> = {
  command: 'rules',
  describe: 'List the safety rules with their codes and their squawk / strong_migrations / Atlas equivalents',
  builder: (y: Argv) => formatOption(y, ['human', 'json']) as unknown as Argv<RulesArgs>,
  run: runRules,
};
