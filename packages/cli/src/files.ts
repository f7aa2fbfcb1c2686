/** Expands the paths a user gives into the SQL files to read. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ExitError } from './errors.js';

const SKIP = new Set(['node_modules', '.git', 'dist']);

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && entry.name.endsWith('.sql')) out.push(path);
  }
}

/** Files as given, directories searched recursively for `*.sql` (node_modules, .git and dist skipped). */
export function sqlFiles(paths: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new ExitError(`dbm: no such file or directory: ${p}`);
    }
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return [...new Set(out)].map((p) => (p.startsWith('/') ? relative(cwd, p) || p : p));
}
