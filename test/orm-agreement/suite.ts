/**
 * The agreement suite every ORM runs: dbm's status, apply, rollback and dry run — through the built CLI,
 * on the real PostgreSQL server — against the ORM's own machinery, in both directions, plus bad input.
 * Each <orm>.test.ts describes its ORM (fixture, ledger, its own status and apply) and calls this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbm, json, requireBuiltCli, show, type Run } from './cli.js';
import {
  ADMIN_URL,
  checksum,
  connect,
  databaseExists,
  everything,
  freshDatabase,
  publicColumns,
  publicIndexes,
  rowsOf,
  schemaExists,
  tableExists,
  urlOf,
  withDb,
} from './db.js';
import { closedPort, passwordCheck, type PasswordCheck } from './servers.js';

/** What the ORM's own tools say about a database. */
export interface OrmView {
  /** The migrations the ORM would run next, in its order. */
  readonly pending: string[];
  /** Anything the ORM reports as wrong (failed, edited, diverged, missing...). */
  readonly problems: string[];
}

/** One ORM's side of the agreement. */
export interface AgreementSpec {
  readonly orm: 'prisma' | 'drizzle' | 'knex' | 'typeorm';
  /** The fixture's migrations folder, as given to `dbm --dir`. */
  readonly dir: string;
  /** The fixture's three migrations, in order, as the ORM's ledger names them. */
  readonly names: readonly [string, string, string];
  /** The ORM's ledger table, schema-qualified. */
  readonly ledger: string;
  /** Every table the ORM keeps its bookkeeping in (default: the ledger). */
  readonly ledgerTables?: readonly string[];
  /** A schema the ORM creates for its ledger (drizzle), which a dry run must not create. */
  readonly ledgerSchema?: string;
  /** The users table and its columns from before the last migration; the orders table, which that migration does not touch. */
  readonly users: { readonly table: string; readonly columns: readonly string[] };
  readonly orders: string;
  /** Rows for users and orders, inserted once all three migrations are applied. */
  readonly seed: string;
  /** What the last migration creates (`table.column`, index names). */
  readonly last: { readonly columns: readonly string[]; readonly indexes: readonly string[] };
  /** Code migrations the ORM runs outside a transaction (the others in one). */
  readonly outsideTransaction?: readonly string[];
  /** The ORM's own machinery. */
  readonly own: {
    /** How the ORM's tools are named in test titles, e.g. "Prisma's schema engine". */
    readonly label: string;
    /** Prepares the process to run the ORM (a TypeScript loader...). */
    setup?(): void | Promise<void>;
    /** The ORM's status machinery on the database at `url` (may write its own bookkeeping, as the ORM does). */
    status(url: string): Promise<OrmView>;
    /** The ORM applies what it sees pending; the names it ran. */
    apply(url: string): Promise<string[]>;
  };
}

/** A password with the characters a URL must escape, and a wrong one. */
const PASSWORD = 'h8:S3cr3t@pw/#%';
const WRONG = 'Wr0ng:p@ss/#%';
/** The forms a password could be printed in. */
const PASSWORD_FORMS = [PASSWORD, encodeURIComponent(PASSWORD), 'S3cr3t', WRONG, encodeURIComponent(WRONG), 'Wr0ng'];

const LOCKS = new Set(['none', 'ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE']);

interface StatusJson {
  orm: string;
  ledger: string;
  migrations: { name: string; state: string; appliedAt?: string }[];
  counts: Record<string, number>;
  clean: boolean;
}

interface DryRunJson {
  dryRun: boolean;
  migrations: {
    name: string;
    kind: 'sql' | 'code';
    steps: { transactional: boolean; comment: string; statements: { sql: string; lock: string; table?: string }[] }[];
    notes: string[];
  }[];
}

/** The catalog without dbm's own bookkeeping schema (which an apply creates, and the ORMs never look at). */
function withoutDbm(items: string[]): string[] {
  return items.filter((x) => !/^(schema _dbm$|relation _dbm\.|column _dbm\.)/.test(x));
}

function expectNoPassword(run: Run, what: string): void {
  for (const form of PASSWORD_FORMS) expect(run.all.includes(form), `${what} printed the password (${form}):\n${show(run)}`).toBe(false);
}

/** Defines the agreement tests for one ORM. */
export function agreementSuite(spec: AgreementSpec): void {
  const last = spec.names[2];
  const project = ['--orm', spec.orm, '--dir', spec.dir];
  const on = (db: string) => [...project, '--url', urlOf(db)];
  const ledgerTables = spec.ledgerTables ?? [spec.ledger];

  const status = async (db: string) => {
    const run = await dbm(['status', ...on(db), '--json']);
    return { run, report: json<StatusJson>(run) };
  };
  const states = (report: StatusJson) => report.migrations.map((m) => [m.name, m.state]);
  const expectStatus = async (db: string, code: number, expected: string[]) => {
    const { run, report } = await status(db);
    expect(states(report), show(run)).toEqual(spec.names.map((n, i) => [n, expected[i]]));
    expect(run.code, show(run)).toBe(code);
    expect(report.orm).toBe(spec.orm);
    expect(report.clean).toBe(code === 0);
    return report;
  };
  const apply = async (db: string, count: number) => {
    const run = await dbm(['apply', ...on(db)]);
    expect(run.code, show(run)).toBe(0);
    expect(run.stdout, show(run)).toContain(count ? `applied ${count} migration${count === 1 ? '' : 's'}` : 'nothing to apply');
    return run;
  };
  const lastObjects = (db: string) =>
    withDb(db, async (c) => {
      const columns = await publicColumns(c);
      const indexes = await publicIndexes(c);
      return [...spec.last.columns.filter((x) => columns.includes(x)), ...spec.last.indexes.filter((x) => indexes.includes(x))];
    });
  const data = (db: string) =>
    withDb(db, async (c) => ({ users: await checksum(c, spec.users.table, spec.users.columns), orders: await checksum(c, spec.orders) }));
  const ledgerRows = (db: string) => withDb(db, async (c) => Promise.all(ledgerTables.map((t) => rowsOf(c, t))));
  const clean: OrmView = { pending: [], problems: [] };

  // each test runs the CLI several times, and the ORM's own tools: generous, for a loaded machine
  describe(`${spec.orm}: dbm (the built CLI) and ${spec.own.label} agree on PostgreSQL`, { timeout: 180_000 }, () => {
    beforeAll(async () => {
      requireBuiltCli();
      // fail, never skip, without the server
      await (await connect(ADMIN_URL)).end();
      await spec.own.setup?.();
    });

    it(`on a fresh database dbm status exits 2 with all three pending, writes nothing, and ${spec.own.label} sees the same three`, async () => {
      const db = await freshDatabase(`dbm_agree_${spec.orm}_fresh`);
      const before = await withDb(db, everything);
      const human = await dbm(['status', ...on(db)]);
      expect(human.code, show(human)).toBe(2);
      for (const name of spec.names) expect(human.stdout).toMatch(new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+pending`));
      expect(human.stdout).toContain('0 applied, 3 pending');
      const report = await expectStatus(db, 2, ['pending', 'pending', 'pending']);
      expect(report.counts).toMatchObject({ applied: 0, pending: 3, failed: 0, edited: 0, missing: 0, 'out-of-order': 0 });
      expect(await withDb(db, everything), 'dbm status changed the database').toEqual(before);
      expect(await spec.own.status(urlOf(db))).toEqual({ pending: [...spec.names], problems: [] });
    });

    it(`dbm apply applies all three; then dbm status exits 0 and ${spec.own.label} has nothing pending, no problem and nothing to run`, async () => {
      const db = await freshDatabase(`dbm_agree_${spec.orm}_apply`);
      await apply(db, 3);
      const report = await expectStatus(db, 0, ['applied', 'applied', 'applied']);
      expect(report.counts).toMatchObject({ applied: 3, pending: 0 });
      const human = await dbm(['status', ...on(db)]);
      expect(human.code, show(human)).toBe(0);
      expect(human.stdout).toContain('3 applied, 0 pending');

      expect(await spec.own.status(urlOf(db))).toEqual(clean);
      const rows = await ledgerRows(db);
      expect(await spec.own.apply(urlOf(db)), `${spec.own.label} ran migrations dbm had applied`).toEqual([]);
      expect(await ledgerRows(db), `${spec.own.label} rewrote its ledger after dbm's apply`).toEqual(rows);
      // and dbm, asked again, has nothing to do and left no step records of its own behind
      await apply(db, 0);
      await expectStatus(db, 0, ['applied', 'applied', 'applied']);
      expect(await withDb(db, async (c) => (await c.query('SELECT count(*)::int AS n FROM "_dbm"."steps"')).rows[0].n)).toBe(0);
    });

    it(`dbm rollback undoes exactly the last migration for dbm and for ${spec.own.label}, keeps the other data, and dbm apply brings it back`, async () => {
      const db = await freshDatabase(`dbm_agree_${spec.orm}_rollback`);
      await apply(db, 3);
      await withDb(db, (c) => c.query(spec.seed));
      const seeded = await data(db);
      expect(seeded.users).toMatch(/^[1-9]\d* rows/);
      expect(seeded.orders).toMatch(/^[1-9]\d* rows/);
      expect(await lastObjects(db)).toEqual([...spec.last.columns, ...spec.last.indexes]);

      const rollback = await dbm(['rollback', ...on(db)]);
      expect(rollback.code, show(rollback)).toBe(0);
      expect(rollback.stdout).toContain(`rolled back 1 migration: ${last}`);

      await expectStatus(db, 2, ['applied', 'applied', 'pending']);
      expect(await spec.own.status(urlOf(db)), `${spec.own.label} after dbm rollback`).toEqual({ pending: [last], problems: [] });
      const dry = await dbm(['apply', '--dry-run', '--json', ...on(db)]);
      expect(json<DryRunJson>(dry).migrations.map((m) => m.name), 'what a dry run would apply now').toEqual([last]);
      expect(await lastObjects(db), 'what the rolled-back migration created').toEqual([]);
      expect(await data(db), 'data outside the rolled-back migration').toEqual(seeded);

      await apply(db, 1);
      await expectStatus(db, 0, ['applied', 'applied', 'applied']);
      expect(await spec.own.status(urlOf(db))).toEqual(clean);
      expect(await spec.own.apply(urlOf(db))).toEqual([]);
      expect(await lastObjects(db)).toEqual([...spec.last.columns, ...spec.last.indexes]);
      expect(await data(db), 'data outside the rolled-back migration, after apply').toEqual(seeded);
    });

    it(`the other direction: ${spec.own.label} applies all three; dbm status agrees, dbm apply has nothing to do, and a dbm rollback hands the last one back to the ORM`, async () => {
      const db = await freshDatabase(`dbm_agree_${spec.orm}_own`);
      expect(await spec.own.apply(urlOf(db))).toEqual([...spec.names]);
      const report = await expectStatus(db, 0, ['applied', 'applied', 'applied']);
      expect(report.migrations.every((m) => typeof m.appliedAt === 'string' || spec.orm === 'typeorm')).toBe(true);

      const rows = await ledgerRows(db);
      const schema = await withDb(db, everything);
      await apply(db, 0);
      expect(await ledgerRows(db), "dbm rewrote the ORM's ledger").toEqual(rows);
      expect(withoutDbm(await withDb(db, everything)), 'dbm apply with nothing to do changed the schema').toEqual(withoutDbm(schema));

      const rollback = await dbm(['rollback', ...on(db)]);
      expect(rollback.code, show(rollback)).toBe(0);
      expect(await spec.own.status(urlOf(db))).toEqual({ pending: [last], problems: [] });
      expect(await lastObjects(db)).toEqual([]);
      expect(await spec.own.apply(urlOf(db))).toEqual([last]);
      await expectStatus(db, 0, ['applied', 'applied', 'applied']);
      expect(await lastObjects(db)).toEqual([...spec.last.columns, ...spec.last.indexes]);
    });

    it('dbm apply --dry-run prints every pending migration with the lock of each statement, and changes nothing (not even the ledger)', async () => {
      const db = await freshDatabase(`dbm_agree_${spec.orm}_dry`);
      const before = await withDb(db, everything);

      const human = await dbm(['apply', '--dry-run', ...on(db)]);
      expect(human.code, show(human)).toBe(0);
      for (const name of spec.names) expect(human.stdout, show(human)).toContain(`▶ ${name}`);
      const statementLines = human.stdout.split('\n').filter((l) => /^ {4}\S/.test(l));
      expect(statementLines.length).toBeGreaterThanOrEqual(3);
      for (const line of statementLines) expect(line).toMatch(/ {2}-- lock: (none|[A-Z ]+)( \[|$)/);

      const run = await dbm(['apply', '--dry-run', '--json', ...on(db)]);
      expect(run.code, show(run)).toBe(0);
      const plan = json<DryRunJson>(run);
      expect(plan.dryRun).toBe(true);
      expect(plan.migrations.map((m) => m.name)).toEqual([...spec.names]);
      for (const m of plan.migrations) {
        const statements = m.steps.flatMap((s) => s.statements);
        expect(statements.length, `${m.name} shows no statement`).toBeGreaterThan(0);
        for (const s of statements) expect(LOCKS.has(s.lock), `${m.name}: lock ${s.lock} of ${s.sql}`).toBe(true);
        if (m.kind === 'code') {
          const outside = spec.outsideTransaction?.includes(m.name) ?? false;
          expect(m.steps.map((s) => s.transactional), `${m.name} runs ${outside ? 'outside' : 'inside'} a transaction in ${spec.orm}`).toEqual(
            m.steps.map(() => !outside),
          );
        }
      }
      // the last migration adds a column to the users table: ACCESS EXCLUSIVE on it
      const lastPlan = plan.migrations[2]!.steps.flatMap((s) => s.statements);
      expect(lastPlan.some((s) => s.lock === 'ACCESS EXCLUSIVE' && s.table?.replace(/^public\./, '') === spec.users.table), JSON.stringify(lastPlan)).toBe(true);

      await withDb(db, async (c) => {
        expect(await everything(c), 'the dry run changed the database').toEqual(before);
        for (const t of ledgerTables) expect(await tableExists(c, t), `${t} exists after a dry run`).toBe(false);
        if (spec.ledgerSchema) expect(await schemaExists(c, spec.ledgerSchema)).toBe(false);
        expect(await schemaExists(c, '_dbm')).toBe(false);
      });
      await expectStatus(db, 2, ['pending', 'pending', 'pending']);
    });

    describe('bad input: a clear message, a non-zero exit, the password never printed, nothing written', () => {
      const verbs = [['status'], ['apply'], ['apply', '--dry-run'], ['rollback']];
      let auth: PasswordCheck;
      beforeAll(async () => {
        auth = await passwordCheck(PASSWORD);
      });
      afterAll(async () => {
        await auth?.close();
      });

      it('a wrong password in --url', async () => {
        const seen = auth.received.length;
        for (const verb of verbs) {
          const run = await dbm([...verb, ...project, '--url', auth.url(WRONG)]);
          expect(run.code, `${verb.join(' ')} (${auth.kind}): ${show(run)}`).toBe(1);
          expect(run.stderr).toMatch(/^dbm: password authentication failed for user "[^"]+" on [\w.:]+: check the password/m);
          expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
          expectNoPassword(run, verb.join(' '));
        }
        // the front really was sent the (decoded) password, and refused it
        if (auth.kind !== 'real server') expect(auth.received.slice(seen)).toEqual(verbs.map(() => WRONG));
      });

      it('(and the right one: apply, status and rollback work on a server that checks it, the ORM\'s own connections included, and never print it)', async () => {
        const db = await freshDatabase(`dbm_agree_${spec.orm}_password`);
        const seen = auth.received.length;
        const url = auth.url(auth.password, db);
        const runs: Run[] = [];
        const run = async (args: string[], code: number) => {
          const r = await dbm([...args, ...project, '--url', url]);
          runs.push(r);
          expect(r.code, `${args.join(' ')} via the ${auth.kind}: ${show(r)}`).toBe(code);
          return r;
        };
        await run(['apply'], 0);
        await run(['status'], 0);
        await run(['rollback'], 0);
        expect(states(json<StatusJson>(await run(['status', '--json'], 2)))).toEqual(spec.names.map((n, i) => [n, i < 2 ? 'applied' : 'pending']));
        await run(['apply'], 0);
        for (const r of runs) expectNoPassword(r, 'a run with the right password');
        expect(await spec.own.status(urlOf(db))).toEqual(clean);
        if (auth.kind !== 'real server') {
          const sent = auth.received.slice(seen);
          expect(sent.length).toBeGreaterThanOrEqual(runs.length);
          expect(sent.every((p) => p === PASSWORD)).toBe(true);
        }
      });

      it('an unreachable port in --url', async () => {
        const port = await closedPort();
        const u = new URL(urlOf('postgres', PASSWORD));
        u.hostname = '127.0.0.1';
        u.port = String(port);
        for (const verb of verbs) {
          const run = await dbm([...verb, ...project, '--url', u.toString()]);
          expect(run.code, show(run)).toBe(1);
          expect(run.stderr).toContain(`dbm: cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
          expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
          expectNoPassword(run, verb.join(' '));
        }
      });

      it('a database that does not exist (and is not created)', async () => {
        const missing = `dbm_agree_${spec.orm}_missing_${process.pid}`;
        for (const verb of verbs) {
          const run = await dbm([...verb, ...project, '--url', urlOf(missing, PASSWORD)]);
          expect(run.code, show(run)).toBe(1);
          expect(run.stderr).toContain(`dbm: database "${missing}" does not exist`);
          expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
          expectNoPassword(run, verb.join(' '));
        }
        expect(await databaseExists(missing)).toBe(false);
      });

      it('a migrations folder that does not exist (on a real database, which stays untouched)', async () => {
        const db = await freshDatabase(`dbm_agree_${spec.orm}_nodir`);
        const before = await withDb(db, everything);
        const dir = `${spec.dir}-does-not-exist`;
        for (const verb of verbs) {
          const run = await dbm([...verb, '--orm', spec.orm, '--dir', dir, '--url', urlOf(db, PASSWORD)]);
          expect(run.code, show(run)).toBe(2);
          expect(run.stderr).toMatch(/^dbm: .*(folder|directory) not found: /m);
          expect(run.stderr).toContain(dir);
          expect(run.stdout).toBe('');
          expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
          expectNoPassword(run, verb.join(' '));
        }
        expect(await withDb(db, everything)).toEqual(before);
      });
    });
  });
}
