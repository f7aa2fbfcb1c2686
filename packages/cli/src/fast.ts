/**
 * The fast path of `dbm status`, the verb scripts, prompts and CI run most. Building the whole yargs CLI
 * (every verb, its options, help and validation) costs about as much as the rest of a status run. When the
 * arguments are plain — `status` and options status knows, each well-formed — they are parsed by
 * yargs-parser (the parser yargs itself uses) against the same option tables the yargs command is built
 * from, and the verb runs at once. Anything else (help, a version query, an unknown or malformed option, a
 * positional) goes to the full CLI, which answers exactly as always.
 */
import type { Options } from 'yargs';
import parse from 'yargs-parser';
import { GLOBAL_OPTIONS, exitCodeOf } from './commands/shared.js';

const camel = (key: string) => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Whether a parsed value is what the option's type and choices allow. */
function wellFormed(value: unknown, option: Options): boolean {
  const one = (v: unknown) =>
    option.type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string' && v !== '' && (!option.choices || (option.choices as readonly unknown[]).includes(v));
  return option.array ? Array.isArray(value) && value.every(one) : one(value);
}

/**
 * The arguments yargs would hand the verb's handler (each option under its own name and its camelCase
 * form), or undefined when `argv` needs the full CLI: another verb, `--help`, an unknown option, a
 * positional, an option without its value or outside its choices, a single-valued option given twice.
 */
export function fastArgs(argv: readonly string[], verb: string, table: Readonly<Record<string, Options>>): Record<string, unknown> | undefined {
  if (argv[0] !== verb) return undefined;
  const names = Object.keys(table);
  const pick = (type: string) => names.filter((n) => table[n]!.type === type && !table[n]!.array);
  const parsed = parse.detailed([...argv.slice(1)], {
    string: pick('string'),
    boolean: pick('boolean'),
    array: names.filter((n) => table[n]!.array).map((key) => ({ key, [table[key]!.type === 'boolean' ? 'boolean' : 'string']: true })),
    // as yargs declares them: --ledgerTable sets ledger-table too, which is the name handlers read
    alias: Object.fromEntries(names.filter((n) => camel(n) !== n).map((n) => [n, [camel(n)]])),
    configuration: { 'duplicate-arguments-array': true, 'strip-aliased': false },
  });
  if (parsed.error) return undefined;
  const { _: positionals, ...given } = parsed.argv;
  if (positionals.length) return undefined;
  const known = new Map(names.flatMap((n) => [[n, n] as const, [camel(n), n] as const]));
  for (const [key, value] of Object.entries(given)) {
    const name = known.get(key);
    if (!name || !wellFormed(value, table[name]!)) return undefined;
  }
  return { ...given, _: [verb], $0: 'dbm' };
}

/** Runs `argv` on its fast path and gives the exit code, or undefined when it needs the full CLI. */
export async function runFast(argv: readonly string[]): Promise<number | undefined> {
  if (argv[0] !== 'status') return undefined;
  // imported here, not at the top: the full CLI imports this module for its first check, and builds its
  // own status command when the arguments are not for the fast path
  const [{ statusCommand, STATUS_OPTIONS }, { withWorkspace }, { workspaceOptionTable }, { statusRunner }] = await Promise.all([
    import('./commands/status.js'),
    import('./workspace/hook.js'),
    import('./workspace/options.js'),
    import('./workspace/status-runner.js'),
  ]);
  const args = fastArgs(argv, 'status', { ...STATUS_OPTIONS, ...workspaceOptionTable('status'), ...GLOBAL_OPTIONS });
  if (!args) return undefined;
  try {
    return await withWorkspace(statusCommand, 'status', statusRunner).run(args as never);
  } catch (e) {
    return exitCodeOf(e);
  }
}
