// Prisma 7's settings for the API: schema, migrations folder and the database URL (DATABASE_URL, shared
// by the whole workspace). Prisma keeps its history in public._prisma_migrations.
import { defineConfig, env } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('DATABASE_URL') },
});
