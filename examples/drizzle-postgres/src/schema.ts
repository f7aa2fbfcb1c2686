// The shop's tables, as drizzle-orm describes them. drizzle-kit (or dbm generate) diffs this file
// against the last snapshot in drizzle/meta to write the next migration.
import { index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Customers. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});

/** What the shop sells; prices in cents. */
export const products = pgTable('products', {
  id: serial('id').primaryKey(),
  sku: varchar('sku', { length: 64 }).notNull().unique(),
  name: text('name').notNull(),
  priceCents: integer('price_cents').notNull(),
});

/** One order per checkout, placed by a user. */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    totalCents: integer('total_cents').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('placed'),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [index('orders_user_id_idx').on(t.userId)],
);
