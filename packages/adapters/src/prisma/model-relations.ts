/**
 * Foreign keys as Prisma relations: a relation field on the referencing model (`fields`, `references`,
 * the actions when they are not Prisma's defaults, `map` when the name is not Prisma's) and the
 * opposite field on the referenced model (a list, or an optional single field for one-to-one). Two
 * foreign keys between the same models, or one from a model to itself, get a relation name.
 */
import type { ForeignKeyModel, ReferentialAction, TableModel } from '@dbm/core';
import { camelCase, listFieldFor, prismaConstraintName, type NameScope } from './model-names.js';
import { prismaString } from './model-write-defaults.js';

/** What the writer knows of a model while relations are added. */
export interface RelationModel {
  readonly table: TableModel;
  readonly name: string;
  /** Column → Prisma field name. */
  readonly fields: ReadonlyMap<string, string>;
  readonly scope: NameScope;
  /** Column sets Prisma sees as unique in this model (@id, @unique, @@unique), as sorted keys. */
  readonly uniqueSets: ReadonlySet<string>;
  /** Marked @@ignore (no key Prisma can use): relation fields pointing at it must be @ignore too. */
  readonly ignored: boolean;
  readonly relationLines: string[];
}

const ACTIONS: Readonly<Record<ReferentialAction, string>> = {
  cascade: 'Cascade',
  restrict: 'Restrict',
  'no action': 'NoAction',
  'set null': 'SetNull',
  'set default': 'SetDefault',
};

/** The key of a column set, independent of order. */
export const setKey = (columns: readonly string[]) => [...columns].sort().join('\u0000');

/** The forward field's name: `user_id` → `user`, else the target model's name. */
function forwardName(fk: ForeignKeyModel, target: RelationModel): string {
  const only = fk.columns.length === 1 ? fk.columns[0]! : undefined;
  const stripped = only?.replace(/(_id|Id|_fk|_ref)$/, '');
  return stripped && stripped !== only ? camelCase(stripped) : camelCase(target.name);
}

/**
 * Adds the relation fields of `fk` (declared on `source`) to both models. Returns false when Prisma
 * cannot express it (the referenced columns are not unique in the target model's Prisma form), so the
 * caller carries the foreign key as SQL instead.
 */
export function addRelation(fk: ForeignKeyModel, source: RelationModel, target: RelationModel, named: boolean): boolean {
  if (!target.uniqueSets.has(setKey(fk.target.columns))) return false;
  if (fk.columns.some((c) => !source.fields.has(c)) || fk.target.columns.some((c) => !target.fields.has(c))) return false;
  const optional = fk.columns.some((c) => source.table.columns.find((col) => col.name === c)?.nullable);
  const forward = source.scope.take(forwardName(fk, target));
  const oneToOne = source.uniqueSets.has(setKey(fk.columns));
  const backWanted = oneToOne ? camelCase(source.name) : listFieldFor(source.name);
  const back = target.scope.take(named ? `${backWanted}By${forward.charAt(0).toUpperCase()}${forward.slice(1)}` : backWanted);
  const args: string[] = [];
  if (named) args.push(prismaString(fk.name));
  args.push(`fields: [${fk.columns.map((c) => source.fields.get(c)).join(', ')}]`);
  args.push(`references: [${fk.target.columns.map((c) => target.fields.get(c)).join(', ')}]`);
  if (fk.onDelete !== (optional ? 'set null' : 'restrict')) args.push(`onDelete: ${ACTIONS[fk.onDelete]}`);
  if (fk.onUpdate !== 'cascade') args.push(`onUpdate: ${ACTIONS[fk.onUpdate]}`);
  if (fk.name !== prismaConstraintName(source.table.name, fk.columns, 'fkey')) args.push(`map: ${prismaString(fk.name)}`);
  const ignore = (other: RelationModel) => (other.ignored ? ' @ignore' : '');
  source.relationLines.push(`${forward} ${target.name}${optional ? '?' : ''} @relation(${args.join(', ')})${ignore(target)}`);
  const backType = oneToOne ? `${source.name}?` : `${source.name}[]`;
  target.relationLines.push(`${back} ${backType}${named ? ` @relation(${prismaString(fk.name)})` : ''}${ignore(source)}`);
  return true;
}
