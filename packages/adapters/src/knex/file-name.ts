/**
 * New migration file names as `knex migrate:make` makes them: `<YYYYMMDDHHMMSS>_<name>.<ext>`, in UTC.
 * Several files from one generate get consecutive seconds (knex runs files in name order) and say which
 * part they are; every new stamp is later than the folder's existing ones, so they run last.
 */
import { readdir } from 'node:fs/promises';

const STAMP = /^(\d{14})/;

/** knex's timestamp of a date: YYYYMMDDHHMMSS in UTC. */
export function knexStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function parseStamp(s: string): Date {
  return new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14)));
}

/** The latest stamp among the files of `dir` (none when it is missing or has no stamped files). */
async function latestStamp(dir: string): Promise<Date | undefined> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const stamps = files.map((f) => STAMP.exec(f)?.[1]).filter((s): s is string => s !== undefined).sort();
  const last = stamps[stamps.length - 1];
  return last ? parseStamp(last) : undefined;
}

/** `count` new file names for migration `name` in `dir`, in the order they must run. */
export async function newMigrationNames(dir: string, name: string, ext: string, count: number, now = new Date()): Promise<string[]> {
  const latest = await latestStamp(dir);
  const first = latest && latest.getTime() >= Math.floor(now.getTime() / 1000) * 1000 ? new Date(latest.getTime() + 1000) : now;
  return Array.from({ length: count }, (_, i) => {
    const stamp = knexStamp(new Date(first.getTime() + i * 1000));
    return `${stamp}_${name}${count > 1 ? `_${i + 1}of${count}` : ''}.${ext}`;
  });
}
