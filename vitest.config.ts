import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // run the workspace packages from their TypeScript sources, not from dist/
    conditions: ['dbm-source'],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
