/** The shape of dbm's configuration: what a user writes, and what dbm works with after merging. */
import type { OrmName } from '../open.js';
import type { Dialect } from '../orm-adapter.js';

/** A rule's setting: turn it off, or change its severity. */
export type RuleSetting = 'off' | 'warning' | 'error';

/**
 * What `dbm.config.ts` (or `.mts`, `.js`, `.mjs`, `.cjs`, `.json`, or package.json's `"dbm"` key) holds.
 * Every key is optional; a package's settings are the defaults, then the workspace root's config, then the
 * package's own config, then the command-line flags, each overriding the one before.
 */
export interface DbmConfig {
  /** The ORM, when detection finds none or more than one (as `--orm`). */
  orm?: OrmName;
  /** The SQL dialect, when detection gets it wrong. */
  dialect?: Dialect;
  /** The migrations folder, relative to the directory of the file that sets it (as `--dir`). */
  migrationsDir?: string;
  /** A literal database URL. Prefer {@link databaseUrlEnv}: a URL in a file is a password in a file. */
  databaseUrl?: string;
  /** The environment variable holding the database URL, e.g. `'BILLING_DATABASE_URL'`. */
  databaseUrlEnv?: string;
  /** Where the ORM's history table is, when the project moved or renamed it. */
  ledger?: { table?: string; schema?: string };
  /** lock_timeout of every step, a PostgreSQL duration such as `'20ms'` or `'2s'` (default `'20ms'`). */
  lockTimeout?: string;
  /** statement_timeout of every step, a PostgreSQL duration such as `'5min'` (default: the server's). */
  statementTimeout?: string;
  /** Attempts per step when a lock is not available (default 10). */
  retries?: number;
  /** Major version of the PostgreSQL server, 12 to 18 (default 15): picks the safe forms. */
  pgVersion?: number;
  /** Rule overrides by code (`DBM101`), id (`require-concurrent-index-creation`) or squawk alias. */
  rules?: Record<string, RuleSetting>;
  /** Workspace root only: globs of the packages dbm works on (default: every workspace package). */
  packages?: string[];
  /** Workspace root only: globs of workspace packages to leave out. */
  ignore?: string[];
}

/** Where a database URL comes from once configured: a variable to read (`env`) or a literal (`value`), and the file saying so. */
export interface UrlSource {
  readonly env?: string;
  readonly value?: string;
  readonly file: string;
}

/** One validated config file, its relative paths made absolute and its rule keys made dbm rule ids. */
export interface ConfigLayer {
  /** The file it came from (package.json for a `"dbm"` key). */
  readonly file: string;
  /** The directory of that file; relative paths in it are relative to this. */
  readonly dir: string;
  readonly orm?: OrmName;
  readonly dialect?: Dialect;
  /** Absolute. */
  readonly migrationsDir?: string;
  readonly url?: UrlSource;
  readonly ledger?: { readonly table?: string; readonly schema?: string };
  readonly lockTimeout?: string;
  readonly statementTimeout?: string;
  readonly retries?: number;
  readonly pgVersion?: number;
  /** Keyed by rule id (codes and aliases resolved). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly packages?: readonly string[];
  readonly ignore?: readonly string[];
}

/** The configuration that applies to one package, before flags: the root's layer and the package's. */
export interface LoadedConfig {
  /** The package directory asked about. */
  readonly packageDir: string;
  /** The workspace root (the package itself when it is in no workspace). */
  readonly root: string;
  /** The root's config, then the package's; either may be missing. */
  readonly layers: readonly ConfigLayer[];
}

/** A package's effective settings: defaults ← root config ← package config ← flags. */
export interface Settings {
  readonly orm?: OrmName;
  readonly dialect?: Dialect;
  readonly migrationsDir?: string;
  /** Set only when a config file or `--url` named one; otherwise the ORM's own config decides. */
  readonly url?: UrlSource;
  readonly ledger: { readonly table?: string; readonly schema?: string };
  readonly lockTimeout: string;
  readonly statementTimeout?: string;
  readonly retries: number;
  readonly pgVersion: number;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly packages?: readonly string[];
  readonly ignore?: readonly string[];
  /** The config files that contributed, root first. */
  readonly files: readonly string[];
}
