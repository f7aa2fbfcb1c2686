/**
 * A package's effective settings: the defaults, then the workspace root's config, then the package's,
 * then the command-line flags; a later layer wins key by key (rules and ledger fields one by one).
 */
import type { ConfigLayer, LoadedConfig, Settings } from './types.js';

/** The values a key takes when no layer sets it. */
export const DEFAULT_SETTINGS = Object.freeze({ lockTimeout: '20ms', retries: 10, pgVersion: 15 });

/** The settings the command line gives (absolute paths, rule ids); the last and strongest layer. */
export type SettingsOverrides = Partial<Omit<ConfigLayer, 'file' | 'dir'>>;

function drop<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Merges the config layers and the flags over the defaults. */
export function mergeSettings(loaded: Pick<LoadedConfig, 'layers'>, flags: SettingsOverrides = {}): Settings {
  let out: Settings = { ...DEFAULT_SETTINGS, ledger: {}, rules: {}, files: [] };
  for (const layer of [...loaded.layers, { ...flags, file: undefined, dir: undefined }]) {
    const { file, dir: _dir, ledger, rules, ...rest } = layer;
    out = {
      ...out,
      ...drop(rest),
      ledger: { ...out.ledger, ...drop(ledger ?? {}) },
      rules: { ...out.rules, ...rules },
      files: file ? [...out.files, file] : out.files,
    };
  }
  return out;
}
