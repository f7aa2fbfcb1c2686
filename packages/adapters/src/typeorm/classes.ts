/**
 * The migration classes a file exports, found as TypeORM finds them (every exported function, also inside
 * exported arrays and objects), each named as TypeORM names it: the instance's `name`, else the class name.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { importMigrationFile } from '../code/load-module.js';
import { typeormTimestamp } from './options.js';

/** A TypeORM migration instance: `up`, `down`, optional `name` and `transaction`. */
export type TypeOrmMigration = MigrationInterface & { up(queryRunner: QueryRunner): Promise<unknown>; down(queryRunner: QueryRunner): Promise<unknown> };

/** A migration class with the name and timestamp TypeORM gives it. */
export interface FoundClass {
  readonly migrationClass: new () => TypeOrmMigration;
  readonly name: string;
  readonly timestamp: number;
  readonly file: string;
}

function collectFunctions(exported: unknown, into: Function[], seen: Set<unknown>): Function[] {
  if (typeof exported === 'function') into.push(exported);
  else if (exported && typeof exported === 'object' && !seen.has(exported)) {
    seen.add(exported);
    for (const value of Array.isArray(exported) ? exported : Object.values(exported)) collectFunctions(value, into, seen);
  }
  return into;
}

/** The classes `file` exports, instantiated once to read their names (TypeORM instantiates them too). */
export async function loadMigrationClasses(file: string): Promise<FoundClass[]> {
  const exported = await importMigrationFile(file);
  const found: FoundClass[] = [];
  for (const fn of collectFunctions(exported, [], new Set())) {
    const migrationClass = fn as new () => TypeOrmMigration;
    const instance = new migrationClass();
    const name = instance.name ?? migrationClass.name;
    try {
      found.push({ migrationClass, name, timestamp: typeormTimestamp(name), file });
    } catch (e) {
      throw new Error(`${(e as Error).message} (${file})`);
    }
  }
  return found;
}

/** The class recorded under `name` in `file`; throws when the file no longer has it. */
export async function findMigrationClass(file: string, name: string): Promise<FoundClass> {
  const found = (await loadMigrationClasses(file)).find((c) => c.name === name);
  if (!found) throw new Error(`no TypeORM migration named ${name} in ${file}`);
  return found;
}
