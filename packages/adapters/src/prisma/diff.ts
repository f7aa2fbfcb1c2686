/**
 * Prisma's own migration SQL for "the migrations so far → schema.prisma": what `prisma migrate dev
 * --create-only` would write, produced by the schema engine (wasm, in process) diffing the shadow
 * database the migrations built against the schema's datamodel, as an executable script.
 */
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { openPrismaEngine, takeEnginePanic } from './engine.js';
import { PrismaProjectError } from './project-error.js';
import { openShadow } from './shadow.js';

/** What to diff. */
export interface PrismaDiffInput {
  /** The migrations folder as the Prisma CLI hands it to the engine. */
  readonly migrations: MigrationList;
  /** The schema files (path relative to the package, content). */
  readonly schemaFiles: readonly { readonly path: string; readonly content: string }[];
  /** The folder relative paths in the schema are resolved from (Prisma's config directory). */
  readonly configDir: string;
  /** Tables and enums the config declares external: the engine leaves them out of the diff. */
  readonly externalTables: readonly string[];
  readonly externalEnums: readonly string[];
}

/** The engine's message, with the panic that caused a bare "unreachable", and without its Rust backtrace. */
function engineMessage(e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  const panic = takeEnginePanic();
  const text = panic && /unreachable/.test(message) ? `the schema engine panicked: ${panic}` : message;
  return text.split(/\n\s+0: /)[0]!.trim();
}

/** Prisma's SQL from the migrations' schema to the schema files; an empty string when they agree. */
export async function prismaDiff(input: PrismaDiffInput): Promise<string> {
  const shadow = await openShadow(input.migrations);
  try {
    const files = input.schemaFiles.map((f) => ({ path: f.path, content: f.content }));
    const prisma = await openPrismaEngine(shadow.url, { schemaFiles: files });
    try {
      const result = await prisma.engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: input.configDir },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: { externalTables: [...input.externalTables], externalEnums: [...input.externalEnums] },
      });
      return result.stdout ?? '';
    } catch (e) {
      throw new PrismaProjectError(`Prisma's schema engine could not diff the migrations against the schema: ${engineMessage(e)}`);
    } finally {
      await prisma.close();
    }
  } finally {
    await shadow.close();
  }
}
