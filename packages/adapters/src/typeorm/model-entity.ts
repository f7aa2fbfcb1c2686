/**
 * One table of the model as a TypeORM entity class file: `@Entity`, class-level `@Unique`, `@Check` and
 * `@Index`, a property per column, and a `@ManyToOne` + `@JoinColumn` per foreign key. Constraint names
 * are written only where TypeORM's naming strategy would choose another. An index TypeORM cannot describe
 * (expression, DESC, NULLS, INCLUDE, operator class…) is declared `synchronize: false`, so TypeORM leaves
 * it alone, and travels as raw SQL in a warning.
 */
import { compilePostgres, type EnumModel, type ForeignKeyModel, type IndexModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { jsList, jsString } from '../knex/js.js';
import { foreignKeyOperation, indexOperation, objectName } from '../knex/model-ops.js';
import { columnCode } from './model-column-code.js';
import type { DefaultNames, Names } from './model-names.js';
import { propertyKey } from './model-names.js';

/** What writing one entity needs to know beyond its table. */
export interface EntityContext {
  readonly names: Names;
  readonly defaults: DefaultNames;
  /** Enum types by `schema.name`. */
  readonly enums: ReadonlyMap<string, EnumModel>;
  /** Tables by `schema.name`, for relation targets. */
  readonly tables: ReadonlyMap<string, TableModel>;
  readonly uuidGenerator: string;
  readonly warnings: SchemaWarning[];
}

const TYPEORM_METHODS = new Set(['btree', 'hash', 'gist', 'spgist', 'gin', 'brin']);
const ACTION: Readonly<Record<string, string>> = { restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT' };

/** Whether `@Index` says exactly this index. */
function plainIndex(i: IndexModel): boolean {
  return (
    TYPEORM_METHODS.has(i.method) &&
    !i.include?.length &&
    !i.nullsNotDistinct &&
    i.elements.every((e) => !e.expression && (e.order ?? 'asc') === 'asc' && !e.nulls && !e.opclass && !e.collation)
  );
}

function indexLine(t: TableModel, i: IndexModel, ctx: EntityContext, props: ReadonlyMap<string, string>): string {
  if (!plainIndex(i)) {
    ctx.warnings.push({
      object: objectName(t, i.name),
      message: "TypeORM's @Index cannot say this index (expression, DESC, NULLS, INCLUDE, operator class or collation): declared with synchronize: false, created by raw SQL",
      rawSql: compilePostgres(indexOperation(t, i)),
    });
    return `@Index(${jsString(i.name)}, { synchronize: false })`;
  }
  const columns = i.elements.map((e) => e.value);
  const options = [i.unique ? 'unique: true' : '', i.where !== undefined ? `where: ${jsString(i.where)}` : '', i.method !== 'btree' ? `type: ${jsString(i.method)}` : '']
    .filter(Boolean)
    .join(', ');
  const name = ctx.defaults.index(t, columns, i.where) === i.name ? '' : `${jsString(i.name)}, `;
  return `@Index(${name}${jsList(columns.map((c) => props.get(c) ?? c))}${options ? `, { ${options} }` : ''})`;
}

function relationLines(t: TableModel, fk: ForeignKeyModel, ctx: EntityContext, imports: Set<string>): string[] | undefined {
  const target = ctx.tables.get(`${fk.target.schema}.${fk.target.table}`);
  if (!target) return undefined;
  const targetClass = ctx.names.classOf.get(target)!;
  const targetProps = ctx.names.propertyOf.get(target)!;
  const options = [
    fk.onDelete !== 'no action' ? `onDelete: ${jsString(ACTION[fk.onDelete]!)}${fk.onDelete === 'set default' ? ' as never' : ''}` : '',
    fk.onUpdate !== 'no action' ? `onUpdate: ${jsString(ACTION[fk.onUpdate]!)}${fk.onUpdate === 'set default' ? ' as never' : ''}` : '',
    fk.deferrable ? `deferrable: ${jsString(fk.deferrable === 'deferred' ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE')}` : '',
  ].filter(Boolean);
  const named = ctx.defaults.foreignKey(t, fk) === fk.name ? undefined : fk.name;
  // TypeORM takes the key's name from the first join column
  const joins = fk.columns.map((c, n) => {
    const referenced = jsString(targetProps.get(fk.target.columns[n]!) ?? fk.target.columns[n]!);
    return `{ name: ${jsString(c)}, referencedColumnName: ${referenced}${n === 0 && named ? `, foreignKeyConstraintName: ${jsString(named)}` : ''} }`;
  });
  const join = joins.length === 1 ? `@JoinColumn(${joins[0]!})` : `@JoinColumn([${joins.join(', ')}])`;
  const nullable = fk.columns.some((c) => t.columns.find((x) => x.name === c)?.nullable);
  const property = ctx.names.relationOf.get(t)!.get(fk)!;
  imports.add('ManyToOne').add('JoinColumn');
  // a SET DEFAULT action: TypeORM's OnDeleteType lacks it, though TypeORM writes the action verbatim
  const note = fk.onDelete === 'set default' || fk.onUpdate === 'set default' ? ["// TypeORM's OnDeleteType lacks 'SET DEFAULT'; TypeORM writes the action as given"] : [];
  return [
    ...note,
    `@ManyToOne(() => ${targetClass}${options.length ? `, { ${options.join(', ')} }` : ''})`,
    join,
    `${propertyKey(property)}!: Relation<${targetClass}>${nullable ? ' | null' : ''};`,
  ];
}

/** The source text of one entity file, and the classes it imports (by class name). */
export function entitySource(t: TableModel, ctx: EntityContext): { text: string; imports: string[] } {
  const className = ctx.names.classOf.get(t)!;
  const props = ctx.names.propertyOf.get(t)!;
  const decorators = new Set<string>(['Entity']);
  const classImports = new Set<string>();
  const entity = [`name: ${jsString(t.name)}`, t.schema !== 'public' ? `schema: ${jsString(t.schema)}` : '', t.comment !== undefined ? `comment: ${jsString(t.comment)}` : ''];
  const head: string[] = [`@Entity({ ${entity.filter(Boolean).join(', ')} })`];
  for (const u of t.uniques) {
    if (u.nullsNotDistinct) ctx.warnings.push({ object: objectName(t, u.name), message: 'UNIQUE NULLS NOT DISTINCT: TypeORM writes a plain unique constraint' });
    const name = ctx.defaults.unique(t, u.columns) === u.name ? '' : `${jsString(u.name)}, `;
    head.push(`@Unique(${name}${jsList(u.columns.map((c) => props.get(c) ?? c))})`);
    decorators.add('Unique');
  }
  for (const k of t.checks) {
    head.push(ctx.defaults.check(t, k.expr) === k.name ? `@Check(${jsString(k.expr)})` : `@Check(${jsString(k.name)}, ${jsString(k.expr)})`);
    decorators.add('Check');
  }
  for (const i of t.indexes) {
    head.push(indexLine(t, i, ctx, props));
    decorators.add('Index');
  }
  const pk = t.primaryKey;
  const pkName = pk && ctx.defaults.primaryKey(t, pk.columns) !== pk.name ? pk.name : undefined;
  const body: string[] = [];
  for (const c of t.columns) {
    const enumType = c.type.schema && c.type.schema !== 'pg_catalog' ? ctx.enums.get(`${c.type.schema}.${c.type.name}`) : undefined;
    const code = columnCode(c, { table: t, property: propertyKey(props.get(c.name)!), ...(enumType ? { enumType } : {}), ...(pkName ? { primaryKeyName: pkName } : {}), uuidGenerator: ctx.uuidGenerator, warnings: ctx.warnings });
    code.imports.forEach((i) => decorators.add(i));
    body.push(...code.decorators, code.declaration, '');
  }
  let relations = false;
  for (const fk of t.foreignKeys) {
    const lines = relationLines(t, fk, ctx, decorators);
    if (!lines) {
      ctx.warnings.push({ object: objectName(t, fk.name), message: `references ${fk.target.schema}.${fk.target.table}, which is not in the schema: created by raw SQL`, rawSql: compilePostgres(foreignKeyOperation(t, fk)) });
      continue;
    }
    relations = true;
    const target = ctx.tables.get(`${fk.target.schema}.${fk.target.table}`)!;
    if (target !== t) classImports.add(ctx.names.classOf.get(target)!);
    body.push(...lines, '');
  }
  if (body[body.length - 1] === '') body.pop();
  const typeorm = [...decorators].sort();
  const importLine = `import { ${typeorm.join(', ')}${relations ? ', type Relation' : ''} } from 'typeorm';`;
  const lines = [
    `/** The ${t.schema}.${t.name} table. */`,
    importLine,
    ...[...classImports].sort().map((c) => `import { ${c} } from './${c}.js';`),
    '',
    ...head,
    `export class ${className} {`,
    ...body.map((l) => (l ? `  ${l}` : '')),
    '}',
  ];
  return { text: `${lines.join('\n')}\n`, imports: [...classImports] };
}
