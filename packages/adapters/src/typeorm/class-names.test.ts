/**
 * The class-name cache behind TypeORM's `read`: a file whose content is unchanged is not loaded again
 * (shown by an entry that says otherwise being believed), and a file whose content differs is.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FORMAT } from '../cache/store.js';
import { migrationClassNames } from './class-names.js';

let tmp: string;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function cacheEntry(root: string): Promise<{ file: string; json: Record<string, { hash: string; classes: { name: string; timestamp: number }[] }> }> {
  const dir = path.join(root, 'node_modules', '.cache', 'dbm');
  const name = (await readdir(dir)).find((f) => f.startsWith('typeorm-classes-'));
  expect(name).toBeDefined();
  const file = path.join(dir, name!);
  return { file, json: (JSON.parse(await readFile(file, 'utf8')) as { value: never }).value };
}

describe('migrationClassNames', () => {
  it('loads a file once, then answers from the cache until its content changes', async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'dbm-typeorm-names-'));
    await mkdir(path.join(tmp, 'node_modules'));
    await mkdir(path.join(tmp, 'migrations'));
    const file = path.join(tmp, 'migrations', '1700000000000-AddThing.ts');
    await writeFile(file, 'export class AddThing1700000000000 {\n  async up(): Promise<void> {}\n  async down(): Promise<void> {}\n}\n');

    expect(await migrationClassNames([file], tmp)).toEqual([{ name: 'AddThing1700000000000', timestamp: 1700000000000, file }]);

    // an entry with the file's hash is believed without loading the file
    const { file: entryFile, json } = await cacheEntry(tmp);
    json[file]!.classes = [{ name: 'FromTheCache1700000000001', timestamp: 1700000000001 }];
    await writeFile(entryFile, JSON.stringify({ format: CACHE_FORMAT, value: json }));
    expect((await migrationClassNames([file], tmp))[0]!.name).toBe('FromTheCache1700000000001');

    // a different hash (the file was edited) means the file is loaded again
    json[file]!.hash = 'edited';
    await writeFile(entryFile, JSON.stringify({ format: CACHE_FORMAT, value: json }));
    expect((await migrationClassNames([file], tmp))[0]!.name).toBe('AddThing1700000000000');
    expect((await cacheEntry(tmp)).json[file]!.classes[0]!.name).toBe('AddThing1700000000000');
  });
});
