/** Whether Node (and so the ORM's CLI) treats a file as CommonJS or as an ES module. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** 'commonjs' or 'module', decided as Node decides: the extension, else the nearest package.json "type". */
export async function moduleFormat(file: string): Promise<'commonjs' | 'module'> {
  const ext = path.extname(file);
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  if (ext === '.mjs' || ext === '.mts') return 'module';
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const text = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
      } catch {
        // Node refuses to load a file under a broken package.json; the import will say so
        return 'commonjs';
      }
    }
    if (path.dirname(dir) === dir) return 'commonjs';
  }
}
