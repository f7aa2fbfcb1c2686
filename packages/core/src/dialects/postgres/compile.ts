/**
 * Operations → PostgreSQL SQL. Every identifier is quoted; expressions are written as the parser's
 * deparser gave them. The inverse of parse: parse(compile(ops)) yields ops again.
 */
import type {
  ColumnDef,
  ForeignKeyTarget,
  IndexElement,
  InlineConstraint,
  TableConstraint,
} from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { visit, type Visitor } from '../../operations/visit.js';
import { columnList, dotted, ident, literal, qname } from './quote.js';

const alter = (table: Parameters<typeof qname>[0]) => `ALTER TABLE ${qname(table)}`;
const named = (name?: string) => (name === undefined ? '' : `CONSTRAINT ${ident(name)} `);
const opt = (cond: unknown, text: string) => (cond ? text : '');

/** REFERENCES clause of a foreign key. */
function references(t: ForeignKeyTarget): string {
  return [
    `REFERENCES ${qname(t.table)}${t.columns.length ? ` ${columnList(t.columns)}` : ''}`,
    opt(t.match, `MATCH ${t.match?.toUpperCase()}`),
    opt(t.onDelete, `ON DELETE ${t.onDelete?.toUpperCase()}`),
    opt(t.onUpdate, `ON UPDATE ${t.onUpdate?.toUpperCase()}`),
    opt(t.deferrable, `DEFERRABLE INITIALLY ${t.deferrable?.toUpperCase()}`),
  ]
    .filter(Boolean)
    .join(' ');
}

function inline(c: InlineConstraint): string {
  switch (c.type) {
    case 'primaryKey':
      return `${named(c.name)}PRIMARY KEY`;
    case 'unique':
      return `${named(c.name)}UNIQUE${opt(c.nullsNotDistinct, ' NULLS NOT DISTINCT')}`;
    case 'check':
      return `${named(c.name)}CHECK (${c.expr})${opt(c.noInherit, ' NO INHERIT')}${opt(c.notValid, ' NOT VALID')}`;
    case 'references':
      return `${named(c.name)}${references(c.target)}${opt(c.notValid, ' NOT VALID')}`;
  }
}

/** A column definition as written in CREATE TABLE or ADD COLUMN. */
export function columnSql(c: ColumnDef): string {
  return [
    `${ident(c.name)} ${c.type.sql}`,
    opt(c.collation, `COLLATE ${c.collation}`),
    opt(c.identity, `GENERATED ${c.identity?.toUpperCase()} AS IDENTITY${opt(c.identityOptions, ` (${c.identityOptions})`)}`),
    opt(c.generated !== undefined, `GENERATED ALWAYS AS (${c.generated}) STORED`),
    opt(c.default !== undefined, `DEFAULT ${c.default}`),
    opt(c.notNull, 'NOT NULL'),
    ...c.constraints.map(inline),
  ]
    .filter(Boolean)
    .join(' ');
}

function tableConstraint(c: TableConstraint): string {
  switch (c.type) {
    case 'primaryKey':
      return `${named(c.name)}PRIMARY KEY ${columnList(c.columns)}`;
    case 'unique':
      return `${named(c.name)}UNIQUE${opt(c.nullsNotDistinct, ' NULLS NOT DISTINCT')} ${columnList(c.columns)}`;
    case 'check':
      return `${named(c.name)}CHECK (${c.expr})${opt(c.noInherit, ' NO INHERIT')}`;
    case 'foreignKey':
      return `${named(c.name)}FOREIGN KEY ${columnList(c.columns)} ${references(c.target)}`;
  }
}

function indexElement(e: IndexElement): string {
  return [
    e.expression ? `(${e.value})` : ident(e.value),
    opt(e.collation, `COLLATE ${e.collation}`),
    opt(e.opclass, dotted(e.opclass ?? '')),
    opt(e.order, e.order?.toUpperCase() ?? ''),
    opt(e.nulls, `NULLS ${e.nulls?.toUpperCase()}`),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * A setting's name after SET / RESET. A dotted custom name is quoted whole: a part may be a reserved
 * word (`myapp."user"`), and PostgreSQL reads `"myapp.user"` as the same setting.
 */
const settingName = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : ident(name));

const compiler: Visitor<string> = {
  createTable: (op) => {
    const body = [...op.columns.map(columnSql), ...op.constraints.map(tableConstraint)].join(',\n  ');
    const persistence = op.persistence === 'permanent' ? '' : `${op.persistence.toUpperCase()} `;
    return [
      `CREATE ${persistence}TABLE ${opt(op.ifNotExists, 'IF NOT EXISTS ')}${qname(op.table)} (\n  ${body}\n)`,
      opt(op.inherits?.length, ` INHERITS (${op.inherits?.map(qname).join(', ')})`),
      opt(op.partitionBy, ` PARTITION BY ${op.partitionBy}`),
      opt(op.onCommit, ` ON COMMIT ${op.onCommit?.toUpperCase()}`),
    ].join('');
  },
  dropTable: (op) => `DROP TABLE ${opt(op.ifExists, 'IF EXISTS ')}${qname(op.table)}${opt(op.cascade, ' CASCADE')}`,
  renameTable: (op) => `ALTER TABLE ${opt(op.ifExists, 'IF EXISTS ')}${qname(op.table)} RENAME TO ${ident(op.to)}`,
  addColumn: (op) => `${alter(op.table)} ADD COLUMN ${opt(op.ifNotExists, 'IF NOT EXISTS ')}${columnSql(op.column)}`,
  dropColumn: (op) =>
    `${alter(op.table)} DROP COLUMN ${opt(op.ifExists, 'IF EXISTS ')}${ident(op.column)}${opt(op.cascade, ' CASCADE')}`,
  renameColumn: (op) => `${alter(op.table)} RENAME COLUMN ${ident(op.column)} TO ${ident(op.to)}`,
  alterColumnType: (op) =>
    `${alter(op.table)} ALTER COLUMN ${ident(op.column)} TYPE ${op.type.sql}` +
    `${opt(op.collation, ` COLLATE ${op.collation}`)}${opt(op.using, ` USING ${op.using}`)}`,
  setNotNull: (op) => `${alter(op.table)} ALTER COLUMN ${ident(op.column)} SET NOT NULL`,
  dropNotNull: (op) => `${alter(op.table)} ALTER COLUMN ${ident(op.column)} DROP NOT NULL`,
  setDefault: (op) => `${alter(op.table)} ALTER COLUMN ${ident(op.column)} SET DEFAULT ${op.expr}`,
  dropDefault: (op) => `${alter(op.table)} ALTER COLUMN ${ident(op.column)} DROP DEFAULT`,
  createIndex: (op) =>
    [
      `CREATE ${opt(op.unique, 'UNIQUE ')}INDEX ${opt(op.concurrently, 'CONCURRENTLY ')}`,
      `${opt(op.ifNotExists, 'IF NOT EXISTS ')}${op.name === undefined ? '' : `${ident(op.name)} `}`,
      `ON ${opt(op.only, 'ONLY ')}${qname(op.table)}${opt(op.method, ` USING ${op.method}`)} `,
      `(${op.elements.map(indexElement).join(', ')})`,
      opt(op.include?.length, ` INCLUDE ${columnList(op.include ?? [])}`),
      opt(op.nullsNotDistinct, ' NULLS NOT DISTINCT'),
      opt(op.where, ` WHERE ${op.where}`),
    ].join(''),
  dropIndex: (op) =>
    `DROP INDEX ${opt(op.concurrently, 'CONCURRENTLY ')}${opt(op.ifExists, 'IF EXISTS ')}${qname(op.index)}${opt(op.cascade, ' CASCADE')}`,
  addForeignKey: (op) =>
    `${alter(op.table)} ADD ${named(op.name)}FOREIGN KEY ${columnList(op.columns)} ${references(op.target)}${opt(op.notValid, ' NOT VALID')}`,
  addCheck: (op) =>
    `${alter(op.table)} ADD ${named(op.name)}CHECK (${op.expr})${opt(op.noInherit, ' NO INHERIT')}${opt(op.notValid, ' NOT VALID')}`,
  addUnique: (op) =>
    `${alter(op.table)} ADD ${named(op.name)}UNIQUE` +
    (op.usingIndex !== undefined
      ? ` USING INDEX ${ident(op.usingIndex)}`
      : `${opt(op.nullsNotDistinct, ' NULLS NOT DISTINCT')} ${columnList(op.columns)}`) +
    opt(op.deferrable, ` DEFERRABLE INITIALLY ${op.deferrable?.toUpperCase()}`),
  addPrimaryKey: (op) =>
    `${alter(op.table)} ADD ${named(op.name)}PRIMARY KEY` +
    (op.usingIndex !== undefined ? ` USING INDEX ${ident(op.usingIndex)}` : ` ${columnList(op.columns)}`),
  dropConstraint: (op) =>
    `${alter(op.table)} DROP CONSTRAINT ${opt(op.ifExists, 'IF EXISTS ')}${ident(op.name)}${opt(op.cascade, ' CASCADE')}`,
  validateConstraint: (op) => `${alter(op.table)} VALIDATE CONSTRAINT ${ident(op.name)}`,
  createEnum: (op) => `CREATE TYPE ${qname(op.type)} AS ENUM (${op.values.map(literal).join(', ')})`,
  addEnumValue: (op) =>
    `ALTER TYPE ${qname(op.type)} ADD VALUE ${opt(op.ifNotExists, 'IF NOT EXISTS ')}${literal(op.value)}` +
    (op.before !== undefined ? ` BEFORE ${literal(op.before)}` : op.after !== undefined ? ` AFTER ${literal(op.after)}` : ''),
  setting: (op) =>
    op.value === undefined
      ? op.local
        ? `SET LOCAL ${settingName(op.name)} TO DEFAULT`
        : `RESET ${settingName(op.name)}`
      : `SET ${opt(op.local, 'LOCAL ')}${settingName(op.name)} = ${op.value}`,
  transaction: (op) => (op.action === 'begin' ? 'BEGIN' : op.action.toUpperCase()),
  raw: (op) => op.sql,
};

/** One operation as one SQL statement (no trailing semicolon). */
export function compilePostgres(op: Operation): string {
  return visit(op, compiler, undefined);
}

/**
 * Statements joined into a script, each ending with a semicolon. A statement whose last line holds
 * `--` (raw SQL written by hand may end in a comment) gets its semicolon on a line of its own, where
 * the comment cannot swallow it.
 */
export function toScript(statements: readonly string[]): string {
  return statements.map((s) => (s.slice(s.lastIndexOf('\n') + 1).includes('--') ? `${s}\n;\n` : `${s};\n`)).join('');
}
