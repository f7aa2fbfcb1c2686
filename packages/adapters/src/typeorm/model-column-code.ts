/**
 * One column of the model as TypeORM decorators: `@PrimaryGeneratedColumn` for a one-column serial,
 * identity or uuid key, `@PrimaryColumn` for the columns of any other key, `@Column` otherwise, with
 * `@Generated` for a serial or identity column outside the key. Options always carry the type.
 */
import { serialSequenceName, type ColumnModel, type EnumModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { isDefaultSequence, objectName } from '../knex/model-ops.js';
import { jsString as jsValue } from '../knex/js.js';
import { typeOptions } from './model-type-map.js';

/** What writing one column needs to know beyond the column. */
export interface ColumnContext {
  readonly table: TableModel;
  readonly property: string;
  /** The enum type the column uses, if any. */
  readonly enumType?: EnumModel;
  /** The primary key's name to write (undefined when TypeORM's default is the same). */
  readonly primaryKeyName?: string;
  /** The uuid generator the DataSource gets (`uuidExtension`). */
  readonly uuidGenerator: string;
  readonly warnings: SchemaWarning[];
}

/** The decorators of a column and its property declaration. */
export interface ColumnCode {
  readonly decorators: string[];
  readonly declaration: string;
  /** Decorator names to import from typeorm. */
  readonly imports: string[];
}

const INT_TYPES = new Set(['int2', 'int4', 'int8']);

function options(entries: Array<[string, string | undefined]>): string {
  const parts = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '';
}

/** The `default` option: a plain value where TypeORM writes the same SQL back, else the SQL as a function. */
function defaultOption(c: ColumnModel): string | undefined {
  const d = c.default;
  if (!d || d.kind === 'sequence') return undefined;
  // TypeORM quotes a string default without escaping it, so only quote-free strings go as values
  if (d.kind === 'literal' && typeof d.value === 'string' && !d.value.includes("'")) return jsValue(d.value);
  if (d.kind === 'literal' && typeof d.value === 'boolean') return String(d.value);
  // TypeORM reads an integer default back quoted ('1', '-1'), as it renders a number option: a
  // function would compare as 1 against '1' in every migration:generate
  if (d.kind === 'literal' && typeof d.value === 'number' && d.sql.replace(/::[\w\s.[\]\-"]+/g, '').replace(/^(-?\d+)$/, "'$1'") === `'${d.value}'`) return String(d.value);
  return `() => ${jsValue(d.sql)}`;
}

// the SQL-standard time functions TypeORM's PostgreSQL driver rewrites (normalizeDatetimeFunction)
const REWRITTEN_TIME = /^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)(\(\d+\))?$/i;

/** The decorators and declaration of one column. */
export function columnCode(c: ColumnModel, ctx: ColumnContext): ColumnCode {
  const object = objectName(ctx.table, c.name);
  if (c.default && c.default.kind !== 'sequence' && REWRITTEN_TIME.test(c.default.sql.trim())) {
    ctx.warnings.push({
      object,
      message: `TypeORM writes DEFAULT ${c.default.sql} as now() or ('now'::text)::<type> (the same value, another catalog spelling); its own diff expects that spelling, so it is kept`,
    });
  }
  const pk = ctx.table.primaryKey?.columns ?? [];
  const inKey = pk.includes(c.name);
  const soleKey = inKey && pk.length === 1;
  let typed = typeOptions(c.type);
  let enumValues: string | undefined;
  if (ctx.enumType) {
    if (ctx.enumType.schema !== ctx.table.schema) {
      ctx.warnings.push({ object, message: `enum ${ctx.enumType.schema}.${ctx.enumType.name} lives outside the table's schema: TypeORM creates a column's enum type in the table's schema` });
    }
    typed = { type: 'enum', ts: ctx.enumType.values.map(jsValue).join(' | '), ...(c.type.arrayDims ? { array: true } : {}) };
    if (c.type.arrayDims) typed = { ...typed, ts: `(${typed.ts})[]` };
    enumValues = `[${ctx.enumType.values.map(jsValue).join(', ')}]`;
  }
  if (typeof typed === 'string') {
    ctx.warnings.push({ object, message: `${typed}; written as text, the native type is lost` });
    typed = { type: 'text', ts: 'string' };
  }
  const serial = c.default?.kind === 'sequence' && INT_TYPES.has(c.type.name) && c.type.arrayDims === 0;
  if (c.default?.kind === 'sequence' && !serial) ctx.warnings.push({ object, message: `a default of nextval('${c.default.sequence}') on ${c.type.sql} is not a serial: TypeORM cannot write it` });
  if (serial && c.default?.kind === 'sequence' && !isDefaultSequence(ctx.table, c.name, c.default.sequence)) {
    ctx.warnings.push({ object, message: `sequence ${c.default.sequence}: TypeORM's serial creates ${serialSequenceName(ctx.table.name, c.name)}` });
  }
  const pkName = inKey && ctx.primaryKeyName ? jsValue(ctx.primaryKeyName) : undefined;
  const typeEntries: Array<[string, string | undefined]> = [
    ['type', jsValue(typed.type)],
    ['length', typed.length?.toString()],
    ['precision', typed.precision?.toString()],
    ['scale', typed.scale?.toString()],
    ['array', typed.array ? 'true' : undefined],
    ['enum', enumValues],
    ['enumName', ctx.enumType ? jsValue(ctx.enumType.name) : undefined],
  ];
  const nameEntry: [string, string | undefined] = ['name', ctx.property !== c.name ? jsValue(c.name) : undefined];
  const tail: Array<[string, string | undefined]> = [
    ['comment', c.comment !== undefined ? jsValue(c.comment) : undefined],
    ['collation', c.collation !== undefined ? jsValue(c.collation.replace(/^pg_catalog\./, '')) : undefined],
    ['primaryKeyConstraintName', pkName],
  ];
  const ts = `${typed.ts}${c.nullable ? ' | null' : ''}`;
  // TypeORM fills every column: definite assignment, so strict TypeScript accepts the class as written
  const declaration = `${ctx.property}!: ${ts};`;
  const identity = c.identity ? jsValue(c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT') : undefined;
  if (soleKey && (serial || c.identity) && !c.generated && !c.collation) {
    const kind = serial ? "'increment'" : "'identity'";
    const o = options([nameEntry, ['type', jsValue(typed.type)], ['generatedIdentity', identity], ['comment', tail[0]![1]], ['primaryKeyConstraintName', pkName]]);
    return { decorators: [`@PrimaryGeneratedColumn(${kind}${o ? `, ${o}` : ''})`], declaration, imports: ['PrimaryGeneratedColumn'] };
  }
  if (soleKey && c.default?.kind === 'uuid' && c.default.sql === ctx.uuidGenerator && c.type.name === 'uuid' && c.type.arrayDims === 0) {
    const o = options([nameEntry, ['comment', tail[0]![1]], ['primaryKeyConstraintName', pkName]]);
    return { decorators: [`@PrimaryGeneratedColumn('uuid'${o ? `, ${o}` : ''})`], declaration, imports: ['PrimaryGeneratedColumn'] };
  }
  // a uuid column filled by the DataSource's generator: TypeORM reads that default back as "generated", not as a default
  const uuidGenerated = c.default?.kind === 'uuid' && c.default.sql === ctx.uuidGenerator && c.type.name === 'uuid' && c.type.arrayDims === 0;
  const generatedAs = c.generated !== undefined ? ([['generatedType', "'STORED'"], ['asExpression', jsValue(c.generated)]] as Array<[string, string]>) : [];
  const all = options([
    nameEntry,
    ...typeEntries,
    ['nullable', c.nullable && !inKey ? 'true' : undefined],
    ['default', uuidGenerated ? undefined : defaultOption(c)],
    ['generatedIdentity', identity],
    ...generatedAs,
    ...tail,
  ]);
  const decorator = inKey ? 'PrimaryColumn' : 'Column';
  const decorators = [`@${decorator}(${all})`];
  const imports = [decorator];
  if (serial || c.identity) {
    decorators.push(`@Generated(${serial ? "'increment'" : "'identity'"})`);
    imports.push('Generated');
  }
  if (uuidGenerated) {
    decorators.push("@Generated('uuid')");
    imports.push('Generated');
  }
  return { decorators, declaration, imports };
}
