// The fixture app's drizzle schema (JavaScript, so the package build does not compile it).
// drizzle-kit generated ./drizzle from its three versions: users, then orders, then users.display_name.
import { index, integer, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  displayName: text('display_name'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});

export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    total: integer('total').notNull(),
  },
  (t) => [index('orders_user_id_idx').on(t.userId)],
);
