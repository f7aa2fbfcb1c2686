/**
 * The files a DataSource's `migrations` entries name. TypeORM expands them with a glob library; dbm takes
 * a directory (its migration files) or the glob shapes DataSources use in practice: `*`, `?`, `{a,b}` and
 * `**` after a fixed directory part (`src/migrations/*.ts`, `dist/db/**\/*{.js,.ts}`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { statOrUndefined } from '../code/probe.js';
import { MigrationFolderError } from '../migration-folder-error.js';

/** The extensions TypeORM loads migrations from (DirectoryExportedClassesLoader); `.d.ts` excluded. */
export const TYPEORM_EXTENSIONS: readonly string[] = Object.freeze(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);

const GLOB_CHARS = /[*?{}[\]]/;

function isMigrationFile(file: string): boolean {
  return TYPEORM_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts');
}

// a glob (relative to its fixed base directory, '/'-separated) as a regular expression
function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') out += '(?:';
    else if (ch === '}') out += ')';
    else if (ch === ',') out += '|';
    else out += ch.replace(/[.+^$()|\\[\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

// synchronous, as every read of the migrations on a status run (code/probe.ts)
function walk(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive && entry.name !== 'node_modules') out.push(...walk(full, true));
    } else out.push(full);
  }
  return out;
}

/** The migration files one entry names, sorted by path. */
function expand(entry: string, cwd: string): string[] {
  const normalized = entry.replace(/\\/g, '/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = path.resolve(cwd, firstGlob < 0 ? normalized : parts.slice(0, firstGlob).join('/') || '.');
  if (!statOrUndefined(base)?.isDirectory()) {
    throw new MigrationFolderError(`TypeORM migrations directory not found: ${base} (from the DataSource's migrations entry "${entry}")`, base);
  }
  if (firstGlob < 0) return walk(base, false).filter(isMigrationFile).sort();
  const rest = parts.slice(firstGlob).join('/');
  const re = globRegex(rest);
  const files = walk(base, rest.includes('/') || rest.includes('**'));
  return files
    .filter((f) => re.test(path.relative(base, f).split(path.sep).join('/')) && isMigrationFile(f))
    .sort();
}

/** Every migration file the entries name, each once, in entry order then path order. */
export async function typeormMigrationFiles(entries: readonly string[], cwd: string): Promise<string[]> {
  const seen = new Set<string>();
  for (const entry of entries) for (const f of expand(entry, cwd)) seen.add(f);
  return [...seen];
}
