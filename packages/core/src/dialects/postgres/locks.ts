/**
 * The lock each operation takes in PostgreSQL, on which table, and whether it rewrites or scans it.
 * Facts from the PostgreSQL documentation (explicit locking, ALTER TABLE) as summarised in DESIGN.md.
 */
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { visit, type Visitor } from '../../operations/visit.js';
import { as, field, list, rangeVar, type Body } from './ast.js';

/** PostgreSQL table lock modes, weakest first; `none` for statements that lock no existing table. */
export const LOCK_LEVELS = [
  'none',
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;

/** One lock mode. */
export type LockLevel = (typeof LOCK_LEVELS)[number];

/** What an operation does to the table it touches. */
export interface LockInfo {
  readonly level: LockLevel;
  /** The table locked, when the operation names one. */
  readonly table?: QualifiedName;
  /** Other tables locked (a foreign key locks the referenced table too). */
  readonly others?: readonly { table: QualifiedName; level: LockLevel }[];
  /** Reads every row while holding the lock (validation). */
  readonly scan: boolean;
}

/** Whether mode `a` is at least as strong as `b`. */
export function atLeast(a: LockLevel, b: LockLevel): boolean {
  return LOCK_LEVELS.indexOf(a) >= LOCK_LEVELS.indexOf(b);
}

/** Whether a lock blocks ordinary writes (INSERT/UPDATE/DELETE take ROW EXCLUSIVE). */
export function blocksWrites(level: LockLevel): boolean {
  return atLeast(level, 'SHARE');
}

const on = (table: QualifiedName, level: LockLevel, scan = false): LockInfo => ({ level, table, scan });
const NONE: LockInfo = { level: 'none', scan: false };
const AE = 'ACCESS EXCLUSIVE';

const lockVisitor: Visitor<LockInfo> = {
  createTable: (op) => {
    const refs = [
      ...op.columns.flatMap((c) => c.constraints.flatMap((k) => (k.type === 'references' ? [k.target.table] : []))),
      ...op.constraints.flatMap((k) => (k.type === 'foreignKey' ? [k.target.table] : [])),
    ];
    return { level: 'none', scan: false, others: refs.map((table) => ({ table, level: 'SHARE ROW EXCLUSIVE' })) };
  },
  dropTable: (op) => on(op.table, AE),
  renameTable: (op) => on(op.table, AE),
  addColumn: (op) => {
    const refs = op.column.constraints.flatMap((k) => (k.type === 'references' ? [k.target.table] : []));
    // constraints are checked (or their index built) over every row; identity and generated values are written into each
    const readsRows = op.column.constraints.length > 0 || op.column.identity !== undefined || op.column.generated !== undefined;
    return {
      ...on(op.table, AE, readsRows),
      others: refs.map((table) => ({ table, level: 'SHARE ROW EXCLUSIVE' as const })),
    };
  },
  dropColumn: (op) => on(op.table, AE),
  renameColumn: (op) => on(op.table, AE),
  alterColumnType: (op) => on(op.table, AE, true),
  setNotNull: (op) => on(op.table, AE, true),
  dropNotNull: (op) => on(op.table, AE),
  setDefault: (op) => on(op.table, AE),
  dropDefault: (op) => on(op.table, AE),
  createIndex: (op) => on(op.table, op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE', true),
  dropIndex: (op) => ({ level: op.concurrently ? 'SHARE UPDATE EXCLUSIVE' : AE, scan: false }),
  addForeignKey: (op) => ({
    ...on(op.table, 'SHARE ROW EXCLUSIVE', !op.notValid),
    others: [{ table: op.target.table, level: 'SHARE ROW EXCLUSIVE' }],
  }),
  addCheck: (op) => on(op.table, AE, !op.notValid),
  addUnique: (op) => on(op.table, AE, op.usingIndex === undefined),
  addPrimaryKey: (op) => on(op.table, AE, true),
  dropConstraint: (op) => on(op.table, AE),
  validateConstraint: (op) => on(op.table, 'SHARE UPDATE EXCLUSIVE', true),
  createEnum: () => NONE,
  addEnumValue: () => NONE,
  setting: () => NONE,
  transaction: () => NONE,
  raw: (op) => rawLock(op.statement, op.ast),
};

/** LOCK TABLE's `mode` is PostgreSQL's lock mode number, 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE). */
const LOCK_MODES: readonly LockLevel[] = LOCK_LEVELS;

/** A table name, or undefined for what is not one (a database-qualified name). */
function tableOf(node: unknown): QualifiedName | undefined {
  try {
    return node ? rangeVar(field(node, 'RangeVar')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tables a statement names: its `relation` (a field the parser writes unwrapped), its `relations`
 * list (LOCK, TRUNCATE) or the relations of VACUUM / ANALYZE.
 */
function tablesOf(type: string | undefined, b: Body): QualifiedName[] {
  const nodes =
    type === 'VacuumStmt'
      ? list(b, 'rels').map((r) => as(r, 'VacuumRelation')?.relation)
      : b.relation
        ? [b.relation]
        : list(b, 'relations');
  return nodes.map(tableOf).filter((t): t is QualifiedName => t !== undefined);
}

/** Whether a VACUUM option list turns FULL on: `FULL`, `(FULL)`, `(FULL on)`, `(FULL 1)`, not `(FULL false)`. */
function vacuumFull(b: Body): boolean {
  return list(b, 'options').some((p) => {
    const d = as(p, 'DefElem');
    if (d?.defname !== 'full') return false;
    if (!d.arg) return true;
    // the parser's JSON omits zero and false values, so an empty Integer is 0 and an empty Boolean false
    const int = as(d.arg, 'Integer');
    if (int) return Number(int.ival ?? 0) !== 0;
    const bool = as(d.arg, 'Boolean');
    if (bool) return bool.boolval === true;
    return !['false', 'off'].includes(String(as(d.arg, 'String')?.sval).toLowerCase());
  });
}

function rawLock(statement: string, ast: unknown): LockInfo {
  const [astType, body] = ast && typeof ast === 'object' ? (Object.entries(ast)[0] ?? []) : [];
  // a raw operation built without a tree (the reverse of CREATE TYPE, say) still names its statement
  const type = astType ?? statement;
  const b = (body ?? {}) as Body;
  const tables = tablesOf(type, b);
  const at = (level: LockLevel, scan = false, locked = tables): LockInfo => {
    const [table, ...rest] = locked;
    if (!table) return { level, scan };
    return { ...on(table, level, scan), ...(rest.length ? { others: rest.map((t) => ({ table: t, level })) } : {}) };
  };
  if (statement.startsWith('AlterTableCmd:')) {
    const cmd = as(list(b, 'cmds')[0], 'AlterTableCmd');
    const concurrent = statement.endsWith('AT_DetachPartition') && as(cmd?.def, 'PartitionCmd')?.concurrent === true;
    return at(concurrent ? 'SHARE UPDATE EXCLUSIVE' : AE, statement.endsWith('AT_SetLogged') || statement.endsWith('AT_SetUnLogged'));
  }
  switch (type) {
    case 'ReindexStmt': {
      // REINDEX locks the table against writes and each index against every reader (ACCESS EXCLUSIVE)
      const concurrently = list(b, 'params').some((p) => as(p, 'DefElem')?.defname === 'concurrently');
      return at(concurrently ? 'SHARE UPDATE EXCLUSIVE' : AE, true);
    }
    case 'VacuumStmt':
      // ANALYZE is a VacuumStmt too; both take SHARE UPDATE EXCLUSIVE, VACUUM FULL rewrites under ACCESS EXCLUSIVE
      return at(vacuumFull(b) ? AE : 'SHARE UPDATE EXCLUSIVE', true);
    case 'ClusterStmt':
      return at(AE, true);
    case 'TruncateStmt':
    case 'AlterDomainStmt':
    case 'AlterTableStmt':
    case 'RenameStmt':
    case 'DropStmt':
      return at(AE);
    case 'CreateStmt': {
      // CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the parent; other raw CREATE TABLEs lock nothing existing
      const parent = b.partbound ? tableOf(list(b, 'inhRelations')[0]) : undefined;
      return parent ? at(AE, false, [parent]) : NONE;
    }
    case 'LockStmt':
      return at(LOCK_MODES[Number(b.mode ?? 8)] ?? AE);
    case 'RefreshMatViewStmt':
      return at(b.concurrent === true ? 'EXCLUSIVE' : AE, true);
    case 'CreateTrigStmt':
      return at('SHARE ROW EXCLUSIVE');
    case 'CopyStmt':
      return b.is_from === true ? at('ROW EXCLUSIVE') : at('ACCESS SHARE', true);
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
      return at('ROW EXCLUSIVE', type !== 'InsertStmt');
    default:
      return NONE;
  }
}

/** The lock an operation takes. */
export function lockOf(op: Operation): LockInfo {
  return visit(op, lockVisitor, undefined);
}
