// Prisma 7 reads its settings from here: the schema, the migrations folder and the database URL.
// dbm reads the same file, so `dbm status|apply|rollback|generate` work on this project as they are.
import { defineConfig, env } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: env('DATABASE_URL') },
});
