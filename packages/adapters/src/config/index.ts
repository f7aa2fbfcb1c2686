/**
 * dbm's configuration: `dbm.config.*` or package.json's `"dbm"` key, at the workspace root and per package.
 * This entry point is light (no loader, no schema library): it is what `@dbm/adapters/config` exports.
 */
export { defineConfig } from './define.js';
export { loadConfig } from './load.js';
export { mergeSettings, DEFAULT_SETTINGS, type SettingsOverrides } from './merge.js';
export { ConfigError } from './errors.js';
export { CONFIG_FILES, PACKAGE_KEY } from './find.js';
export { isPgDuration, parsePgDuration, DURATION_FORMAT } from './duration.js';
export type { DbmConfig, RuleSetting, ConfigLayer, LoadedConfig, Settings, UrlSource } from './types.js';
