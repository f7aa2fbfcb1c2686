/**
 * The SQL that carries what Prisma's schema language cannot say, to be appended to the baseline
 * migration after Prisma's own SQL: checks, comments, partial / expression / INCLUDE indexes, unique
 * constraints (Prisma only creates unique indexes), identity and generated columns, collations,
 * NOT NULL on a list, deferrable foreign keys. Every statement quotes every identifier.
 */
import { columnList, dotted, ident, literal, qname, serialSequenceName, type ColumnModel, type ForeignKeyModel, type IndexModel, type TableModel, type UniqueModel } from '@dbm/core';

const tableName = (t: TableModel) => qname({ schema: t.schema, name: t.name });

/** ALTER TABLE … ADD CONSTRAINT … CHECK. */
export function checkSql(t: TableModel, name: string, expr: string): string {
  return `ALTER TABLE ${tableName(t)} ADD CONSTRAINT ${ident(name)} CHECK (${expr});`;
}

/** COMMENT ON TABLE / COLUMN. */
export function commentSql(t: TableModel, column: string | undefined, comment: string): string {
  const target = column === undefined ? `TABLE ${tableName(t)}` : `COLUMN ${tableName(t)}.${ident(column)}`;
  return `COMMENT ON ${target} IS ${literal(comment)};`;
}

/** Turns the unique index Prisma built into the unique constraint the source had (same name, same index). */
export function uniqueFromIndexSql(t: TableModel, u: UniqueModel): string {
  return `ALTER TABLE ${tableName(t)} ADD CONSTRAINT ${ident(u.name)} UNIQUE USING INDEX ${ident(u.name)};`;
}

/** A unique constraint written whole (NULLS NOT DISTINCT, which a Prisma @@unique cannot carry). */
export function uniqueSql(t: TableModel, u: UniqueModel): string {
  const nulls = u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  return `ALTER TABLE ${tableName(t)} ADD CONSTRAINT ${ident(u.name)} UNIQUE${nulls} ${columnList(u.columns)};`;
}

/** CREATE INDEX, whole. */
export function indexSql(t: TableModel, ix: IndexModel): string {
  const elements = ix.elements.map((e) => {
    const value = e.expression ? `(${e.value})` : ident(e.value);
    const collate = e.collation ? ` COLLATE ${e.collation}` : '';
    const opclass = e.opclass ? ` ${dotted(e.opclass)}` : '';
    const order = e.order === 'desc' ? ' DESC' : '';
    const nulls = e.nulls ? ` NULLS ${e.nulls.toUpperCase()}` : '';
    return `${value}${collate}${opclass}${order}${nulls}`;
  });
  const method = ix.method && ix.method !== 'btree' ? ` USING ${ix.method}` : '';
  const include = ix.include?.length ? ` INCLUDE ${columnList(ix.include)}` : '';
  const nulls = ix.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const where = ix.where ? ` WHERE ${ix.where}` : '';
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${ident(ix.name)} ON ${tableName(t)}${method} (${elements.join(', ')})${include}${nulls}${where};`;
}

/** ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY, whole. */
export function foreignKeySql(t: TableModel, fk: ForeignKeyModel): string {
  const target = qname({ schema: fk.target.schema, name: fk.target.table });
  const deferrable = fk.deferrable ? ` DEFERRABLE INITIALLY ${fk.deferrable.toUpperCase()}` : '';
  return (
    `ALTER TABLE ${tableName(t)} ADD CONSTRAINT ${ident(fk.name)} FOREIGN KEY ${columnList(fk.columns)} ` +
    `REFERENCES ${target}${columnList(fk.target.columns)} ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}${deferrable};`
  );
}

/** Makes a foreign key Prisma created deferrable. */
export function deferrableSql(t: TableModel, fk: ForeignKeyModel): string {
  return `ALTER TABLE ${tableName(t)} ALTER CONSTRAINT ${ident(fk.name)} DEFERRABLE INITIALLY ${(fk.deferrable ?? 'immediate').toUpperCase()};`;
}

/** Makes a plain column an identity column (its sequence gets PostgreSQL's usual name). */
export function identitySql(t: TableModel, c: ColumnModel): string {
  // Prisma builds autoincrement() as serial: its default and sequence go before the identity comes
  const sequence = qname({ ...(t.schema !== 'public' ? { schema: t.schema } : {}), name: serialSequenceName(t.name, c.name) });
  return (
    `ALTER TABLE ${tableName(t)} ALTER COLUMN ${ident(c.name)} DROP DEFAULT;\n` +
    `DROP SEQUENCE IF EXISTS ${sequence};\n` +
    `ALTER TABLE ${tableName(t)} ALTER COLUMN ${ident(c.name)} ADD GENERATED ${(c.identity ?? 'by default').toUpperCase()} AS IDENTITY;`
  );
}

/**
 * Replaces a plain column by a generated one. PostgreSQL 15 cannot add a generation expression to an
 * existing column, so the column is dropped and added again: it moves to the end of the table.
 */
export function generatedSql(t: TableModel, c: ColumnModel): string {
  const notNull = c.nullable ? '' : ' NOT NULL';
  return (
    `ALTER TABLE ${tableName(t)} DROP COLUMN ${ident(c.name)};\n` +
    `ALTER TABLE ${tableName(t)} ADD COLUMN ${ident(c.name)} ${c.type.sql} GENERATED ALWAYS AS (${c.generated ?? ''}) STORED${notNull};`
  );
}

/** Gives a column its collation (a type change to the same type: no rewrite on an empty table). */
export function collationSql(t: TableModel, c: ColumnModel): string {
  return `ALTER TABLE ${tableName(t)} ALTER COLUMN ${ident(c.name)} TYPE ${c.type.sql} COLLATE ${dotted(c.collation ?? 'default')};`;
}

/** NOT NULL on a list column (Prisma always creates lists nullable). */
export function notNullSql(t: TableModel, c: ColumnModel): string {
  return `ALTER TABLE ${tableName(t)} ALTER COLUMN ${ident(c.name)} SET NOT NULL;`;
}

/** A column's default as the database spells it (where Prisma would spell the same value otherwise). */
export function defaultSql(t: TableModel, c: ColumnModel): string {
  return `ALTER TABLE ${tableName(t)} ALTER COLUMN ${ident(c.name)} SET DEFAULT ${c.default && 'sql' in c.default ? c.default.sql : 'NULL'};`;
}
