/**
 * The Prisma schema of a project, read and validated by Prisma's own code (@prisma/internals, wasm):
 * found where the Prisma CLI finds it (the config's `schema`, else prisma/schema.prisma or
 * schema.prisma), all of its files when it is a folder, checked with getDMMF (what `prisma validate`
 * runs), and its datasource provider read with getConfig.
 */
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Dialect } from '../orm-adapter.js';
import { PrismaProjectError } from './project-error.js';

/** A loaded, valid schema. */
export interface PrismaSchema {
  /** The schema file, or the folder of a multi-file schema (absolute). */
  readonly path: string;
  /** The folder the schema files live in; the migrations folder defaults to `<rootDir>/migrations`. */
  readonly rootDir: string;
  /** Every schema file, path relative to the package directory (as Prisma's messages show it). */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  /** The datasource provider as written, e.g. "postgresql". */
  readonly provider: string;
  readonly dialect: Dialect;
  /** The file declaring the datasource (relative, as in `files`). */
  readonly datasourceFile: string;
}

const DIALECTS: Record<string, Dialect> = { postgresql: 'postgresql', postgres: 'postgresql', mysql: 'mysql', sqlite: 'sqlite' };

/** Prisma's error text without colours, its own banner, and the trailer naming the CLI version. */
function prismaMessage(e: unknown): string {
  const text = stripVTControlCharacters((e as Error)?.message ?? String(e));
  return text
    .split('\n')
    .filter((line) => !/^Prisma schema validation - \(|^\[Context: |^Prisma CLI Version : /.test(line))
    .join('\n')
    .trim();
}

type Internals = typeof import('@prisma/internals');

async function internals(): Promise<Internals> {
  const mod = (await import('@prisma/internals')) as Internals & { default?: Internals };
  return mod.default ?? mod;
}

/** Finds the schema files as the Prisma CLI does, relative to `baseDir` (the config's folder, else the package). */
async function findSchema(prisma: Internals, root: string, baseDir: string, fromConfig: string | undefined) {
  const input = prisma.createSchemaPathInput({ ...(fromConfig ? { schemaPathFromConfig: fromConfig } : {}), baseDir });
  let found;
  try {
    found = await prisma.getSchemaWithPathOptional({ schemaPath: input, cwd: baseDir });
  } catch (e) {
    throw new PrismaProjectError(`${prismaMessage(e)}; fix \`schema\` in the Prisma config`, fromConfig);
  }
  if (!found || found.schemas.length === 0) {
    const where = fromConfig ? relative(root, fromConfig) : 'prisma/schema.prisma or schema.prisma';
    throw new PrismaProjectError(
      `no Prisma schema found in ${root}: looked for ${where}; create it, or point \`schema\` in prisma.config.ts at it`,
      fromConfig,
    );
  }
  return found;
}

/** Loads and validates the schema; errors name the file and quote Prisma's own message. */
export async function loadPrismaSchema(root: string, options: { baseDir?: string; schema?: string } = {}): Promise<PrismaSchema> {
  const prisma = await internals();
  const found = await findSchema(prisma, root, options.baseDir ?? root, options.schema);
  const files = found.schemas.map(([path, content]) => ({ path: relative(root, path) || path, content }));
  const datamodel = files.map((f): [string, string] => [f.path, f.content]);
  const shown = files.map((f) => f.path).join(', ');
  try {
    await prisma.getDMMF({ datamodel });
  } catch (e) {
    throw new PrismaProjectError(`the Prisma schema ${shown} is invalid:\n${prismaMessage(e)}\nfix the schema (\`prisma validate\` reports the same) and run dbm again`, found.schemaPath);
  }
  const config = await prisma.getConfig({ datamodel }).catch((e: unknown) => {
    throw new PrismaProjectError(`the Prisma schema ${shown} is invalid:\n${prismaMessage(e)}`, found.schemaPath);
  });
  const ds = config.datasources[0];
  if (!ds) throw new PrismaProjectError(`the Prisma schema ${shown} has no datasource block: add datasource db { provider = "postgresql" }`, found.schemaPath);
  const dialect = DIALECTS[ds.activeProvider] ?? DIALECTS[ds.provider];
  if (!dialect) {
    throw new PrismaProjectError(`the Prisma datasource provider "${ds.provider}" is not supported by dbm (postgresql, mysql and sqlite are)`, found.schemaPath);
  }
  return {
    path: found.schemaPath,
    rootDir: found.schemaRootDir,
    files,
    provider: ds.provider,
    dialect,
    // the paths given to getConfig were already relative to the package
    datasourceFile: ds.sourceFilePath || files[0]!.path,
  };
}
