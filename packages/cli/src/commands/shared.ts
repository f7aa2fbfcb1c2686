/** Options and helpers several commands share. */
import type { Argv, Options } from 'yargs';
import { ExitError } from '../errors.js';

/** A command: yargs metadata plus a run function that returns the exit code. */
export interface CommandModule<A> {
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<A>;
  readonly run: (args: A) => Promise<number>;
  /** Commands under this one (`dbm translate migration <file>`): each runs instead of the parent when named. */
  readonly subcommands?: readonly CommandModule<never>[];
}

/** The options every verb takes. */
export const GLOBAL_OPTIONS = {
  verbose: { type: 'boolean', describe: 'Show more detail (stack traces of internal errors too)' },
} as const satisfies Record<string, Options>;

/** Prints an {@link ExitError}'s message and gives its code; anything else is rethrown. */
export function exitCodeOf(e: unknown): number {
  if (!(e instanceof ExitError)) throw e;
  process.stderr.write(`${e.message}\n`);
  return e.code;
}

/** `--format` with the given choices, and `--json` as its shorthand, as a table of options. */
export function formatOptions(choices: readonly string[]) {
  return {
    format: { type: 'string', choices: [...choices], describe: `Output format (default ${choices[0]})` },
    json: { type: 'boolean', describe: 'Shorthand for --format json' },
  } as const satisfies Record<string, Options>;
}

/** Adds {@link formatOptions}. */
export function formatOption(y: Argv, choices: string[]): Argv {
  return y.options(formatOptions(choices));
}

/** The format asked for, `--json` winning over the default. */
export function resolveFormat(args: { format?: string; json?: boolean }, choices: string[]): string {
  if (args.json && args.format && args.format !== 'json') throw new ExitError(`dbm: --json and --format ${args.format} contradict each other`);
  return args.json ? 'json' : (args.format ?? choices[0]!);
}

/** Server-version and transaction assumptions of the safety rules. */
export function pgOptions(y: Argv): Argv {
  return y
    // no default here: pgVersion in dbm.config applies when the flag is left out (then 15)
    .option('pg-version', { type: 'number', describe: 'Major version of the target PostgreSQL server (default: pgVersion in dbm.config, else 15)' })
    .option('assume-in-transaction', {
      type: 'boolean',
      default: false,
      describe: 'Lint as if the file runs inside a transaction (as most ORMs run migrations)',
    });
}

/**
 * Parses `--rule id=off|warning|error` flags, checking each rule exists; `find` takes a code (DBM101), an
 * id or an alias. Keyed by rule id, so a flag overrides the config's setting of the same rule however
 * either names it.
 */
export function ruleOverrides(
  flags: readonly string[] | undefined,
  find: (name: string) => { readonly id: string } | undefined,
): Record<string, 'off' | 'warning' | 'error'> {
  const out: Record<string, 'off' | 'warning' | 'error'> = {};
  for (const flag of flags ?? []) {
    const m = /^([\w-]+)=(off|warning|error)$/.exec(flag);
    if (!m) throw new ExitError(`dbm: --rule takes <id>=off|warning|error, got "${flag}"`);
    const rule = find(m[1]!);
    if (!rule) throw new ExitError(`dbm: no rule named "${m[1]}" (dbm rules lists them)`);
    out[rule.id] = m[2] as 'off' | 'warning' | 'error';
  }
  return out;
}
