/**
 * drizzle-kit's diff of two snapshots, made non-interactive. When one diff both adds and removes
 * objects of a kind (tables, columns of one table, enums, schemas, sequences, views, roles, policies),
 * drizzle-kit asks whether each added one is a rename of a removed one — through a terminal prompt
 * that hangs a script, or fails without a terminal. dbm never asks: it treats every such pair as a new
 * object and a dropped one, by diffing in two passes that each only add or only remove:
 * previous → (current + everything removed) → current. Each pair is reported, so the user can write
 * a rename by hand (drizzle-kit generate in a terminal) when that is what was meant.
 */
import { DrizzleProjectError } from './errors.js';
import type { DrizzleKitApi, PgSnapshot } from './kit-api.js';

/** Kinds drizzle-kit resolves by name across the whole snapshot. */
const TOP_KINDS = ['schemas', 'enums', 'sequences', 'roles', 'tables', 'policies', 'views'] as const;
/** Kinds drizzle-kit resolves within each table both snapshots have. */
const TABLE_KINDS = ['columns', 'policies'] as const;

/** A place where drizzle-kit would have asked about renames. */
export interface RenameQuestion {
  /** 'tables', 'columns', 'enums'… */
  readonly kind: string;
  /** The table, for columns and table policies. */
  readonly table?: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

type Items = Record<string, unknown>;
const itemsOf = (snap: PgSnapshot, kind: string): Items => (snap[kind] as Items | undefined) ?? {};
const missingFrom = (a: Items, b: Items) => Object.keys(a).filter((k) => !(k in b));

/** Where a diff from `prev` to `cur` would make drizzle-kit prompt. */
export function renameQuestions(prev: PgSnapshot, cur: PgSnapshot): RenameQuestion[] {
  const out: RenameQuestion[] = [];
  const ask = (kind: string, before: Items, after: Items, table?: string) => {
    const added = missingFrom(after, before);
    const removed = missingFrom(before, after);
    if (added.length && removed.length) out.push({ kind, ...(table ? { table } : {}), added, removed });
  };
  for (const kind of TOP_KINDS) ask(kind, itemsOf(prev, kind), itemsOf(cur, kind));
  const before = itemsOf(prev, 'tables');
  const after = itemsOf(cur, 'tables');
  for (const [key, table] of Object.entries(after)) {
    const old = before[key] as Items | undefined;
    if (!old) continue;
    for (const kind of TABLE_KINDS) ask(kind, (old[kind] as Items | undefined) ?? {}, ((table as Items)[kind] as Items | undefined) ?? {}, key);
  }
  return out;
}

/** `cur` plus every object `prev` has and `cur` lacks: the diff to it only adds, the diff from it only removes. */
function withRemovedKept(prev: PgSnapshot, cur: PgSnapshot): PgSnapshot {
  const mid: PgSnapshot = structuredClone(cur);
  for (const kind of TOP_KINDS) {
    const before = itemsOf(prev, kind);
    const target = { ...itemsOf(mid, kind) };
    for (const key of missingFrom(before, target)) target[key] = structuredClone(before[key]);
    mid[kind] = target;
  }
  const before = itemsOf(prev, 'tables');
  for (const [key, table] of Object.entries(itemsOf(cur, 'tables'))) {
    const old = before[key] as Items | undefined;
    if (!old) continue;
    const merged = itemsOf(mid, 'tables')[key] as Items;
    for (const kind of TABLE_KINDS) {
      const target = { ...((table as Items)[kind] as Items | undefined) };
      const was = (old[kind] as Items | undefined) ?? {};
      for (const name of missingFrom(was, target)) target[name] = structuredClone(was[name]);
      merged[kind] = target;
    }
  }
  return mid;
}

/** Runs drizzle-kit's diff with no terminal, so a prompt dbm did not foresee fails instead of waiting. */
async function withoutTerminal<T>(work: () => Promise<T>): Promise<T> {
  const out = process.stdout as { isTTY?: boolean };
  const was = out.isTTY;
  if (was) out.isTTY = false;
  try {
    return await work();
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    if (/TTY|prompt/i.test(message)) throw new DrizzleProjectError(`drizzle-kit wanted to ask a question dbm cannot answer (${message}); run drizzle-kit generate in a terminal for this change`);
    throw e;
  } finally {
    if (was) out.isTTY = was;
  }
}

/** The SQL statements from `prev` to `cur` (as drizzle-kit writes them), and the rename questions dbm answered "no". */
export async function drizzleDiff(api: DrizzleKitApi, prev: PgSnapshot, cur: PgSnapshot): Promise<{ statements: string[]; questions: RenameQuestion[] }> {
  const questions = renameQuestions(prev, cur);
  const statements = await withoutTerminal(async () => {
    if (!questions.length) return api.generateMigration(prev, cur);
    const mid = withRemovedKept(prev, cur);
    return [...(await api.generateMigration(prev, mid)), ...(await api.generateMigration(mid, cur))];
  });
  return { statements, questions };
}
