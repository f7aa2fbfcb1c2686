/**
 * Signs of TypeORM in a package: `typeorm` among its package.json dependencies, and a DataSource file
 * where projects keep one (src/data-source.ts, data-source.ts, src/data-source.js, ormconfig.*), else any
 * file under src/ that constructs `new DataSource(`. Nothing is loaded here: detection stays cheap.
 */
import path from 'node:path';
import { entriesOrUndefined, textOrUndefined } from '../code/probe.js';
import type { Evidence } from '../orm-adapter.js';

/** The DataSource file names looked for first, relative to the package root, in this order. */
export const DATA_SOURCE_CANDIDATES: readonly string[] = Object.freeze([
  'src/data-source.ts',
  'data-source.ts',
  'src/data-source.js',
  'data-source.js',
  'src/data-source.mts',
  'src/data-source.mjs',
  'ormconfig.ts',
  'ormconfig.js',
  'ormconfig.mjs',
  'ormconfig.cjs',
]);

const SOURCE_FILE = /\.(?:[cm]?ts|[cm]?js)$/;
const CONSTRUCTS = /new\s+DataSource\s*\(/;
// a src/ tree is walked to this depth at most: a DataSource lives near the top
const MAX_DEPTH = 4;

function scan(dir: string, depth: number): string | undefined {
  const entries = entriesOrUndefined(dir) ?? [];
  // code-unit order: a stable order is all that is wanted here, and localeCompare's first call builds ICU's
  // collator (~6 ms of every verb run in a package with a src/ folder)
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isFile() && SOURCE_FILE.test(e.name) && !e.name.endsWith('.d.ts') && CONSTRUCTS.test(textOrUndefined(full) ?? '')) return full;
  }
  if (depth >= MAX_DEPTH) return undefined;
  for (const e of entries) {
    if (!e.isDirectory() || e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'migrations') continue;
    const found = scan(path.join(dir, e.name), depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The package's DataSource file, absolute; undefined when there is none. */
export function findDataSourceFile(root: string): string | undefined {
  const file = DATA_SOURCE_CANDIDATES.map((candidate) => path.join(root, candidate)).find(
    // an ormconfig or data-source file that is not TypeORM's (another tool's) does not count
    (file) => /DataSource|typeorm/.test(textOrUndefined(file) ?? ''),
  );
  return file ?? scan(path.join(root, 'src'), 0);
}

/** Whether package.json lists typeorm (in any dependency field). */
function dependsOnTypeOrm(root: string): boolean {
  const text = textOrUndefined(path.join(root, 'package.json'));
  if (text === undefined) return false;
  try {
    const pkg = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
    return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((f) => Boolean(pkg[f]?.typeorm));
  } catch {
    return false;
  }
}

/** The evidence of TypeORM in `root`, or undefined when there is none. */
export async function detectTypeOrm(root: string): Promise<Evidence | undefined> {
  const reasons: string[] = [];
  if (dependsOnTypeOrm(root)) reasons.push('package.json depends on typeorm');
  const file = findDataSourceFile(root);
  if (file) reasons.push(`DataSource in ${path.relative(root, file)}`);
  return reasons.length ? { orm: 'typeorm', reasons } : undefined;
}
