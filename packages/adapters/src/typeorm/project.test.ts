import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectionError } from '../detect.js';
import { detectTypeOrm } from './detect.js';
import { migrationsLocation, writeFolder } from './migrations-location.js';
import { describeTypeOrmProject } from './project.js';

// typeorm, reflect-metadata and tsx as this package has them
const NODE_MODULES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');
const TSCONFIG = JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true, strictPropertyInitialization: false } });
const ENTITY = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity({ name: 'widgets' })
export class Widget {
  @PrimaryGeneratedColumn('increment', { type: 'integer' }) id: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
}
`;

let tmp: string;
let n = 0;

/** A package with these files (and this package's node_modules linked). */
async function project(files: Record<string, string>): Promise<string> {
  const root = path.join(tmp, `p${++n}`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await symlink(NODE_MODULES, path.join(root, 'node_modules'), 'dir');
  return root;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-typeorm-project-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('detectTypeOrm', () => {
  it('finds the dependency and a DataSource anywhere under src/, and nothing in a package without either', async () => {
    const both = await project({
      'package.json': JSON.stringify({ devDependencies: { typeorm: '1.1.1' } }),
      'src/db/connection.ts': "import { DataSource } from 'typeorm';\nexport const db = new DataSource({ type: 'postgres' });\n",
    });
    expect(await detectTypeOrm(both)).toEqual({ orm: 'typeorm', reasons: ['package.json depends on typeorm', `DataSource in ${path.join('src', 'db', 'connection.ts')}`] });
    const neither = await project({ 'package.json': JSON.stringify({ dependencies: { knex: '3.3.0' } }), 'src/index.ts': 'export {};\n' });
    expect(await detectTypeOrm(neither)).toBeUndefined();
  });
});

describe('describeTypeOrmProject', () => {
  it("reads the DataSource as TypeORM's CLI does: dialect, URL variable, migrations, ledger table and schema", async () => {
    const root = await project({
      'package.json': JSON.stringify({ type: 'module', dependencies: { typeorm: '1.1.1' } }),
      'tsconfig.json': TSCONFIG,
      'src/widget.ts': ENTITY,
      'src/data-source.ts': `import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Widget } from './widget.js';
export default new DataSource({
  type: 'postgres',
  url: process.env.APP_DATABASE_URL,
  entities: [Widget],
  migrations: ['src/db/migrations/*.ts'],
  migrationsTableName: 'typeorm_history',
  schema: 'app',
});
`,
    });
    const evidence = (await detectTypeOrm(root))!;
    const p = await describeTypeOrmProject(root, evidence);
    expect(p).toMatchObject({
      orm: 'typeorm',
      dialect: 'postgresql',
      root,
      migrationsDir: path.join(root, 'src', 'db', 'migrations'),
      schemaPath: path.join(root, 'src', 'data-source.ts'),
      url: { env: 'APP_DATABASE_URL' },
      ledgerTable: 'typeorm_history',
      ledgerSchema: 'app',
    });
    expect(p.evidence.join('\n')).toContain('DataSource src/data-source.ts: type postgres, migrations src/db/migrations/*.ts');
  });

  it('builds the URL from host, port and database in a CommonJS project, and defaults the migrations folder', async () => {
    const root = await project({
      'package.json': JSON.stringify({ dependencies: { typeorm: '1.1.1' } }),
      'data-source.ts': `const { DataSource } = require('typeorm');\nmodule.exports = { AppDataSource: new DataSource({ type: 'postgres', host: 'db.internal', port: 6543, username: 'shop', password: 'pw', database: 'shop' }) };\n`,
    });
    const p = await describeTypeOrmProject(root, (await detectTypeOrm(root))!);
    expect(p.url).toEqual({ value: 'postgres://shop:pw@db.internal:6543/shop' });
    expect(p.migrationsDir).toBe(path.join(root, 'src', 'migrations'));
  });

  it('names the file, the line and the fix when the DataSource does not load', async () => {
    const root = await project({
      'package.json': JSON.stringify({ type: 'module', dependencies: { typeorm: '1.1.1' } }),
      'src/data-source.ts': "import { DataSource } from 'typeorm';\nexport const ds = new DataSource({ type: 'postgres',, });\n",
    });
    const error = await describeTypeOrmProject(root, (await detectTypeOrm(root))!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DetectionError);
    expect((error as Error).message).toMatch(/^cannot load the TypeORM DataSource src\/data-source\.ts: /);
    expect((error as Error).message).toMatch(/data-source\.ts:2:\d+/);
    expect((error as Error).message).toContain('--orm typeorm --dir <migrations folder>');
  });

  it('refuses a file that exports no DataSource, saying what TypeORM needs', async () => {
    const root = await project({ 'package.json': JSON.stringify({ type: 'module' }), 'src/data-source.ts': "// DataSource lives elsewhere\nexport const x = 1;\n" });
    await expect(describeTypeOrmProject(root, { orm: 'typeorm', reasons: [] })).rejects.toThrow(/exports no TypeORM DataSource/);
  });
});

describe('migrationsLocation', () => {
  const root = '/app';
  it('reads a folder or a plain pattern as the folder, and anything else as the glob itself', () => {
    expect(migrationsLocation(['src/migrations'], root)).toMatchObject({ read: '/app/src/migrations', folder: '/app/src/migrations' });
    expect(migrationsLocation(['/app/src/migrations/*.{ts,js}'], root)).toMatchObject({ read: '/app/src/migrations', folder: '/app/src/migrations' });
    expect(migrationsLocation(['dist/**/migrations/*.js'], root)).toMatchObject({ read: '/app/dist/**/migrations/*.js', folder: '/app/dist' });
    expect(migrationsLocation([class {}], root)).toBeUndefined();
    expect(writeFolder('/app/db/{a,b}/*.ts')).toBe('/app/db');
  });
});
