/** Test helper: a temporary directory tree built from `{ path: content }`, removed by `cleanup`. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary tree; `path()` joins below it. */
export interface TempTree {
  readonly dir: string;
  path(...parts: string[]): string;
  write(files: Record<string, string>): void;
  cleanup(): void;
}

/** Creates the tree (objects as content are written as JSON). */
export function tempTree(files: Record<string, string | object> = {}): TempTree {
  // realpath: macOS-style /tmp symlinks would make path comparisons fail
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'dbm-config-')));
  const write = (more: Record<string, string | object>) => {
    for (const [path, content] of Object.entries(more)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
  };
  write(files);
  return { dir, path: (...parts) => join(dir, ...parts), write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
