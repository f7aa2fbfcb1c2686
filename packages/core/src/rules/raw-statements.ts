/**
 * Reading raw operations: statements the model keeps verbatim (ALTER TABLE IF EXISTS / ONLY,
 * RENAME COLUMN with IF EXISTS, ...) still carry hazards the modelled forms have, so rules look into
 * their parser tree through these helpers.
 */
import { as, list, type Body } from '../dialects/postgres/ast.js';
import type { QualifiedName } from '../operations/common.js';
import type { Operation } from '../operations/operation.js';

/** The statement node of a raw operation's tree, when it is of the given type. */
export function rawNode(op: Operation, type: string): Body | undefined {
  if (op.kind !== 'raw') return undefined;
  return as(op.ast, type);
}

/** A table name from a RangeVar body, or undefined when it has none (or is database-qualified). */
export function relationName(rv: unknown): QualifiedName | undefined {
  const b = (as(rv, 'RangeVar') ?? rv) as Body | undefined;
  if (!b || typeof b.relname !== 'string' || b.catalogname) return undefined;
  return typeof b.schemaname === 'string' ? { schema: b.schemaname, name: b.relname } : { name: b.relname };
}

/** One ALTER TABLE subcommand of a raw statement. */
export interface RawAlterCommand {
  readonly table: QualifiedName;
  /** e.g. "AT_DropColumn". */
  readonly subtype: string;
  readonly cmd: Body;
  /** ALTER TABLE IF EXISTS. */
  readonly tableIfExists: boolean;
}

/**
 * The subcommands of a raw ALTER TABLE (the whole statement is raw when it says IF EXISTS or ONLY;
 * a single subcommand is raw when the model does not describe it). Other ALTER kinds (ALTER INDEX,
 * ALTER VIEW, ...) give none.
 */
export function rawAlterCommands(op: Operation): RawAlterCommand[] {
  const b = rawNode(op, 'AlterTableStmt');
  if (!b || b.objtype !== 'OBJECT_TABLE') return [];
  const table = relationName(b.relation);
  if (!table) return [];
  return list(b, 'cmds').flatMap((node) => {
    const cmd = as(node, 'AlterTableCmd');
    return cmd ? [{ table, subtype: String(cmd.subtype), cmd, tableIfExists: b.missing_ok === true }] : [];
  });
}

/** A raw ALTER TABLE ... RENAME COLUMN (the IF EXISTS and ONLY forms the model leaves raw). */
export function rawColumnRename(op: Operation): { table: QualifiedName; column: string; to: string } | undefined {
  const b = rawNode(op, 'RenameStmt');
  if (!b || b.renameType !== 'OBJECT_COLUMN' || b.relationType !== 'OBJECT_TABLE') return undefined;
  const table = relationName(b.relation);
  if (!table || typeof b.subname !== 'string' || typeof b.newname !== 'string') return undefined;
  return { table, column: b.subname, to: b.newname };
}
