import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createDatabase, dropDatabase } from '../plan/pg.testkit.js';
import { compareSchemas, formatDifferences } from './compare.js';
import { introspectSchema } from './introspect.js';
import type { SchemaModel, TableModel } from './model.js';
import { normalizeSchema } from './normalize.js';
import { schemaToSql } from './to-sql.js';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const EXCLUDE = ['public.knex_migrations'];

let admin: pg.Client;
const dbs: string[] = [];
const clients: pg.Client[] = [];

async function database(sql?: string): Promise<pg.Client> {
  const name = await createDatabase(admin, 'dbm_schema_introspect');
  dbs.push(name);
  const client = await connect(name);
  clients.push(client);
  if (sql) await client.query(sql);
  return client;
}

let source: pg.Client;
let model: SchemaModel;
const table = (schema: string, name: string): TableModel => {
  const t = model.tables.find((x) => x.schema === schema && x.name === name);
  if (!t) throw new Error(`no table ${schema}.${name}`);
  return t;
};
const column = (t: TableModel, name: string) => t.columns.find((c) => c.name === name);

beforeAll(async () => {
  admin = await connect();
  source = await database(fixture('full.sql') + fixture('extras.sql'));
  await source.query('SET search_path = billing, public');
  model = normalizeSchema(await introspectSchema(source, { exclude: EXCLUDE }));
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  for (const d of dbs) await dropDatabase(admin, d);
  await admin?.end();
});

describe('introspectSchema on the PostgreSQL server', () => {
  it('reads native types, array dimensions and every default kind', () => {
    const users = table('public', 'users');
    expect(column(users, 'email')?.type).toEqual({ name: 'varchar', modifiers: ['255'], arrayDims: 0, sql: 'character varying(255)' });
    expect(column(users, 'created_at')?.type.sql).toBe('timestamp(3) with time zone');
    expect(column(users, 'roles')?.type).toMatchObject({ name: 'user_role', schema: 'public', arrayDims: 1 });
    expect(column(users, 'id')?.default).toEqual({ kind: 'sequence', sequence: 'users_id_seq' });
    expect(column(users, 'created_at')?.default?.kind).toBe('now');
    expect(column(users, 'updated_at')?.default).toEqual({ kind: 'now', sql: 'CURRENT_TIMESTAMP' });
    expect(column(users, 'balance')?.default).toEqual({ kind: 'literal', sql: '0.00', value: 0 });
    expect(column(users, 'role')?.default).toEqual({ kind: 'literal', sql: "'member'::public.user_role", value: 'member' });
    expect(column(users, 'email')?.comment).toBe('Login address, unique');
    expect(column(table('billing', 'accounts'), 'id')?.default?.kind).toBe('uuid');
    expect(column(table('public', 'teams'), 'id')).toMatchObject({ identity: 'always', nullable: false });
    const odd = table('Odd Schema', 'Mixed Case');
    expect(column(odd, 'matrix')?.type.arrayDims).toBe(2);
    expect(column(odd, 'flag')?.type.sql).toBe('"char"');
    expect(column(odd, 'span')?.type.sql).toBe('interval day to second(3)');
    expect(column(odd, 'price')?.default).toEqual({ kind: 'literal', sql: "'-1.5'::numeric", value: -1.5 });
    expect(column(odd, 'quote"d')?.collation).toBe('C');
    expect(column(odd, 'total')?.generated).toBe('(price * (2)::numeric)');
    expect(column(table('public', 'renamed'), 'id')?.default).toEqual({ kind: 'sequence', sequence: 'old_name_id_seq' });
  });

  it('reads keys with their actions, checks and every kind of index', () => {
    const invoices = table('billing', 'invoices');
    expect(invoices.foreignKeys[0]).toEqual({
      name: 'invoices_account_fk',
      columns: ['account_owner_id', 'account_code'],
      target: { schema: 'billing', table: 'accounts', columns: ['owner_id', 'code'] },
      onDelete: 'set default',
      onUpdate: 'no action',
      deferrable: 'deferred',
    });
    expect(table('public', 'teams').foreignKeys[0]?.target.table).toBe('teams');
    expect(table('public', 'memberships').primaryKey).toEqual({ name: 'memberships_pkey', columns: ['user_id', 'team_id'] });
    expect(invoices.checks.map((c) => c.name)).toEqual(['invoices_amount_check', 'invoices_due_after_issue']);
    const users = table('public', 'users');
    // a unique constraint stays a constraint; a unique index stays an index
    expect(users.uniques.map((u) => u.name)).toEqual(['users_email_key']);
    const idx = Object.fromEntries(users.indexes.map((i) => [i.name, i]));
    expect(idx.users_email_lower_idx).toMatchObject({ unique: true, elements: [{ value: 'lower((email)::text)', expression: true }] });
    expect(idx.users_created_at_idx?.elements).toEqual([{ value: 'created_at', expression: false, order: 'desc' }, { value: 'id', expression: false }]);
    expect(idx.users_active_name_idx?.where).toBe('is_active');
    expect(idx.users_tags_idx?.method).toBe('gin');
    expect(table('public', 'memberships').indexes[0]).toMatchObject({ include: ['note'], elements: [{}, { order: 'desc', nulls: 'last' }] });
    const odd = Object.fromEntries(table('Odd Schema', 'Mixed Case').indexes.map((i) => [i.name, i]));
    expect(odd['Mixed Case_quote_idx']?.elements[0]).toMatchObject({ opclass: 'text_pattern_ops', order: 'desc', nulls: 'last' });
    expect(odd.mixed_lower_idx?.elements[0]).toMatchObject({ collation: '"POSIX"', expression: true });
    expect(odd.mixed_nnd_idx?.nullsNotDistinct).toBe(true);
  });

  it('keeps enums in order and everything else as extras, leaving out ledgers and _dbm', () => {
    expect(model.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['Odd Schema.Mood', 'billing.invoice_status', 'public.user_role']);
    expect(model.enums[0]?.values).toEqual(['sad', 'ok', "it's great"]);
    const kinds = new Set(model.extras.map((x) => `${x.kind} ${x.name}`));
    for (const k of [
      'domain public.positive_int',
      'type public.money_pair',
      'range public.float_range',
      'sequence public.order_numbers',
      'function public.touch_updated_at()',
      'constraint Odd Schema.Mixed Case.mixed_price_check',
      'constraint Odd Schema.Mixed Case.mixed_deferred_unique',
      'constraint Odd Schema.Mixed Case.mixed_excl',
      'constraint Odd Schema.Mixed Case.mixed_renamed_fk',
      'index Odd Schema.mixed_fill_idx',
      'table option public.scratch',
      'view public.active_emails',
      'materialized view billing.invoice_totals',
      'rule audit_no_delete on public.audit_log',
      'trigger audit_touch on public.audit_log',
      'policy audit_read on public.audit_log',
    ]) {
      expect(kinds, k).toContain(k);
    }
    expect(JSON.stringify(model)).not.toContain('knex_migrations');
    expect(JSON.stringify(model)).not.toContain('_dbm');
    // the caller's search_path is back
    return expect(source.query('SHOW search_path').then((r) => r.rows[0].search_path)).resolves.toBe('billing, public');
  });

  it('survives a JSON round trip and normalises to itself', () => {
    expect(JSON.parse(JSON.stringify(model))).toStrictEqual(model);
    expect(normalizeSchema(model)).toStrictEqual(model);
  });

  it('re-creates the schema, extras included, on a fresh database', async () => {
    const copy = await database(schemaToSql(model));
    const again = normalizeSchema(await introspectSchema(copy, { exclude: EXCLUDE }));
    expect(formatDifferences(compareSchemas(model, again))).toBe('');
    expect(again).toStrictEqual(model);
    const objects = await copy.query(`
      SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_touch')::int AS triggers,
             (SELECT count(*) FROM pg_policy WHERE polname = 'audit_read')::int AS policies,
             (SELECT count(*) FROM pg_views WHERE viewname = 'active_emails')::int AS views,
             (SELECT convalidated FROM pg_constraint WHERE conname = 'mixed_price_check') AS validated`);
    expect(objects.rows[0]).toEqual({ triggers: 1, policies: 1, views: 1, validated: false });
  });

  it('reports what differs when the databases differ', async () => {
    const other = await database(fixture('full.sql'));
    await other.query(`ALTER TABLE public.users ALTER COLUMN email TYPE varchar(300); DROP INDEX public.users_tags_idx`);
    const diffs = compareSchemas(await introspectSchema(await database(fixture('full.sql'))), await introspectSchema(other));
    expect(diffs).toEqual([
      { path: 'table public.users / column email / type', a: expect.objectContaining({ modifiers: ['255'] }), b: expect.objectContaining({ modifiers: ['300'] }) },
      { path: 'table public.users / index users_tags_idx', a: expect.objectContaining({ method: 'gin' }), b: undefined },
    ]);
  });
});
