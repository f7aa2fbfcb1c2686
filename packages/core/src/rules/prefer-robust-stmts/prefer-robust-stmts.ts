import { as, sql, type Body } from '../../dialects/postgres/ast.js';
import { ident, qname } from '../../dialects/postgres/quote.js';
import { addColumn } from '../../operations/add-column.js';
import { addEnumValue } from '../../operations/add-enum-value.js';
import type { QualifiedName } from '../../operations/common.js';
import { createIndex } from '../../operations/create-index.js';
import { createTable } from '../../operations/create-table.js';
import { dropColumn } from '../../operations/drop-column.js';
import { dropConstraint } from '../../operations/drop-constraint.js';
import { dropIndex } from '../../operations/drop-index.js';
import { dropTable } from '../../operations/drop-table.js';
import type { Operation } from '../../operations/operation.js';
import { tableKey, type OpContext } from '../context.js';
import { show, sqlOf } from '../helpers.js';
import { rawAlterCommands, rawNode } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';
import { transactionSteps } from '../transaction-state.js';

const OR_WRAP = 'or run the whole file in one transaction (BEGIN; ... COMMIT;) if none of its statements must run outside one';

/** CREATE statements kept raw that have an IF NOT EXISTS form: node type → what they create. */
const RAW_CREATES: Record<string, string> = {
  // CREATE TABLE forms the model keeps raw (PARTITION OF, WITH (...), ...)
  CreateStmt: 'table',
  CreateSchemaStmt: 'schema',
  CreateExtensionStmt: 'extension',
  CreateSeqStmt: 'sequence',
};

/** What a statement needs to be re-runnable, or undefined when it already is. */
interface Fix {
  readonly missing: string;
  readonly help: string;
  /** The statement cannot run inside a transaction block, so wrapping the file is no remedy. */
  readonly outsideOnly?: boolean;
}

/**
 * A file that runs outside a transaction and holds several statements can fail halfway and leave
 * the first statements applied. The usual remedy is to run it again, and then every statement that
 * already ran must not fail the second time: CREATE ... IF NOT EXISTS, DROP ... IF EXISTS, an ADD
 * CONSTRAINT preceded by DROP CONSTRAINT IF EXISTS, a temporary table dropped ON COMMIT. A file with
 * one statement (it applies fully or not at all), or whose statements all run inside BEGIN ... COMMIT
 * (or the tool's transaction), has nothing half-applied to trip over.
 */
export const preferRobustStmts = defineRule({
  id: 'prefer-robust-stmts',
  code: 'DBM408',
  severity: 'warning',
  summary: 'Outside a transaction, write statements that can be re-run after a partial failure (IF [NOT] EXISTS).',
  aliases: { squawk: ['prefer-robust-stmts'] },
  check(file) {
    if (file.file.statements.length <= 1) return [];
    const { steps } = transactionSteps(file);
    const droppedIfExists = new Set<string>();
    const out: Finding[] = [];
    for (const at of file.ops) {
      for (const key of dropsIfExists(at.op)) droppedIfExists.add(key);
      if (steps[at.index]!.openBefore) continue;
      for (const fix of fixesFor(at, droppedIfExists, file.settings.pgVersion)) {
        out.push({
          at,
          message:
            `${fix.missing}: it runs outside a transaction in a file of several statements, so if a later statement fails ` +
            'it stays applied, and running the file again stops here.',
          help: fix.outsideOnly ? fix.help : `${fix.help}\n${OR_WRAP}`,
        });
      }
    }
    return out;
  },
});

const indexKey = (index: QualifiedName, table?: QualifiedName) => `index:${index.schema ?? table?.schema ?? 'public'}.${index.name}`;
const constraintKey = (table: QualifiedName, name: string) => `constraint:${tableKey(table)}.${name}`;

/** Objects an operation drops with IF EXISTS, which makes re-creating them afterwards re-runnable. */
function dropsIfExists(op: Operation): string[] {
  switch (op.kind) {
    case 'dropTable':
      return op.ifExists ? [`table:${tableKey(op.table)}`] : [];
    case 'dropIndex':
      return op.ifExists ? [indexKey(op.index)] : [];
    case 'dropConstraint':
      return op.ifExists ? [constraintKey(op.table, op.name)] : [];
    default:
      return rawAlterCommands(op)
        .filter((c) => c.subtype === 'AT_DropConstraint' && c.cmd.missing_ok === true && typeof c.cmd.name === 'string')
        .map((c) => constraintKey(c.table, String(c.cmd.name)));
  }
}

function fixesFor(at: OpContext, dropped: ReadonlySet<string>, pgVersion: number): Fix[] {
  const { op } = at;
  switch (op.kind) {
    case 'createTable':
      if (op.persistence === 'temporary') {
        return op.onCommit === 'drop'
          ? []
          : [{ missing: `Temporary table ${show(op.table)} without ON COMMIT DROP`, help: sqlOf(createTable({ ...op, onCommit: 'drop' })) }];
      }
      if (op.ifNotExists || dropped.has(`table:${tableKey(op.table)}`)) return [];
      return [{ missing: `CREATE TABLE ${show(op.table)} without IF NOT EXISTS`, help: sqlOf(createTable({ ...op, ifNotExists: true })) }];
    case 'createIndex': {
      if (op.ifNotExists) return [];
      if (op.name === undefined) {
        return [{ missing: `Unnamed CREATE INDEX on ${show(op.table)}`, help: 'name the index and add IF NOT EXISTS: a re-run of an unnamed index builds a duplicate' }];
      }
      const index = { ...(op.table.schema ? { schema: op.table.schema } : {}), name: op.name };
      if (dropped.has(indexKey(index, op.table))) return [];
      if (op.concurrently) {
        // IF NOT EXISTS would keep the INVALID index a failed concurrent build leaves behind
        const drop = sqlOf(dropIndex({ index, concurrently: true, ifExists: true, cascade: false }));
        return [
          {
            missing: `CREATE INDEX CONCURRENTLY ${op.name} without a DROP INDEX IF EXISTS before it`,
            help: `${drop}; -- also clears the INVALID index a failed build leaves behind\n${sqlOf(op)};`,
            outsideOnly: true,
          },
        ];
      }
      return [{ missing: `CREATE INDEX ${op.name} without IF NOT EXISTS`, help: sqlOf(createIndex({ ...op, ifNotExists: true })) }];
    }
    case 'addColumn':
      return op.ifNotExists ? [] : [{ missing: `ADD COLUMN ${op.column.name} without IF NOT EXISTS`, help: sqlOf(addColumn({ ...op, ifNotExists: true })) }];
    case 'dropTable':
      return op.ifExists ? [] : [{ missing: `DROP TABLE ${show(op.table)} without IF EXISTS`, help: sqlOf(dropTable({ ...op, ifExists: true })) }];
    case 'dropIndex':
      return op.ifExists
        ? []
        : [{ missing: `DROP INDEX ${show(op.index)} without IF EXISTS`, help: sqlOf(dropIndex({ ...op, ifExists: true })), outsideOnly: op.concurrently }];
    case 'dropColumn':
      return op.ifExists ? [] : [{ missing: `DROP COLUMN ${op.column} without IF EXISTS`, help: sqlOf(dropColumn({ ...op, ifExists: true })) }];
    case 'dropConstraint':
      return op.ifExists ? [] : [{ missing: `DROP CONSTRAINT ${op.name} without IF EXISTS`, help: sqlOf(dropConstraint({ ...op, ifExists: true })) }];
    case 'addForeignKey':
    case 'addCheck':
    case 'addUnique':
    case 'addPrimaryKey':
      return addConstraintFix(op.table, op.name, sqlOf(op), dropped);
    case 'addEnumValue':
      return op.ifNotExists
        ? []
        : [
            {
              missing: `ADD VALUE '${op.value}' without IF NOT EXISTS`,
              help: sqlOf(addEnumValue({ ...op, ifNotExists: true })),
              // before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run inside a transaction block
              outsideOnly: pgVersion < 12,
            },
          ];
    case 'raw':
      return rawFixes(op, dropped);
    default:
      return [];
  }
}

function addConstraintFix(table: QualifiedName, name: string | undefined, statement: string, dropped: ReadonlySet<string>): Fix[] {
  if (name === undefined) {
    return [{ missing: `Unnamed ADD CONSTRAINT on ${show(table)}`, help: 'name the constraint and drop it IF EXISTS first: a re-run of an unnamed constraint adds a duplicate or fails' }];
  }
  if (dropped.has(constraintKey(table, name))) return [];
  return [
    {
      missing: `ADD CONSTRAINT ${name} without a DROP CONSTRAINT IF EXISTS before it`,
      help: `${sqlOf(dropConstraint({ table, name, ifExists: true, cascade: false }))};\n${statement};`,
    },
  ];
}

function rawFixes(op: Extract<Operation, { kind: 'raw' }>, dropped: ReadonlySet<string>): Fix[] {
  const drop = rawNode(op, 'DropStmt');
  if (drop) {
    if (drop.missing_ok === true) return [];
    const what = String(drop.removeType ?? 'OBJECT').replace(/^OBJECT_/, '').replace(/_/g, ' ');
    return [{ missing: `DROP ${what} without IF EXISTS`, help: deparse({ DropStmt: { ...drop, missing_ok: true } }) }];
  }
  for (const [type, what] of Object.entries(RAW_CREATES)) {
    const create = rawNode(op, type);
    if (!create) continue;
    if (create.if_not_exists === true) return [];
    return [{ missing: `CREATE ${what.toUpperCase()} without IF NOT EXISTS`, help: deparse({ [type]: { ...create, if_not_exists: true } }) }];
  }
  const fixes: Fix[] = [];
  for (const { table, subtype, cmd } of rawAlterCommands(op)) {
    const name = typeof cmd.name === 'string' ? cmd.name : undefined;
    const t = qname(table);
    if (subtype === 'AT_AddColumn' && cmd.missing_ok !== true) {
      const col = as(cmd.def, 'ColumnDef') as Body | undefined;
      fixes.push({ missing: `ADD COLUMN ${String(col?.colname ?? '')} without IF NOT EXISTS`, help: `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS ...` });
    } else if ((subtype === 'AT_DropColumn' || subtype === 'AT_DropConstraint') && cmd.missing_ok !== true && name) {
      const kind = subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT';
      fixes.push({ missing: `DROP ${kind} ${name} without IF EXISTS`, help: `ALTER TABLE ${t} DROP ${kind} IF EXISTS ${ident(name)}` });
    } else if (subtype === 'AT_AddConstraint') {
      const conname = as(cmd.def, 'Constraint')?.conname;
      fixes.push(...addConstraintFix(table, typeof conname === 'string' ? conname : undefined, `ALTER TABLE ${t} ADD CONSTRAINT ...`, dropped));
    }
  }
  return fixes;
}

/** SQL of a parser node; the statement text is shown as is when the deparser cannot write it. */
function deparse(node: unknown): string {
  try {
    return sql(node);
  } catch {
    return 'the same statement with IF [NOT] EXISTS';
  }
}
