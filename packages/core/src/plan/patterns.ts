/**
 * The safe forms, as pieces: NOT VALID then VALIDATE; the CHECK trick for SET NOT NULL; a unique or
 * primary key built as a concurrent unique index first; a batched backfill.
 */
import { ident, literal, qname } from '../dialects/postgres/quote.js';
import type { QualifiedName } from '../operations/common.js';
import * as ops from '../operations/index.js';
import type { Draft } from './piece.js';

/** ADD ... NOT VALID in one short transaction, VALIDATE CONSTRAINT in a later one. */
export function validateLater(add: (ops.AddForeignKey | ops.AddCheck) & { name: string }): Draft[] {
  const name = add.name;
  const what = add.kind === 'addForeignKey' ? 'foreign key' : 'check';
  const notValid = add.kind === 'addForeignKey' ? ops.addForeignKey({ ...add, notValid: true }) : ops.addCheck({ ...add, notValid: true });
  return [
    {
      mode: 'alone',
      ops: [notValid],
      comment: `add the ${what} ${name} NOT VALID: existing rows are not checked, so the lock is brief`,
    },
    {
      mode: 'alone',
      ops: [ops.validateConstraint({ table: add.table, name })],
      comment: `validate ${name} in its own transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on)`,
    },
  ];
}

/** `"c" IS NOT NULL` as a NOT VALID check named `name`. */
function notNullCheck(table: QualifiedName, column: string, name: string): ops.AddCheck {
  return ops.addCheck({ table, name, expr: `${ident(column)} IS NOT NULL`, notValid: true, noInherit: false });
}

const drop = (table: QualifiedName, name: string) => ops.dropConstraint({ table, name, ifExists: false, cascade: false });

/**
 * SET NOT NULL without a scan under ACCESS EXCLUSIVE (PostgreSQL 12+): a NOT VALID `c IS NOT NULL`
 * check, validated in its own transaction, lets SET NOT NULL skip the scan; the check is then dropped.
 */
export function setNotNullViaCheck(table: QualifiedName, column: string, tmp: string): Draft[] {
  const check = notNullCheck(table, column, tmp);
  return [
    { mode: 'alone', ops: [check], comment: `add ${tmp} (${column} IS NOT NULL) NOT VALID: brief lock, no scan` },
    {
      mode: 'alone',
      ops: [ops.validateConstraint({ table, name: tmp })],
      comment: `validate ${tmp} in its own transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on)`,
    },
    {
      mode: 'alone',
      ops: [ops.setNotNull({ table, column }), drop(table, tmp)],
      undo: [ops.dropNotNull({ table, column }), check],
      comment: `SET NOT NULL on ${column} uses the validated check instead of a scan; the check is then dropped`,
    },
  ];
}

/** The unique index behind a unique or primary key constraint, built without blocking writes. */
function concurrentUniqueIndex(table: QualifiedName, name: string, columns: readonly string[], nullsNotDistinct?: boolean): Draft {
  return {
    mode: 'nontx',
    ops: [
      ops.createIndex({
        name,
        table,
        unique: true,
        concurrently: true,
        ifNotExists: false,
        elements: columns.map((value) => ({ value, expression: false })),
        ...(nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      }),
    ],
    // the constraint's reverse may already have dropped the index with it
    undo: [
      ops.dropIndex({
        index: { ...(table.schema ? { schema: table.schema } : {}), name },
        concurrently: true,
        ifExists: true,
        cascade: false,
      }),
    ],
    comment: `build the unique index ${name} concurrently: writes go on during the build`,
  };
}

/** ADD UNIQUE: a concurrent unique index, then ADD CONSTRAINT ... UNIQUE USING INDEX. */
export function uniqueViaIndex(
  table: QualifiedName,
  name: string,
  columns: readonly string[],
  extra: { nullsNotDistinct?: boolean; deferrable?: 'immediate' | 'deferred' } = {},
): Draft[] {
  return [
    concurrentUniqueIndex(table, name, columns, extra.nullsNotDistinct),
    {
      mode: 'alone',
      ops: [
        ops.addUnique({
          table,
          name,
          columns: [],
          usingIndex: name,
          ...(extra.deferrable ? { deferrable: extra.deferrable } : {}),
        }),
      ],
      comment: `attach the index as the constraint ${name}: brief lock, no scan`,
    },
  ];
}

/**
 * ADD PRIMARY KEY: a concurrent unique index; on PostgreSQL 12+ validated `c IS NOT NULL` checks so
 * the implied SET NOT NULL skips its scan; then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.
 */
export function primaryKeyViaIndex(table: QualifiedName, name: string, columns: readonly string[], tmps: readonly string[]): Draft[] {
  const checks = columns.map((c, i) => notNullCheck(table, c, tmps[i]!));
  const attach = ops.addPrimaryKey({ table, name, columns: [], usingIndex: name });
  return [
    concurrentUniqueIndex(table, name, columns),
    ...(checks.length
      ? [
          { mode: 'alone' as const, ops: checks, comment: `NOT VALID ${tmps.join(', ')} (IS NOT NULL): brief lock, no scan` },
          {
            mode: 'alone' as const,
            ops: tmps.map((t) => ops.validateConstraint({ table, name: t })),
            comment: `validate ${tmps.join(', ')} in their own transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on)`,
          },
        ]
      : []),
    {
      mode: 'alone',
      ops: [attach, ...tmps.map((t) => drop(table, t))],
      undo: [drop(table, name), ...checks],
      comment: `attach the index as the primary key ${name}${checks.length ? ', the NOT NULLs proven by the checks, which are then dropped' : ''}`,
    },
  ];
}

/** A dollar-quote tag that does not occur in the body. */
function dollarTag(body: string): string {
  let tag = '$$';
  for (let i = 0; body.includes(tag); i++) tag = `$dbm${i}$`;
  return tag;
}

/**
 * Fills the column of existing rows with its default, about `batch` rows per transaction, outside any
 * transaction of the planner's (each batch commits). Needs PostgreSQL 11+ (COMMIT inside DO). Each
 * batch reports `dbm-backfill <table> <rows>` as a NOTICE, which the executor turns into progress.
 *
 * On PostgreSQL 14+ the table is walked once, a range of pages per batch (a TID range scan reads only
 * those pages), so the work grows with the table, not with its square: a batch that looked for "the
 * next NULL rows" from the start of the table read every row filled before it (measured on 1,000,000
 * rows: 13 s of scanning on 2 cores, and the application's writes starved). Rows the application
 * updated meanwhile may sit in pages already walked, so a second pass takes whatever is still NULL.
 * After each batch the loop sleeps as long as the batch took (at most 100 ms): half the time is the
 * application's, and WAL flushes keep up.
 */
export function backfill(table: QualifiedName, column: string, batch: number): Draft {
  const t = qname(table);
  const c = ident(column);
  const regclass = literal(t);
  const label = (table.schema ? `${table.schema}.${table.name}` : table.name).replace(/'/g, "''").replace(/%/g, '%%');
  const rest = [
    `    RAISE NOTICE 'dbm-backfill ${label} %', n;`,
    '    COMMIT;',
    '    PERFORM pg_sleep(least(0.1, greatest(0.005, extract(epoch FROM clock_timestamp() - started))));',
  ];
  const body = [
    'DECLARE',
    '  ids tid[];',
    '  n bigint;',
    '  rounds bigint := 0;',
    '  most bigint;',
    '  pages bigint;',
    '  step bigint;',
    '  first bigint := 0;',
    '  started timestamptz;',
    'BEGIN',
    "  IF current_setting('server_version_num')::int >= 140000 THEN",
    // pages to take per batch, from the table's rows per page (100 when it was never analysed)
    `    SELECT pg_relation_size(${regclass}) / current_setting('block_size')::int,`,
    `           greatest(1, ceil(${batch} / CASE WHEN relpages > 0 AND reltuples > 0 THEN reltuples / relpages ELSE 100 END))`,
    `      INTO pages, step FROM pg_class WHERE oid = ${regclass}::regclass;`,
    '    WHILE first < pages LOOP',
    '      started := clock_timestamp();',
    `      UPDATE ${t} SET ${c} = DEFAULT`,
    "        WHERE ctid >= format('(%s,0)', first)::tid AND ctid < format('(%s,0)', first + step)::tid AND " + `${c} IS NULL;`,
    '      GET DIAGNOSTICS n = ROW_COUNT;',
    ...rest.map((l) => `  ${l}`),
    '      first := first + step;',
    '    END LOOP;',
    '  END IF;',
    // bound the loop: a default that yields NULL would otherwise pick the same rows forever
    `  SELECT count(*) / ${batch} * 2 + 10 INTO most FROM ${t} WHERE ${c} IS NULL;`,
    '  LOOP',
    '    started := clock_timestamp();',
    `    ids := ARRAY(SELECT ctid FROM ${t} WHERE ${c} IS NULL LIMIT ${batch});`,
    // stop when no row is left, not when a batch changed nothing: the app may have updated those rows
    '    EXIT WHEN cardinality(ids) = 0 OR rounds >= most;',
    `    UPDATE ${t} SET ${c} = DEFAULT WHERE ctid = ANY (ids) AND ${c} IS NULL;`,
    '    GET DIAGNOSTICS n = ROW_COUNT;',
    ...rest,
    '    rounds := rounds + 1;',
    '  END LOOP;',
    'END',
  ].join('\n');
  const tag = dollarTag(body);
  return {
    mode: 'nontx',
    ops: [ops.raw({ sql: `DO ${tag}\n${body}\n${tag}`, statement: 'DoStmt', ast: null })],
    // nothing to undo on its own: the reverse of the ADD COLUMN step drops the column
    undo: [],
    comment: `backfill ${column} with its default in batches of ${batch} rows, committing after each`,
  };
}
