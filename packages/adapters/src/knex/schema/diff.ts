/**
 * The difference between two snapshots as SQL statements that turn the first into the second, in an
 * order that always works: new schemas and types; dropped foreign keys, constraints and indexes; new
 * tables (with the foreign keys whose targets exist); column changes; new constraints and indexes; the
 * other new foreign keys (once every table exists); dropped tables and types. Renames are not guessed:
 * a renamed column is a drop and an add, which the safety pass then reports as a hazard with its plan.
 */
import { ident, literal, qname } from '@dbm/core';
import { KnexGenerateError } from '../errors.js';
import { alterColumnSql, columnSql, createTableSql, indexSql, tableName, type DiffStatement } from './diff-table.js';
import { keyOf, type ConstraintSnapshot, type EnumSnapshot, type SchemaSnapshot, type TableSnapshot } from './snapshot.js';

const byKey = <T extends { schema: string; name: string }>(items: readonly T[]) => new Map(items.map((x) => [keyOf(x), x]));
const byName = <T extends { name: string }>(items: readonly T[]) => new Map(items.map((x) => [x.name, x]));
const typeName = (e: EnumSnapshot) => qname(tableName(e));

/** Objects the diff does not cover that differ: an error that names them. */
function checkOthers(from: SchemaSnapshot, to: SchemaSnapshot): void {
  const have = new Map(from.others.map((o) => [`${o.kind} ${o.name}`, o.def]));
  const want = new Map(to.others.map((o) => [`${o.kind} ${o.name}`, o.def]));
  const differ = [...new Set([...have.keys(), ...want.keys()])].filter((k) => have.get(k) !== want.get(k)).sort();
  if (differ.length) {
    throw new KnexGenerateError(
      `--from-schema compares tables, columns, keys, indexes and enum types; the target schema also changes ${differ.join(', ')}, ` +
        'which it does not diff yet: write that part with --from-sql (a SQL file)',
    );
  }
}

/** ADD VALUE for each new label, placed before the next label the type already has; an error for removed or reordered labels. */
function enumChanges(from: EnumSnapshot, to: EnumSnapshot): string[] {
  const kept = to.values.filter((v) => from.values.includes(v));
  if (kept.length !== from.values.length || kept.some((v, i) => v !== from.values[i])) {
    throw new KnexGenerateError(`--from-schema cannot remove or reorder the values of the enum ${keyOf(to)}: PostgreSQL cannot; write that change with --from-sql`);
  }
  return to.values.flatMap((v, i) => {
    if (from.values.includes(v)) return [];
    const next = to.values.slice(i + 1).find((x) => from.values.includes(x));
    return [`ALTER TYPE ${typeName(to)} ADD VALUE ${literal(v)}${next !== undefined ? ` BEFORE ${literal(next)}` : ''}`];
  });
}

/** Constraints of `to` that `from` lacks or defines otherwise (`changed` when both have the name). */
function constraintDelta(from: TableSnapshot | undefined, to: TableSnapshot | undefined) {
  const have = byName(from?.constraints ?? []);
  const want = byName(to?.constraints ?? []);
  const removed = [...have.values()].filter((k) => want.get(k.name)?.def !== k.def || want.get(k.name)?.type !== k.type);
  const added = [...want.values()].filter((k) => have.get(k.name)?.def !== k.def || have.get(k.name)?.type !== k.type);
  const validate = [...want.values()].filter((k) => k.validated && have.get(k.name)?.def === k.def && have.get(k.name)?.validated === false);
  return { removed, added, validate };
}

function indexDelta(from: TableSnapshot | undefined, to: TableSnapshot | undefined) {
  const have = byName(from?.indexes ?? []);
  const want = byName(to?.indexes ?? []);
  return {
    removed: [...have.values()].filter((i) => want.get(i.name)?.def !== i.def),
    added: [...want.values()].filter((i) => have.get(i.name)?.def !== i.def),
  };
}

const addConstraint = (t: TableSnapshot, k: ConstraintSnapshot) =>
  `ALTER TABLE ${qname(tableName(t))} ADD CONSTRAINT ${ident(k.name)} ${k.def}${k.validated ? '' : ' NOT VALID'}`;
const dropConstraint = (t: TableSnapshot, k: ConstraintSnapshot) => `ALTER TABLE ${qname(tableName(t))} DROP CONSTRAINT ${ident(k.name)}`;
const dropIndex = (t: TableSnapshot, name: string) => `DROP INDEX ${qname(tableName({ schema: t.schema, name }))}`;

/**
 * The statements that turn `from` into `to`. A drop of a constraint or index, a new default or type carry
 * their reverse from `from` (which the statement alone does not say), so the migration's down can undo them.
 */
export function diffSchemas(from: SchemaSnapshot, to: SchemaSnapshot): DiffStatement[] {
  checkOthers(from, to);
  const out: DiffStatement[] = [];
  const push = (...sql: string[]) => out.push(...sql.map((x) => ({ sql: x })));
  for (const s of to.schemas) if (!from.schemas.includes(s)) out.push({ sql: `CREATE SCHEMA ${ident(s)}`, reverse: [`DROP SCHEMA ${ident(s)}`] });
  const haveEnums = byKey(from.enums);
  for (const e of to.enums) {
    const had = haveEnums.get(keyOf(e));
    push(...(had ? enumChanges(had, e) : [`CREATE TYPE ${typeName(e)} AS ENUM (${e.values.map(literal).join(', ')})`]));
  }
  const have = byKey(from.tables);
  const want = byKey(to.tables);
  const kept = to.tables.filter((t) => have.has(keyOf(t)));
  const created = to.tables.filter((t) => !have.has(keyOf(t)));
  const dropped = from.tables.filter((t) => !want.has(keyOf(t)));
  const deltas = kept.map((t) => ({ from: have.get(keyOf(t))!, to: t, keys: constraintDelta(have.get(keyOf(t)), t), indexes: indexDelta(have.get(keyOf(t)), t) }));

  // foreign keys first: they may point at keys and tables about to go
  const undrop = (t: TableSnapshot, k: ConstraintSnapshot): DiffStatement => ({ sql: dropConstraint(t, k), reverse: [addConstraint(t, k)] });
  for (const d of deltas) for (const k of d.keys.removed.filter((k) => k.type === 'f')) out.push(undrop(d.from, k));
  for (const t of dropped) for (const k of t.constraints.filter((k) => k.type === 'f')) out.push(undrop(t, k));
  for (const d of deltas) {
    for (const k of d.keys.removed.filter((k) => k.type !== 'f')) out.push(undrop(d.from, k));
    for (const i of d.indexes.removed) out.push({ sql: dropIndex(d.from, i.name), reverse: [indexSql(i.def)] });
  }
  // a new table's foreign keys follow it when what they reference is already in place (knex writes them in
  // its createTable); the others wait until every table and key exists
  const ready = new Set(deltas.filter((d) => !d.keys.added.some((k) => k.type !== 'f')).map((d) => keyOf(d.to)));
  const later: [TableSnapshot, ConstraintSnapshot][] = [];
  for (const t of created) {
    ready.add(keyOf(t));
    push(createTableSql(t), ...t.indexes.map((i) => indexSql(i.def)));
    for (const k of t.constraints.filter((k) => k.type === 'f')) {
      if (k.references !== undefined && ready.has(k.references)) push(addConstraint(t, k));
      else later.push([t, k]);
    }
  }
  for (const d of deltas) {
    const cols = byName(d.from.columns);
    const next = byName(d.to.columns);
    for (const c of d.to.columns) {
      const old = cols.get(c.name);
      if (old) out.push(...alterColumnSql(d.to, old, c));
      else push(`ALTER TABLE ${qname(tableName(d.to))} ADD COLUMN ${columnSql(c)}`);
    }
    for (const c of d.from.columns) if (!next.has(c.name)) push(`ALTER TABLE ${qname(tableName(d.to))} DROP COLUMN ${ident(c.name)}`);
  }
  for (const d of deltas) {
    for (const k of d.keys.added.filter((k) => k.type !== 'f')) push(addConstraint(d.to, k));
    for (const i of d.indexes.added) push(indexSql(i.def));
    for (const k of d.keys.validate) push(`ALTER TABLE ${qname(tableName(d.to))} VALIDATE CONSTRAINT ${ident(k.name)}`);
  }
  for (const [t, k] of later) push(addConstraint(t, k));
  for (const d of deltas) for (const k of d.keys.added.filter((k) => k.type === 'f')) push(addConstraint(d.to, k));
  for (const t of dropped) push(`DROP TABLE ${qname(tableName(t))}`);
  const wantEnums = byKey(to.enums);
  for (const e of from.enums) if (!wantEnums.has(keyOf(e))) push(`DROP TYPE ${typeName(e)}`);
  return out;
}
