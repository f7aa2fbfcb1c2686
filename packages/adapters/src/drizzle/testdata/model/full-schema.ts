// packages/core/src/schema/testdata/full.sql written by hand as a drizzle schema, as far as drizzle
// can say it: no comments, no INCLUDE index, no DEFERRABLE foreign key (the tests add those to the model).
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, char, check, customType, date, doublePrecision, foreignKey, index, inet, integer, json, jsonb,
  numeric, pgEnum, pgSchema, pgTable, primaryKey, real, serial, smallint, smallserial, text, time, timestamp, unique,
  uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const billing = pgSchema('billing');
export const userRole = pgEnum('user_role', ['admin', 'member', 'guest']);
export const invoiceStatus = billing.enum('invoice_status', ['draft', 'open', 'paid', 'void']);

export const users = pgTable('users', {
  id: serial().primaryKey(),
  email: varchar({ length: 255 }).notNull(),
  displayName: text('display_name'),
  role: userRole().notNull().default('member'),
  roles: userRole().array().notNull().default(sql`'{}'`),
  isActive: boolean('is_active').notNull().default(true),
  score: integer().notNull().default(0),
  balance: numeric({ precision: 10, scale: 2 }).notNull().default('0.00'),
  rating: real(),
  ratio: doublePrecision(),
  tags: text().array().notNull().default(sql`'{}'`),
  profile: jsonb(),
  settings: json(),
  avatar: bytea(),
  lastIp: inet('last_ip'),
  birthday: date(),
  wakeAt: time('wake_at'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at').notNull().default(sql`CURRENT_TIMESTAMP`),
}, (t) => [
  unique('users_email_key').on(t.email),
  check('users_score_check', sql`score >= 0`),
  uniqueIndex('users_email_lower_idx').on(sql`lower(email)`),
  index('users_created_at_idx').on(t.createdAt.desc().nullsFirst(), t.id),
  index('users_active_name_idx').on(t.displayName).where(sql`is_active`),
  index('users_tags_idx').using('gin', t.tags),
]);

export const teams = pgTable('teams', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: varchar({ length: 100 }).notNull(),
  slug: char({ length: 8 }).notNull(),
  parentId: bigint('parent_id', { mode: 'number' }),
}, (t) => [
  foreignKey({ name: 'teams_parent_fk', columns: [t.parentId], foreignColumns: [t.id] }).onDelete('set null'),
  unique('teams_slug_key').on(t.slug),
]);

export const memberships = pgTable('memberships', {
  userId: integer('user_id').notNull(),
  teamId: bigint('team_id', { mode: 'number' }).notNull(),
  joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  note: varchar(),
}, (t) => [
  primaryKey({ name: 'memberships_pkey', columns: [t.userId, t.teamId] }),
  foreignKey({ name: 'memberships_user_fk', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade').onUpdate('cascade'),
  foreignKey({ name: 'memberships_team_fk', columns: [t.teamId], foreignColumns: [teams.id] }).onDelete('restrict'),
]);

export const accounts = billing.table('accounts', {
  id: uuid().primaryKey().defaultRandom(),
  ownerId: integer('owner_id').notNull(),
  currency: char({ length: 3 }).notNull().default('EUR'),
  code: varchar({ length: 20 }).notNull(),
  smallCounter: smallserial('small_counter'),
  bigCounter: bigserial('big_counter', { mode: 'number' }),
}, (t) => [
  foreignKey({ name: 'accounts_owner_fk', columns: [t.ownerId], foreignColumns: [users.id] }),
  unique('accounts_owner_code_key').on(t.ownerId, t.code),
  check('accounts_currency_check', sql`currency ~ '^[A-Z]{3}$'`),
]);

export const invoices = billing.table('invoices', {
  id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  accountOwnerId: integer('account_owner_id').notNull(),
  accountCode: varchar('account_code', { length: 20 }).notNull(),
  status: invoiceStatus().notNull().default('draft'),
  amount: numeric({ precision: 12, scale: 4 }).notNull(),
  smallAmount: smallint('small_amount'),
  issuedOn: date('issued_on').notNull().default(sql`CURRENT_DATE`),
  dueAt: timestamp('due_at', { withTimezone: true, precision: 0 }),
  reference: uuid().notNull().defaultRandom(),
  lines: jsonb().notNull().default(sql`'[]'::jsonb`),
}, (t) => [
  foreignKey({ name: 'invoices_account_fk', columns: [t.accountOwnerId, t.accountCode], foreignColumns: [accounts.ownerId, accounts.code] }).onDelete('set default'),
  check('invoices_amount_check', sql`amount > 0`),
  check('invoices_due_after_issue', sql`due_at IS NULL OR due_at::date >= issued_on`),
  index('invoices_open_idx').on(t.accountOwnerId, t.accountCode).where(sql`status = 'open'`),
  uniqueIndex('invoices_reference_idx').on(t.reference),
]);
