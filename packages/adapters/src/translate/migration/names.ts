/**
 * Migration names across forms: each ORM stamps its files differently (knex and Prisma `YYYYMMDDHHMMSS_`,
 * drizzle `0000_`, TypeORM a 13-digit millisecond suffix on the class), so a name is reduced to its words
 * and rebuilt in the target's idiom, and the stamp becomes a time.
 */

/** The words of a name: `CreateUsersAndProducts`, `create_users-and products` → create, users, and, products. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `create_users`: knex, Prisma and drizzle file names. */
export function snakeName(name: string): string {
  return nameWords(name).join('_') || 'migration';
}

/** `CreateUsers`: a TypeORM class name (a leading digit gets a prefix, as a class name cannot start with one). */
export function pascalName(name: string): string {
  const out = nameWords(name)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  if (!out) return 'Migration';
  return /^[A-Za-z]/.test(out) ? out : `M${out}`;
}

/** A `YYYYMMDDHHMMSS` stamp (UTC, as knex and Prisma write it) as a time; undefined when it is not one. */
export function stampTime(stamp: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(t.getTime()) ? undefined : t;
}

/** A file or folder name split into its stamp (as a time, when it has one) and its name. */
export function splitStamped(base: string): { name: string; time?: Date } {
  const m = /^(\d{14})_(.+)$/.exec(base);
  const time = m ? stampTime(m[1]!) : undefined;
  if (m && time) return { name: m[2]!, time };
  // drizzle's index prefix (0000_users) orders files but is no time
  const indexed = /^\d+_(.+)$/.exec(base);
  return { name: indexed ? indexed[1]! : base };
}
