/**
 * The SQL of one table's parts: a column definition, a whole CREATE TABLE, and the column changes
 * between two snapshots of the same table. A change the diff cannot express is an error, never a skip.
 */
import { compilePostgres, createIndex, ident, parsePostgres, qname, type QualifiedName } from '@dbm/core';
import { KnexGenerateError } from '../errors.js';
import type { ColumnSnapshot, TableSnapshot } from './snapshot.js';

/** One statement of the difference, and, where the catalogs tell what it replaces, the statements that undo it. */
export interface DiffStatement {
  readonly sql: string;
  readonly reverse?: readonly string[];
}

/** The table's name for SQL: unqualified in public (as the server's own deparsed definitions write it). */
export function tableName(t: { readonly schema: string; readonly name: string }): QualifiedName {
  return t.schema === 'public' ? { name: t.name } : { schema: t.schema, name: t.name };
}

/** A column definition for CREATE TABLE or ADD COLUMN. */
export function columnSql(c: ColumnSnapshot): string {
  let sql = `${ident(c.name)} ${c.serial ?? c.type}`;
  if (c.identity) sql += ` GENERATED ${c.identity.toUpperCase()} AS IDENTITY`;
  if (c.generated !== undefined) sql += ` GENERATED ALWAYS AS (${c.generated}) STORED`;
  if (c.default !== undefined) sql += ` DEFAULT ${c.default}`;
  // serial and identity columns are NOT NULL by themselves
  if (c.notNull && !c.serial && !c.identity) sql += ' NOT NULL';
  return sql;
}

/** CREATE TABLE with its columns and its constraints other than foreign keys (those come once every table exists). */
export function createTableSql(t: TableSnapshot): string {
  const parts = [
    ...t.columns.map(columnSql),
    ...t.constraints.filter((k) => k.type !== 'f').map((k) => `CONSTRAINT ${ident(k.name)} ${k.def}${k.validated ? '' : ' NOT VALID'}`),
  ];
  return `CREATE TABLE ${qname(tableName(t))} (\n  ${parts.join(',\n  ')}\n)`;
}

function unsupported(t: TableSnapshot, c: ColumnSnapshot, what: string): never {
  throw new KnexGenerateError(
    `--from-schema cannot change ${what} of ${t.schema}.${t.name}.${c.name} yet: write that change with --from-sql (a SQL file) instead`,
  );
}

/** The statements that turn column `from` into column `to` (same table, same name), each with its reverse. */
export function alterColumnSql(t: TableSnapshot, from: ColumnSnapshot, to: ColumnSnapshot): DiffStatement[] {
  const at = `ALTER TABLE ${qname(tableName(t))} ALTER COLUMN ${ident(to.name)}`;
  const out: DiffStatement[] = [];
  if (from.serial !== to.serial) unsupported(t, to, `whether it is serial`);
  if (from.generated !== to.generated) unsupported(t, to, 'the generated expression');
  // no USING: the safety pass flags the type change with its expand/contract plan either way
  if (from.type !== to.type) out.push({ sql: `${at} TYPE ${to.type}`, reverse: [`${at} TYPE ${from.type}`] });
  if (from.identity !== to.identity) {
    const identity = (i: string | undefined, other: string | undefined) =>
      !i ? `${at} DROP IDENTITY` : !other ? `${at} ADD GENERATED ${i.toUpperCase()} AS IDENTITY` : `${at} SET GENERATED ${i.toUpperCase()}`;
    out.push({ sql: identity(to.identity, from.identity), reverse: [identity(from.identity, to.identity)] });
  }
  if (from.default !== to.default) {
    const setTo = (d: string | undefined) => (d === undefined ? `${at} DROP DEFAULT` : `${at} SET DEFAULT ${d}`);
    out.push({ sql: setTo(to.default), reverse: [setTo(from.default)] });
  }
  if (from.notNull !== to.notNull && !to.identity && !to.serial) out.push({ sql: `${at} ${to.notNull ? 'SET' : 'DROP'} NOT NULL` });
  return out;
}

/**
 * A CREATE INDEX as pg_get_indexdef() writes it, in the form a person writes it: the table unqualified in
 * public and btree (the default) unsaid, so the knex migration reads `t.index(['c'], 'name')`.
 */
export function indexSql(def: string): string {
  const op = parsePostgres(def).statements[0]?.ops[0];
  if (op?.kind !== 'createIndex') return def;
  const { kind: _kind, loc: _loc, method, table, ...rest } = op;
  const plainTable = table.schema === 'public' ? { name: table.name } : table;
  return compilePostgres(createIndex({ ...rest, table: plainTable, ...(method && method !== 'btree' ? { method } : {}) }));
}
