/**
 * Which source files were loaded while a config was evaluated: a DataSource file imports its entities,
 * a knexfile may require a settings module. ES modules are reported by the tsx loaders dbm registers
 * (their `onImport`); CommonJS files are seen as new entries of the process's require cache. A cached
 * project description is stamped with the project's own files among them (not node_modules).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const active = new Set<Set<string>>();
const requireCache = createRequire(import.meta.url).cache;
const ownFile = (file: string) => !file.includes('/node_modules/');

/** tsx's `onImport` callback: notes a file URL for every recording in progress. */
export function noteImport(url: string): void {
  if (!url.startsWith('file:')) return;
  const file = fileURLToPath(url.split('?')[0]!);
  if (ownFile(file)) for (const r of active) r.add(file);
}

/** Runs `work`, returning its result and the project files loaded meanwhile. */
export async function recordImports<T>(work: () => Promise<T>): Promise<{ result: T; files: string[] }> {
  const files = new Set<string>();
  const required = new Set(Object.keys(requireCache));
  active.add(files);
  try {
    const result = await work();
    for (const file of Object.keys(requireCache)) if (!required.has(file) && ownFile(file)) files.add(file);
    return { result, files: [...files] };
  } finally {
    active.delete(files);
  }
}
