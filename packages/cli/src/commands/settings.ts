/**
 * The settings a verb runs with: the package's config (dbm.config.* or package.json "dbm", its workspace
 * root's first) under the flags given on the command line. Flags have no yargs defaults, so a flag left
 * out means "not given" and the config or the default applies.
 */
import type { LoadedConfig, RuleSetting, Settings, SettingsOverrides } from '@dbm/adapters/config';
import { resolve } from 'node:path';
import { EXIT, ExitError } from '../errors.js';

/** The flags that override config keys (every one optional). */
export interface SettingFlags {
  project?: string;
  orm?: string;
  dir?: string;
  'ledger-table'?: string;
  'ledger-schema'?: string;
  'lock-timeout'?: string;
  'statement-timeout'?: string;
  retries?: number;
  'pg-version'?: number;
}

/** One load per package directory per run: resolveProject and the executor options share it. */
const loaded = new Map<string, Promise<LoadedConfig>>();

async function checkFlags(args: SettingFlags): Promise<void> {
  const { isPgDuration } = await import('../light.js');
  for (const flag of ['lock-timeout', 'statement-timeout'] as const) {
    const value = args[flag];
    if (value !== undefined && !isPgDuration(value)) {
      throw new ExitError(`dbm: --${flag} takes a duration like 2s, 500ms or 1min (a number with an optional unit us, ms, s, min, h or d), got "${value}"`);
    }
  }
  if (args.retries !== undefined && !(Number.isInteger(args.retries) && args.retries >= 0)) {
    throw new ExitError(`dbm: --retries takes a whole number of attempts, 0 or more, e.g. --retries 10`);
  }
  if (args['pg-version'] !== undefined && !Number.isInteger(args['pg-version'])) {
    throw new ExitError(`dbm: --pg-version takes the server's major version, e.g. --pg-version 16`);
  }
}

/** The effective settings for `--project` (default: the current directory); `rules` are the `--rule` flags, by rule id. */
export async function settingsFor(args: SettingFlags, rules: Readonly<Record<string, RuleSetting>> = {}): Promise<Settings> {
  const config = await import('../light.js');
  await checkFlags(args);
  const dir = resolve(args.project ?? '.');
  if (!loaded.has(dir)) loaded.set(dir, config.loadConfig(dir));
  let layers: LoadedConfig;
  try {
    layers = await loaded.get(dir)!;
  } catch (e) {
    if (e instanceof config.ConfigError) throw new ExitError(`dbm: ${e.message}`, EXIT.usage);
    throw e;
  }
  const flags: SettingsOverrides = {
    orm: args.orm as SettingsOverrides['orm'],
    migrationsDir: args.dir === undefined ? undefined : resolve(args.dir),
    ledger: { table: args['ledger-table'], schema: args['ledger-schema'] },
    lockTimeout: args['lock-timeout'],
    statementTimeout: args['statement-timeout'],
    retries: args.retries,
    pgVersion: args['pg-version'],
    rules,
  };
  return config.mergeSettings(layers, flags);
}
