/**
 * What a user's `dbm.config.ts` imports: `import { defineConfig } from '@dbm/cli/config'`. A subpath of its
 * own so loading a config stays cheap: `@dbm/cli` itself pulls in yargs and every command.
 */
export { defineConfig, type DbmConfig, type RuleSetting } from '@dbm/adapters/config';
