// drizzle-kit's config for analytics. The database is the workspace's DATABASE_URL; the history table
// is analytics' own: a second drizzle package on the default drizzle.__drizzle_migrations would make
// drizzle skip migrations (it runs only those newer than the newest row).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
  dbCredentials: {
    url: process.env.DATABASE_URL!,
  },
  migrations: { table: '__drizzle_migrations_analytics', schema: 'drizzle' },
});
