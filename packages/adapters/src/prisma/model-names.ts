/**
 * Names on both sides of a Prisma schema: the idiomatic Prisma name for a table (singular PascalCase),
 * a column (camelCase) or an enum value, and the database names Prisma gives constraints nobody named,
 * so the writer adds `@map` / `@@map` / `map:` exactly when the two differ.
 */
import pluralize from 'pluralize';

/** A valid Prisma identifier (models, fields, enums, enum values). */
export const PRISMA_IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

const words = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => (s === s.toUpperCase() ? s.toLowerCase() : s.charAt(0).toLowerCase() + s.slice(1));

/** A name that starts with a digit (or has no letters) gets a prefix so Prisma accepts it. */
function valid(name: string, prefix: string): string {
  if (name === '') return prefix;
  return /^[A-Za-z]/.test(name) ? name : `${prefix}${upperFirst(name)}`;
}

/** `order_items` → `OrderItems`, `OrderStatus` kept. */
export function pascalCase(s: string): string {
  return valid(words(s).map(upperFirst).join(''), 'N');
}

/** `created_at` → `createdAt`, `userId` kept, `URL` → `url`. */
export function camelCase(s: string): string {
  const parts = words(s);
  return valid(parts.map((w, i) => (i === 0 ? lowerFirst(w) : upperFirst(w))).join(''), 'n');
}

/** The model name for a table: `users` → `User`, `order_items` → `OrderItem`. */
export function modelNameFor(table: string): string {
  return pascalCase(pluralize.singular(table));
}

/** The relation list field for many rows of `model`: `OrderItem` → `orderItems`. */
export function listFieldFor(model: string): string {
  return camelCase(pluralize.plural(model));
}

/** An enum value as a Prisma identifier (`in-progress` → `in_progress`); the caller maps it back when it differs. */
export function enumValueName(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return valid(cleaned, 'v');
}

/** Reserves names within one scope, suffixing a number when one is taken. */
export class NameScope {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.used.add(t.toLowerCase());
  }

  /** `wanted`, or `wanted2`, `wanted3`… — the first one free (Prisma compares model names case-insensitively). */
  take(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }
}

const MAX_BYTES = 63;

/** `s` cut to at most `max` UTF-8 bytes, never inside a character. */
function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * The name Prisma gives a constraint or index without `map:`: `<table>_<columns>_<suffix>` (the primary
 * key has no columns), the part before the suffix cut so the whole fits PostgreSQL's 63 bytes.
 * Suffixes: `pkey`, `key` (unique), `idx`, `fkey`. Checked against the engine's SQL in model-write.test.ts.
 */
export function prismaConstraintName(table: string, columns: readonly string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey'): string {
  const base = columns.length ? `${table}_${columns.join('_')}` : table;
  return `${clip(base, MAX_BYTES - suffix.length - 1)}_${suffix}`;
}
