/**
 * The schema files of a drizzle config, expanded as drizzle-kit expands them (`prepareFilenames`):
 * each entry is a file, a folder (its files, not its subfolders) or a glob (`*`, `**`, `?`, `{a,b}`);
 * only .ts/.js/.mts/.cts/.mjs/.cjs files count. Paths are relative to the package.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { DrizzleProjectError } from './errors.js';

const SCRIPT = /\.(?:[cm]?ts|[cm]?js)$/;
const MAGIC = /[*?{[]/;

/** A glob as a regular expression over '/'-separated paths. */
function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, a trailing `**` anything
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function walk(dir: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = rel ? `${rel}/${e.name}` : e.name;
    out.push(path);
    if (e.isDirectory()) await walk(join(dir, e.name), path, out);
  }
}

async function expand(root: string, entry: string): Promise<string[]> {
  const pattern = entry.split(sep).join('/').replace(/^\.\//, '');
  if (!MAGIC.test(pattern)) return [resolve(root, entry)];
  // walk from the part of the pattern before its first wildcard
  const parts = pattern.split('/');
  const fixed = parts.slice(0, parts.findIndex((p) => MAGIC.test(p))).join('/');
  const base = resolve(root, fixed);
  const found: string[] = [];
  await walk(base, '', found);
  const re = globRegex(pattern.slice(fixed ? fixed.length + 1 : 0));
  return found.filter((p) => re.test(p)).map((p) => join(base, p));
}

/** The schema files, absolute and sorted; a clear error when there are none. */
export async function drizzleSchemaFiles(root: string, schema: string | readonly string[] | undefined, configName: string): Promise<string[]> {
  const entries = typeof schema === 'string' ? [schema] : [...(schema ?? [])];
  if (!entries.length) throw new DrizzleProjectError(`${configName} has no "schema": point it at the file(s) that define the tables, e.g. schema: './src/schema.ts'`);
  const files = new Set<string>();
  for (const entry of entries) {
    for (const path of await expand(root, entry)) {
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile()) files.add(path);
      else if (info?.isDirectory()) {
        for (const f of await readdir(path, { withFileTypes: true })) if (f.isFile()) files.add(join(path, f.name));
      }
    }
  }
  const scripts = [...files].filter((f) => SCRIPT.test(f)).sort();
  if (!scripts.length) {
    throw new DrizzleProjectError(`no schema files found for "schema" ${entries.map((e) => `'${e}'`).join(', ')} in ${configName}: it must name .ts or .js files, folders or globs relative to ${root}`);
  }
  return scripts;
}
