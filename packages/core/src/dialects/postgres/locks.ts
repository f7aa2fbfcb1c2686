/**
 * The lock each operation takes in PostgreSQL, on which table, and whether it rewrites or scans it.
 * Facts from the PostgreSQL documentation (explicit locking, ALTER TABLE) as summarised in DESIGN.md.
 */
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { visit, type Visitor } from '../../operations/visit.js';
import { as, list, rangeVar, type Body } from './ast.js';

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
    return {
      ...on(op.table, AE, op.column.constraints.some((k) => k.type === 'check' || k.type === 'references')),
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

/** Lock modes named in LOCK TABLE statements. */
const LOCK_MODES: LockLevel[] = [...LOCK_LEVELS];

function firstRelation(body: Body | undefined): QualifiedName | undefined {
  if (!body) return undefined;
  const rel = as(body.relation, 'RangeVar') ?? (list(body, 'relations')[0] as Body | undefined);
  try {
    return rel ? rangeVar(rel) : undefined;
  } catch {
    return undefined;
  }
}

function rawLock(statement: string, ast: unknown): LockInfo {
  const [type, body] = ast && typeof ast === 'object' ? (Object.entries(ast)[0] ?? []) : [];
  const b = body as Body | undefined;
  const table = firstRelation(b);
  const at = (level: LockLevel, scan = false): LockInfo => (table ? on(table, level, scan) : { level, scan });
  if (statement.startsWith('AlterTableCmd:')) {
    const cmd = as(list(b ?? {}, 'cmds')[0], 'AlterTableCmd');
    const concurrent = statement.endsWith('AT_DetachPartition') && as(cmd?.def, 'PartitionCmd')?.concurrent === true;
    return at(concurrent ? 'SHARE UPDATE EXCLUSIVE' : AE, statement.endsWith('AT_SetLogged') || statement.endsWith('AT_SetUnLogged'));
  }
  switch (type) {
    case 'ReindexStmt': {
      const concurrently = list(b ?? {}, 'params').some((p) => as(p, 'DefElem')?.defname === 'concurrently');
      return at(concurrently ? 'SHARE UPDATE EXCLUSIVE' : AE, true);
    }
    case 'VacuumStmt': {
      const full = list(b ?? {}, 'options').some((p) => {
        const d = as(p, 'DefElem');
        return d?.defname === 'full' && !(as(d.arg, 'Boolean')?.boolval === false || as(d.arg, 'String')?.sval === 'false');
      });
      const rel = as(list(b ?? {}, 'rels')[0], 'VacuumRelation');
      const t = rel ? firstRelation(rel) : undefined;
      const level: LockLevel = full ? AE : 'SHARE UPDATE EXCLUSIVE';
      return t ? on(t, level, true) : { level, scan: true };
    }
    case 'ClusterStmt':
    case 'TruncateStmt':
    case 'AlterDomainStmt':
    case 'AlterTableStmt':
    case 'RenameStmt':
    case 'DropStmt':
      return at(AE);
    case 'LockStmt': {
      const mode = Number(b?.mode ?? 8);
      return at(LOCK_MODES[mode] ?? AE);
    }
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
