/**
 * Test helpers for the TypeORM schema translation: a throwaway TypeORM project holding written entity
 * files (typeorm, tsx and reflect-metadata from this package, decorators as a TypeORM project compiles
 * them), and the full-feature fixture loaded into a database.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { SourceFile } from './model-write.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_MODULES = path.resolve(here, '../../node_modules');

/** The shared full-feature schema (packages/core/src/schema/testdata/full.sql). */
export const FULL_SQL = path.resolve(here, '../../../core/src/schema/testdata/full.sql');

/** Runs the fixture's SQL on `client`. */
export async function loadFull(client: pg.ClientBase): Promise<void> {
  await client.query(await readFile(FULL_SQL, 'utf8'));
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    skipLibCheck: true,
    noEmit: true,
  },
};

/** A temporary ES-module TypeORM project with `files`, for the duration of `work` (removed afterwards). */
export async function withTypeOrmProject<T>(files: readonly SourceFile[], work: (root: string) => Promise<T>): Promise<T> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dbm-typeorm-model-'));
  try {
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'model-fixture', private: true, type: 'module' }));
    await writeFile(path.join(root, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await symlink(PACKAGE_MODULES, path.join(root, 'node_modules'), 'dir');
    for (const f of files) {
      await mkdir(path.dirname(path.join(root, f.path)), { recursive: true });
      await writeFile(path.join(root, f.path), f.text);
    }
    return await work(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
