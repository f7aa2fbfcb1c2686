// Analytics tables, as drizzle-orm describes them; drizzle-kit (or dbm generate) diffs this file
// against the last snapshot in drizzle/meta.
import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** One tracked event. */
export const events = pgTable('analytics_events', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  at: timestamp('at').defaultNow().notNull(),
});

/** Page views per path and day. */
export const pageViews = pgTable('analytics_page_views', {
  id: serial('id').primaryKey(),
  path: text('path').notNull(),
  views: integer('views').notNull().default(0),
});
