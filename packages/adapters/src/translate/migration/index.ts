/** Single-migration translation between forms (SQL, knex, TypeORM, Prisma, drizzle), up and down. */
export { translateMigration } from './translate.js';
export { TranslateMigrationError } from './errors.js';
export { MIGRATION_FORMS, type MigrationForm, type TranslateMigrationOptions, type TranslateMigrationResult, type TranslateMigrationWarning, type TranslateMigrationWarningCode, type TranslatedMigrationFile } from './types.js';
