/**
 * Prisma's migration folder names: `<YYYYMMDDHHMMSS>_<name>`, the timestamp in UTC as the schema
 * engine writes it. Folders sort by name, so dbm never names a new one before the last existing one.
 */

/** `YYYYMMDDHHMMSS` in UTC. */
export function prismaTimestamp(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The time a folder name starts with, if it starts with Prisma's timestamp. */
function stampOf(folder: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(folder);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Names for the folders of one generate: the first `<stamp>_<name>`, the n-th (n ≥ 2) one second later
 * each, `<stamp+n-1>_<name>_<n>`. The first stamp is `now`, or one second after the newest existing
 * folder when that is later (a clock behind the history must not put the new migration before it).
 */
export function migrationNamer(existing: readonly string[], name: string, now: Date): (index: number) => string {
  const newest = Math.max(-Infinity, ...existing.map(stampOf).filter((t): t is number => t !== undefined));
  const base = Math.max(Math.floor(now.getTime() / 1000) * 1000, newest + 1000);
  return (index) => `${prismaTimestamp(new Date(base + index * 1000))}_${name}${index ? `_${index + 1}` : ''}`;
}
