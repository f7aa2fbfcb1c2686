/** CREATE TABLE, ALTER TABLE and RENAME statements → operations. */
import * as ops from '../../operations/index.js';
import type { Operation } from '../../operations/operation.js';
import {
  as,
  deparse,
  field,
  list,
  names,
  rangeVar,
  sql,
  statementText,
  unwrap,
  Unmodelled,
  verified,
  type Body,
} from './ast.js';
import { collationSql, columnDef } from './columns.js';
import { conName, constraintBody, foreignKeyTarget, notValid, plainConstraint, tableConstraint } from './constraints.js';
import { columnType } from './types.js';

const PERSISTENCE = { p: 'permanent', u: 'unlogged', t: 'temporary' } as const;
const ON_COMMIT: Record<string, ops.CreateTable['onCommit']> = {
  ONCOMMIT_NOOP: undefined,
  ONCOMMIT_DROP: 'drop',
  ONCOMMIT_DELETE_ROWS: 'delete rows',
  ONCOMMIT_PRESERVE_ROWS: 'preserve rows',
};

/** CREATE TABLE (columns and constraints; anything else makes the statement raw). */
export function createTable(b: Body): Operation[] {
  if (b.partbound || b.ofTypename || list(b, 'options').length || b.tablespacename || b.accessMethod) {
    throw new Unmodelled('CREATE TABLE clause');
  }
  const rel = field(b.relation, 'RangeVar') ?? {};
  const columns: ops.ColumnDef[] = [];
  const constraints: ops.TableConstraint[] = [];
  for (const el of list(b, 'tableElts')) {
    const [type, body] = unwrap(el);
    if (type === 'ColumnDef') columns.push(columnDef(el));
    else if (type === 'Constraint') constraints.push(tableConstraint(body));
    else throw new Unmodelled(type);
  }
  const spec = field(b.partspec, 'PartitionSpec');
  const inherits = list(b, 'inhRelations').map(rangeVar);
  const onCommit = ON_COMMIT[String(b.oncommit ?? 'ONCOMMIT_NOOP')];
  return [
    ops.createTable({
      table: rangeVar(rel),
      columns,
      constraints,
      ifNotExists: b.if_not_exists === true,
      persistence: PERSISTENCE[(rel.relpersistence as 'p' | 'u' | 't') ?? 'p'] ?? 'permanent',
      ...(spec ? { partitionBy: partitionBy(spec) } : {}),
      ...(inherits.length ? { inherits } : {}),
      ...(onCommit ? { onCommit } : {}),
    }),
  ];
}

function partitionBy(spec: Body): string {
  // the deparser prints a PartitionSpec only inside a CreateStmt, and only unwrapped (as the parser gives it)
  const text = deparse({ CreateStmt: { relation: { relname: 'x', inh: true, relpersistence: 'p' }, partspec: spec } });
  const m = /PARTITION BY (.*)$/s.exec(text);
  if (!m) throw new Unmodelled('partition spec');
  const clause = m[1]!.trim();
  return verified(clause, `CREATE TABLE x () PARTITION BY ${clause}`, (s) => as(s, 'CreateStmt')?.partspec, spec);
}

type Table = ops.QualifiedName;
type CmdConverter = (table: Table, cmd: Body, stmt: Body) => Operation | undefined;

const CASCADE = (cmd: Body) => cmd.behavior === 'DROP_CASCADE';

/** One converter per ALTER TABLE subcommand the model describes. */
const ALTER_CMDS: Record<string, CmdConverter> = {
  AT_AddColumn: (table, cmd) => ops.addColumn({ table, column: columnDef(cmd.def), ifNotExists: cmd.missing_ok === true }),
  AT_DropColumn: (table, cmd) =>
    ops.dropColumn({ table, column: String(cmd.name), ifExists: cmd.missing_ok === true, cascade: CASCADE(cmd) }),
  AT_AlterColumnType: (table, cmd) => {
    const def = as(cmd.def, 'ColumnDef');
    if (!def) throw new Unmodelled('column type');
    const collation = collationSql(def.collClause);
    return ops.alterColumnType({
      table,
      column: String(cmd.name),
      type: columnType(def.typeName),
      ...(def.raw_default ? { using: sql(def.raw_default) } : {}),
      ...(collation !== undefined ? { collation } : {}),
    });
  },
  AT_SetNotNull: (table, cmd) => ops.setNotNull({ table, column: String(cmd.name) }),
  AT_DropNotNull: (table, cmd) => ops.dropNotNull({ table, column: String(cmd.name) }),
  AT_ColumnDefault: (table, cmd) =>
    cmd.def
      ? ops.setDefault({ table, column: String(cmd.name), expr: sql(cmd.def) })
      : ops.dropDefault({ table, column: String(cmd.name) }),
  AT_AddConstraint: (table, cmd) => addConstraint(table, constraintBody(cmd.def)),
  AT_DropConstraint: (table, cmd) =>
    ops.dropConstraint({ table, name: String(cmd.name), ifExists: cmd.missing_ok === true, cascade: CASCADE(cmd) }),
  AT_ValidateConstraint: (table, cmd) => ops.validateConstraint({ table, name: String(cmd.name) }),
};

function addConstraint(table: Table, c: Body): Operation {
  const keys = () => names(list(c, 'keys'));
  const usingIndex = typeof c.indexname === 'string' ? { usingIndex: c.indexname } : {};
  if (list(c, 'including').length || list(c, 'options').length || c.indexspace) throw new Unmodelled('index options');
  plainConstraint(c);
  switch (c.contype) {
    case 'CONSTR_FOREIGN':
      return ops.addForeignKey({
        table,
        ...conName(c),
        columns: names(list(c, 'fk_attrs')),
        target: foreignKeyTarget(c),
        notValid: notValid(c),
      });
    case 'CONSTR_CHECK':
      return ops.addCheck({ table, ...conName(c), expr: sql(c.raw_expr), notValid: notValid(c), noInherit: c.is_no_inherit === true });
    case 'CONSTR_UNIQUE':
      return ops.addUnique({
        table,
        ...conName(c),
        columns: keys(),
        ...usingIndex,
        ...(c.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
        ...(c.deferrable ? { deferrable: c.initdeferred ? 'deferred' : 'immediate' } : {}),
      });
    case 'CONSTR_PRIMARY':
      if (c.deferrable) throw new Unmodelled('deferrable primary key');
      return ops.addPrimaryKey({ table, ...conName(c), columns: keys(), ...usingIndex });
    default:
      throw new Unmodelled(`constraint ${String(c.contype)}`);
  }
}

/**
 * ALTER TABLE: one operation per subcommand. A subcommand the model does not describe becomes a raw
 * operation holding just that subcommand, so the others are still analysed and nothing is lost.
 */
export function alterTable(b: Body, statementSql: string): Operation[] {
  if (b.objtype !== 'OBJECT_TABLE') throw new Unmodelled(`ALTER ${String(b.objtype)}`);
  if (b.missing_ok) throw new Unmodelled('ALTER TABLE IF EXISTS');
  const rel = field(b.relation, 'RangeVar') ?? {};
  // the parser omits false booleans: inh is absent under ONLY
  if (rel.inh !== true) throw new Unmodelled('ALTER TABLE ONLY');
  const table = rangeVar(rel);
  const cmds = list(b, 'cmds');
  return cmds.map((node) => {
    const cmd = as(node, 'AlterTableCmd');
    if (!cmd) throw new Unmodelled('ALTER TABLE command');
    const convert = ALTER_CMDS[String(cmd.subtype)];
    const op = tryConvert(convert, table, cmd, b);
    if (op) return op;
    const single = { AlterTableStmt: { ...b, cmds: [node] } };
    return ops.raw({
      sql: cmds.length === 1 ? statementSql : statementText(single),
      statement: `AlterTableCmd:${String(cmd.subtype)}`,
      ast: single,
    });
  });
}

function tryConvert(convert: CmdConverter | undefined, table: Table, cmd: Body, stmt: Body): Operation | undefined {
  if (!convert) return undefined;
  try {
    return convert(table, cmd, stmt);
  } catch (e) {
    if (e instanceof Unmodelled) return undefined;
    throw e;
  }
}

/** RENAME statements for tables and columns; other renames are raw. */
export function rename(b: Body): Operation[] {
  if (b.missing_ok && b.renameType === 'OBJECT_COLUMN') throw new Unmodelled('IF EXISTS');
  // RENAME COLUMN names the relation kind it was written for (ALTER VIEW, ALTER FOREIGN TABLE, ...)
  if (b.renameType === 'OBJECT_COLUMN' && b.relationType !== 'OBJECT_TABLE') throw new Unmodelled('rename on a non-table');
  const rel = field(b.relation, 'RangeVar');
  if (!rel) throw new Unmodelled('rename target');
  const table = rangeVar(rel);
  // ONLY changes nothing for a table rename, so it is accepted there and nowhere else
  if (b.renameType === 'OBJECT_TABLE') return [ops.renameTable({ table, to: String(b.newname), ifExists: b.missing_ok === true })];
  if (rel.inh !== true) throw new Unmodelled('RENAME on ONLY');
  if (b.renameType === 'OBJECT_COLUMN') return [ops.renameColumn({ table, column: String(b.subname), to: String(b.newname) })];
  throw new Unmodelled(`rename ${String(b.renameType)}`);
}
