/** Expanding drizzle.config `schema` as drizzle-kit does: files, folders, globs, lists. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir } from './project.testkit.js';
import { drizzleSchemaFiles } from './schema-files.js';

const FILES = {
  'src/db/schema.ts': '',
  'src/db/users.ts': '',
  'src/db/README.md': '',
  'src/db/nested/orders.mts': '',
  'src/other/products.js': '',
  'src/other/products.test.ts': '',
};

describe('drizzleSchemaFiles', () => {
  it('takes a file, a folder (its files, not subfolders), a glob and a list', async () => {
    const root = await appDir(FILES, { modules: false });
    const at = (...p: string[]) => p.map((x) => join(root, x));
    expect(await drizzleSchemaFiles(root, './src/db/schema.ts', 'drizzle.config.ts')).toEqual(at('src/db/schema.ts'));
    expect(await drizzleSchemaFiles(root, './src/db', 'drizzle.config.ts')).toEqual(at('src/db/schema.ts', 'src/db/users.ts'));
    expect(await drizzleSchemaFiles(root, './src/**/*.ts', 'drizzle.config.ts')).toEqual(at('src/db/schema.ts', 'src/db/users.ts', 'src/other/products.test.ts'));
    expect(await drizzleSchemaFiles(root, 'src/*/{users,products}.{ts,js}', 'drizzle.config.ts')).toEqual(at('src/db/users.ts', 'src/other/products.js'));
    expect(await drizzleSchemaFiles(root, ['src/db/nested/*.mts', './src/db/users.ts'], 'c')).toEqual(at('src/db/nested/orders.mts', 'src/db/users.ts'));
  });

  it('says which config entry matched nothing, and that it wants .ts or .js files', async () => {
    const root = await appDir(FILES, { modules: false });
    await expect(drizzleSchemaFiles(root, './src/schema.ts', 'drizzle.config.ts')).rejects.toThrow(/no schema files found for "schema" '.\/src\/schema.ts' in drizzle.config.ts/);
    await expect(drizzleSchemaFiles(root, 'src/db/*.md', 'drizzle.config.ts')).rejects.toThrow(/\.ts or \.js files/);
    await expect(drizzleSchemaFiles(root, undefined, 'drizzle.config.ts')).rejects.toThrow(/drizzle.config.ts has no "schema"/);
  });
});
