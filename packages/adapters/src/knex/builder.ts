/**
 * Operations → knex schema builder code. Each operation becomes builder calls where knex can say exactly
 * that statement (createTable, alterTable with column, key and index methods, renameTable, dropTable) and
 * `knex.raw` with the compiled SQL where it cannot (NOT VALID, VALIDATE, CONCURRENTLY, USING INDEX,
 * defaults on existing columns, type changes…). Nothing is dropped: every operation yields code.
 */
import { compilePostgres, type Operation, type OperationOf, type QualifiedName } from '@dbm/core';
import { checkCall, columnCode, columnsArg } from './column.js';
import { createTable } from './create-table.js';
import { constraintKey, type BuildContext, type Item, type LineGroup } from './item.js';
import { jsList, jsObject, jsString, rawCall } from './js.js';
import { constraintName, foreignKeyCall, plain, plainQualified } from './names.js';

const raw = (op: Operation): Item[] => [{ kind: 'statement', code: rawCall(compilePostgres(op)) }];
const alter = (table: QualifiedName, group: LineGroup, ...lines: string[]): Item[] => [{ kind: 'table', method: 'alterTable', table, lines, group }];
const schemaOf = (q: QualifiedName) => `knex.schema${q.schema ? `.withSchema(${jsString(q.schema)})` : ''}`;

function createIndex(op: OperationOf<'createIndex'>): Item[] | undefined {
  if (op.name === undefined) return undefined;
  const columns = op.elements.map((e) => e.value);
  const plainElements = op.elements.every((e) => !e.expression && !e.order && !e.nulls && !e.opclass && !e.collation && plain(e.value));
  if (op.concurrently || op.ifNotExists || op.only || op.include?.length || op.nullsNotDistinct || !plainElements) return undefined;
  if (op.method !== undefined && !/^[a-z_]+$/.test(op.method)) return undefined;
  const name = op.name;
  const predicate = op.where !== undefined ? `knex.whereRaw(${jsString(op.where)})` : undefined;
  if (op.unique && op.method === undefined) {
    const options = `{ indexName: ${jsString(name)}, useConstraint: false${predicate ? `, predicate: ${predicate}` : ''} }`;
    return alter(op.table, 'keys', `t.unique(${columnsArg(columns)}, ${options})`);
  }
  const options = [op.unique ? `indexType: 'unique'` : '', op.method ? `storageEngineIndexType: ${jsString(op.method)}` : '', predicate ? `predicate: ${predicate}` : '']
    .filter(Boolean)
    .join(', ');
  return alter(op.table, 'keys', `t.index(${columnsArg(columns)}, ${jsString(name)}${options ? `, { ${options} }` : ''})`);
}

function dropConstraint(op: OperationOf<'dropConstraint'>, ctx: BuildContext): Item[] | undefined {
  if (op.ifExists || op.cascade) return undefined;
  const kind = ctx.constraints.get(constraintKey(op.table, op.name));
  const name = jsString(op.name);
  switch (kind) {
    case 'foreign':
      return alter(op.table, 'other', `t.dropForeign([], ${name})`);
    case 'unique':
      return alter(op.table, 'other', `t.dropUnique([], ${name})`);
    case 'primary':
      return alter(op.table, 'other', `t.dropPrimary(${name})`);
    case 'check':
      // knex writes check names verbatim: quoted, as dbm writes every name
      return alter(op.table, 'other', `t.dropChecks(${jsList([`"${op.name.replace(/"/g, '""')}"`])})`);
    default:
      return undefined;
  }
}


/**
 * Whether an operation names what it adds. On an existing table the server gives an unnamed constraint or
 * index a free name (`…_check1` when `…_check` is taken) that dbm cannot know, and knex would invent one
 * of its own: such statements go through knex.raw, unnamed, as written.
 */
const unnamed = (op: Operation): boolean =>
  (op.kind === 'createIndex' || op.kind === 'addForeignKey' || op.kind === 'addCheck' || op.kind === 'addUnique' || op.kind === 'addPrimaryKey') &&
  op.name === undefined;

/** The builder code of one operation, or undefined when only raw SQL says it exactly. */
function builderItems(op: Operation, ctx: BuildContext): Item[] | undefined {
  if (unnamed(op)) return undefined;
  switch (op.kind) {
    case 'createTable':
      return createTable(op);
    case 'dropTable':
      if (op.cascade) return undefined;
      return [{ kind: 'statement', code: `await ${schemaOf(op.table)}.${op.ifExists ? 'dropTableIfExists' : 'dropTable'}(${jsString(op.table.name)});` }];
    case 'renameTable':
      if (op.ifExists || !plain(op.to)) return undefined;
      return [{ kind: 'statement', code: `await ${schemaOf(op.table)}.renameTable(${jsString(op.table.name)}, ${jsString(op.to)});` }];
    case 'addColumn': {
      if (op.ifNotExists) return undefined;
      const code = columnCode(op.table, op.column, true);
      if (!code) return undefined;
      return [...alter(op.table, 'columns', code.chain), ...(code.extra.length ? alter(op.table, 'keys', ...code.extra) : [])];
    }
    case 'dropColumn':
      return op.ifExists || op.cascade || !plain(op.column) ? undefined : alter(op.table, 'other', `t.dropColumn(${jsString(op.column)})`);
    case 'renameColumn':
      return plain(op.column) && plain(op.to) ? alter(op.table, 'other', `t.renameColumn(${jsString(op.column)}, ${jsString(op.to)})`) : undefined;
    // knex's names read backwards: dropNullable sets NOT NULL, setNullable drops it
    case 'setNotNull':
      return plain(op.column) ? alter(op.table, 'other', `t.dropNullable(${jsString(op.column)})`) : undefined;
    case 'dropNotNull':
      return plain(op.column) ? alter(op.table, 'other', `t.setNullable(${jsString(op.column)})`) : undefined;
    case 'createIndex':
      return createIndex(op);
    case 'addForeignKey': {
      const fk = op.notValid ? undefined : foreignKeyCall(op.table, op.columns, op.target, op.name);
      return fk ? alter(op.table, 'keys', fk) : undefined;
    }
    case 'addCheck':
      // inside alterTable knex 3.3 ignores a check's bindings: the expression goes in whole, with none
      return op.notValid || op.noInherit ? undefined : alter(op.table, 'keys', checkCall(op.expr, op.name));
    case 'addUnique':
      if (op.usingIndex !== undefined || op.nullsNotDistinct || !op.columns.every(plain)) return undefined;
      return alter(
        op.table,
        'keys',
        `t.unique(${columnsArg(op.columns)}, ${jsObject({ indexName: constraintName(op.table, op.columns, 'key', op.name), deferrable: op.deferrable })})`,
      );
    case 'addPrimaryKey':
      if (op.usingIndex !== undefined || !op.columns.every(plain)) return undefined;
      return alter(op.table, 'keys', `t.primary(${columnsArg(op.columns)}${op.name ? `, ${jsObject({ constraintName: op.name })}` : ''})`);
    case 'dropConstraint':
      return dropConstraint(op, ctx);
    case 'transaction':
      throw new Error(`a knex migration cannot hold transaction control (${compilePostgres(op)}): knex decides the transaction`);
    default:
      return undefined;
  }
}

/** The code of one operation: builder calls when knex can say it exactly, else `knex.raw`. */
export function operationItems(op: Operation, ctx: BuildContext): Item[] {
  // knex rewrites every "?" of the SQL it sends into a parameter: such statements go through knex.raw, escaped
  const sql = compilePostgres(op);
  if (sql.includes('?')) return raw(op);
  if ('table' in op && typeof op.table === 'object' && !plainQualified(op.table as QualifiedName)) return raw(op);
  return builderItems(op, ctx) ?? raw(op);
}
