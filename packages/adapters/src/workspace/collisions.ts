/**
 * Ledger collisions: packages whose ORMs keep their history in the same table of the same database.
 * The ORMs' own tools then misread each other's rows (drizzle runs nothing whose journal time is older
 * than the newest row; knex calls the other package's files missing and refuses to migrate), so each
 * collision is a warning with the fix for every package but one. A Prisma package keeps the table,
 * since Prisma cannot rename it; else the package the table is already named after.
 */
import type { Project } from '../orm-adapter.js';
import { ledgerFix, ownLedger } from './ledger-fix.js';
import { ledgerLocation } from './ledger-location.js';

/** A package with its detected project and the URL it connects with (undefined when not set). */
export interface LedgerUser {
  readonly name: string;
  readonly project: Project;
  readonly url: string | undefined;
}

/** Several packages sharing one ledger table. */
export interface LedgerCollision {
  /** host:port/name of the database. */
  readonly database: string;
  /** schema.table of the shared ledger. */
  readonly ledger: string;
  /** The package that may keep the table. */
  readonly keeps: string;
  /** Every package sharing it, `keeps` first, with the fix for each that should move (none for `keeps`). */
  readonly packages: readonly { readonly name: string; readonly orm: Project['orm']; readonly fix?: string }[];
}

/** The collisions among `users` (in their order). */
export function findLedgerCollisions(users: readonly LedgerUser[]): LedgerCollision[] {
  const groups = new Map<string, { database: string; ledger: string; users: LedgerUser[] }>();
  for (const u of users) {
    const at = ledgerLocation(u.project, u.url);
    const ledger = `${at.schema}.${at.table}`;
    const key = `${at.database}\u0000${ledger}`;
    const group = groups.get(key) ?? { database: at.database, ledger, users: [] };
    group.users.push(u);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.users.length > 1)
    .map((g) => {
      // Prisma cannot move its table; else the package whose own ledger this already is (its fix would
      // name this very table); else the first
      const named = (u: LedgerUser) => {
        const own = ownLedger(u.name, u.project.orm);
        return `${own.schema}.${own.table}` === g.ledger;
      };
      const keeps = (g.users.find((u) => u.project.orm === 'prisma') ?? g.users.find(named) ?? g.users[0]!).name;
      return {
        database: g.database,
        ledger: g.ledger,
        keeps,
        // the one that keeps the table first, then the others in their order
        packages: [...g.users]
          .sort((a, b) => Number(b.name === keeps) - Number(a.name === keeps))
          .map((u) => ({ name: u.name, orm: u.project.orm, ...(u.name === keeps ? {} : { fix: ledgerFix(u.name, u.project) }) })),
      };
    });
}

/** The names of the packages that share a ledger with `name` (empty when it has its own). */
export function ledgerSiblings(collisions: readonly LedgerCollision[], name: string): string[] {
  const c = collisions.find((x) => x.packages.some((p) => p.name === name));
  return c ? c.packages.map((p) => p.name).filter((n) => n !== name) : [];
}
