/** The helper a `dbm.config.ts` uses to get its keys checked and completed by the editor. */
import type { DbmConfig } from './types.js';

/**
 * Returns its argument unchanged; its only job is the type, so `export default defineConfig({ ... })`
 * gets autocompletion and a compile error on a misspelt key.
 */
export function defineConfig(config: DbmConfig): DbmConfig {
  return config;
}
