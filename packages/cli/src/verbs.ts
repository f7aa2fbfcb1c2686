/** dbm's verbs, by name: what the loader names a verb's code cache by (bundle-loader.ts), before any CLI is loaded. */
export const VERBS = ['detect', 'status', 'generate', 'apply', 'rollback', 'lint', 'fix', 'rules', 'translate'] as const;
