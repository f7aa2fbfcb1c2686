/**
 * Where a DataSource's `migrations` entries point: the folder new migrations are written to (the fixed
 * part of the first path entry) and what dbm reads (that folder when the entry is the folder or a plain
 * `<folder>/*.<ext>` pattern, else the entry itself, which typeorm/files.ts expands as TypeORM does).
 */
import path from 'node:path';

/** The migrations of a project as dbm reads and writes them. */
export interface MigrationsLocation {
  /** What `open` reads: a folder, or an absolute glob. */
  readonly read: string;
  /** Where `generate` writes. */
  readonly folder: string;
  /** The entries as the DataSource gives them, for messages. */
  readonly entries: readonly string[];
}

const GLOB = /[*?{}[\]]/;
// `*.ts`, `*.js`, `*.{ts,js}`: every migration file of one folder, which is what reading the folder gives
const PLAIN_PATTERN = /^\*(?:\.[cm]?[jt]s|\.\{[cm]?[jt]s(?:,[cm]?[jt]s)*\})?$/;

/** The location the entries name, resolved against `root`; undefined when no entry is a path. */
export function migrationsLocation(migrations: unknown, root: string): MigrationsLocation | undefined {
  const entries = (Array.isArray(migrations) ? migrations : [migrations]).filter((e): e is string => typeof e === 'string' && e.length > 0);
  const first = entries[0];
  if (first === undefined) return undefined;
  const parts = path.resolve(root, first).split(path.sep);
  const globAt = parts.findIndex((p) => GLOB.test(p));
  if (globAt < 0) return { read: parts.join(path.sep), folder: parts.join(path.sep), entries };
  const folder = parts.slice(0, globAt).join(path.sep) || path.sep;
  const rest = parts.slice(globAt);
  const plain = entries.length === 1 && rest.length === 1 && PLAIN_PATTERN.test(rest[0]!);
  return { read: plain ? folder : path.resolve(root, first), folder, entries };
}

/** The folder new migrations go to, for a migrations location dbm reads (a folder, or a glob). */
export function writeFolder(read: string): string {
  const parts = read.split(path.sep);
  const globAt = parts.findIndex((p) => GLOB.test(p));
  return globAt < 0 ? read : parts.slice(0, globAt).join(path.sep) || path.sep;
}
