/**
 * readDrizzleModel: a drizzle schema → the model, through drizzle-kit's own snapshot (real drizzle-orm
 * and drizzle-kit, schema modules loaded with tsx as drizzle-kit loads them).
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrizzleProjectError } from './errors.js';
import { FULL_SCHEMA, writtenSchema } from './model-drizzle.testkit.js';
import { readDrizzleModel } from './model-read.js';
import { importDrizzleSchema } from './schema-module.js';

const table = (m: Awaited<ReturnType<typeof readDrizzleModel>>['model'], key: string) => m.tables.find((t) => `${t.schema}.${t.name}` === key)!;

describe('readDrizzleModel', () => {
  it('reads tables, native types, defaults, keys, indexes, checks and enums of the full fixture', async () => {
    const { model, warnings } = await readDrizzleModel([FULL_SCHEMA]);
    expect(warnings).toEqual([]);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['billing.accounts', 'billing.invoices', 'public.memberships', 'public.teams', 'public.users']);
    expect(model.enums).toEqual([
      { schema: 'billing', name: 'invoice_status', values: ['draft', 'open', 'paid', 'void'] },
      { schema: 'public', name: 'user_role', values: ['admin', 'member', 'guest'] },
    ]);
    const users = table(model, 'public.users');
    const col = (name: string) => users.columns.find((c) => c.name === name)!;
    expect(col('id')).toMatchObject({ type: { name: 'int4', arrayDims: 0 }, nullable: false, default: { kind: 'sequence', sequence: 'users_id_seq' } });
    expect(col('email').type).toMatchObject({ name: 'varchar', modifiers: ['255'] });
    expect(col('balance')).toMatchObject({ type: { name: 'numeric', modifiers: ['10', '2'] }, default: { kind: 'literal', value: 0 } });
    expect(col('created_at')).toMatchObject({ type: { name: 'timestamptz', modifiers: ['3'] }, default: { kind: 'now', sql: 'now()' } });
    expect(col('roles')).toMatchObject({ type: { name: 'user_role', arrayDims: 1 }, default: { kind: 'literal', sql: "'{}'" } });
    expect(col('role').default).toEqual({ kind: 'literal', sql: "'member'", value: 'member' });
    expect(col('is_active').default).toEqual({ kind: 'literal', sql: 'true', value: true });
    expect(col('avatar').type).toMatchObject({ name: 'bytea', arrayDims: 0 });
    expect(col('updated_at').default).toEqual({ kind: 'now', sql: 'CURRENT_TIMESTAMP' });
    expect(users.primaryKey).toEqual({ name: 'users_pkey', columns: ['id'] });
    expect(users.uniques).toEqual([{ name: 'users_email_key', columns: ['email'] }]);
    expect(users.checks).toEqual([{ name: 'users_score_check', expr: 'score >= 0' }]);
    expect(users.indexes).toEqual([
      { name: 'users_active_name_idx', unique: false, method: 'btree', elements: [{ value: 'display_name', expression: false }], where: 'is_active' },
      { name: 'users_created_at_idx', unique: false, method: 'btree', elements: [{ value: 'created_at', expression: false, order: 'desc' }, { value: 'id', expression: false }] },
      { name: 'users_email_lower_idx', unique: true, method: 'btree', elements: [{ value: 'lower(email)', expression: true }] },
      { name: 'users_tags_idx', unique: false, method: 'gin', elements: [{ value: 'tags', expression: false }] },
    ]);
    const invoices = table(model, 'billing.invoices');
    expect(invoices.columns[0]).toMatchObject({ name: 'id', type: { name: 'int8' }, identity: 'by default', nullable: false });
    expect(invoices.columns.find((c) => c.name === 'status')!.type).toMatchObject({ name: 'invoice_status', schema: 'billing' });
    expect(invoices.foreignKeys).toEqual([
      { name: 'invoices_account_fk', columns: ['account_owner_id', 'account_code'], target: { schema: 'billing', table: 'accounts', columns: ['owner_id', 'code'] }, onDelete: 'set default', onUpdate: 'no action' },
    ]);
    expect(table(model, 'public.memberships').primaryKey).toEqual({ name: 'memberships_pkey', columns: ['user_id', 'team_id'] });
    expect(table(model, 'public.teams').foreignKeys[0]).toMatchObject({ name: 'teams_parent_fk', target: { schema: 'public', table: 'teams' }, onDelete: 'set null' });
    expect(table(model, 'billing.accounts').columns.find((c) => c.name === 'small_counter')).toMatchObject({ type: { name: 'int2' }, default: { kind: 'sequence', sequence: 'accounts_small_counter_seq' } });
  });

  it('reads module exports already loaded, and names what the model cannot hold', async () => {
    const file = await writtenSchema(`
import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, pgSequence, pgTable, pgView, text } from 'drizzle-orm/pg-core';
export const audit = pgSchema('audit');
export const counter = pgSequence('counter', { startWith: 10 });
export const notes = pgTable('notes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity({ startWith: 100 }),
  body: text().notNull(),
}, (t) => [
  index('notes_body_idx').on(t.body.op('text_pattern_ops').desc()),
  index('notes_body_trgm').on(t.body).with({ fillfactor: 70 }),
]).enableRLS();
export const recent = pgView('recent').as((qb) => qb.select().from(notes).where(sql\`\${notes.id} > 10\`));
`);
    const { model, warnings } = await readDrizzleModel(await importDrizzleSchema([file]), { root: dirname(file) });
    expect(warnings.map((w) => w.object)).toEqual(['notes.id', 'notes.notes_body_idx', 'notes.notes_body_trgm']);
    expect(warnings[0]!.message).toContain('startWith=100');
    expect(table(model, 'public.notes').indexes[0]!.elements).toEqual([{ value: 'body', expression: false, opclass: 'text_pattern_ops' }]);
    expect(model.extras.map((x) => `${x.kind} ${x.name}`)).toEqual(['schema audit', 'sequence public.counter', 'view public.recent', 'table option public.notes']);
    expect(model.extras[1]!.sql).toBe('CREATE SEQUENCE "public"."counter" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10 CACHE 1');
  });

  it('a schema file that does not load is an error naming it', async () => {
    const file = await writtenSchema(`import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { id: nope() });\n`);
    await expect(readDrizzleModel([file])).rejects.toThrow(DrizzleProjectError);
    await expect(readDrizzleModel([file])).rejects.toThrow(/schema\.ts/);
  });
});
