/**
 * SchemaModel → one knex migration file: `up` creates the schemas, enum types (through the `t.enu` of
 * their first column), tables with their keys, uniques, checks and foreign keys (`createTable`), the keys
 * a cycle postpones, and the indexes; `down` undoes it in reverse. Built on the operation → knex
 * translation dbm already uses for plans (builder.ts), so the same statements get the same code.
 * Whatever knex cannot say becomes `knex.raw(…)` in the file and a warning naming it.
 */
import { compilePostgres, inScriptOrder, qname, beforeTables, type EnumModel, type ExtraModel, type SchemaModel, type SchemaWarning, type TableModel } from '@dbm/core';
import { bodyLines } from './body.js';
import { operationItems } from './builder.js';
import type { Item } from './item.js';
import { jsString, rawCall } from './js.js';
import { creationOrder, enumOperation, foreignKeyOperation, indexOperation, objectName, tableName } from './model-ops.js';
import { dropsBeforeTables, extraDrop } from './model-extra-drop.js';
import { dropForeignLine, enumOf, tableItems, type EnumPlan } from './model-table-code.js';
import { migrationFile, type MigrationStyle } from './write.js';

/** The migration text and what knex could not say. */
export interface KnexModelWrite {
  readonly text: string;
  readonly warnings: SchemaWarning[];
}

/** Options of {@link writeKnexMigration}. */
export interface WriteKnexOptions {
  /** The project's module format (default CommonJS, what `knex migrate:make` writes). */
  readonly style?: MigrationStyle;
}

const key = (o: { readonly schema: string; readonly name: string }) => `${o.schema}.${o.name}`;
const statement = (code: string): Item => ({ kind: 'statement', code });
const schemaCall = (t: TableModel) => `knex.schema${t.schema !== 'public' ? `.withSchema(${jsString(t.schema)})` : ''}`;

/** Which column's `t.enu` creates each enum: its first scalar column in creation order, if knex can quote its values. */
function planEnums(model: SchemaModel, order: readonly TableModel[]): EnumPlan {
  const byKey = new Map<string, EnumModel>(model.enums.map((e) => [key(e), e]));
  const creator = new Map<string, string>();
  const plan = { byKey, creator };
  for (const t of order) {
    for (const c of t.columns) {
      const e = enumOf(c, plan);
      // knex writes enum values between quotes without escaping them
      if (!e || c.type.arrayDims > 0 || creator.has(key(e)) || e.values.some((v) => v.includes("'"))) continue;
      creator.set(key(e), `${t.schema}.${t.name}.${c.name}`);
    }
  }
  return plan;
}

function raw(sql: string, object: string, message: string, warnings: SchemaWarning[]): Item {
  warnings.push({ object, message, rawSql: sql });
  return statement(rawCall(sql));
}

/** Writes the model as one knex migration. */
export function writeKnexMigration(model: SchemaModel, options: WriteKnexOptions = {}): KnexModelWrite {
  const warnings: SchemaWarning[] = [];
  const { order, inline, deferred } = creationOrder(model.tables);
  const plan = planEnums(model, order);
  const up: Item[] = [];
  const down: Item[] = [];
  const schemas = [...new Set([...model.tables, ...model.enums].map((o) => o.schema).filter((s) => s !== 'public'))].sort();
  for (const s of schemas) up.push(statement(`await knex.schema.createSchemaIfNotExists(${jsString(s)});`));
  const extras = inScriptOrder(model.extras);
  for (const x of extras.filter(beforeTables)) up.push(raw(x.sql, x.name, `${x.kind}: knex has no builder for it`, warnings));
  for (const e of model.enums) {
    if (plan.creator.has(key(e))) continue;
    up.push(raw(compilePostgres(enumOperation(e)), key(e), 'an enum type no scalar column creates with t.enu (unused, only in arrays, or quotes in its values): created by raw SQL', warnings));
  }
  for (const t of order) up.push(...tableItems(t, inline.get(t) ?? [], plan, warnings));
  const ctx = { constraints: new Map() };
  const viaRaw = (items: Item[], object: string, sql: string, why: string) => {
    if (items.some((i) => i.kind === 'statement')) warnings.push({ object, message: why, rawSql: sql });
    return items;
  };
  for (const [t, fk] of deferred) {
    const op = foreignKeyOperation(t, fk, true);
    up.push(...viaRaw(operationItems(op, ctx), objectName(t, fk.name), compilePostgres(op), "knex's foreign() cannot say this key exactly: added by raw SQL"));
  }
  for (const t of order) {
    for (const i of t.indexes) {
      const op = indexOperation(t, i, true);
      up.push(...viaRaw(operationItems(op, ctx), objectName(t, i.name), compilePostgres(op), "knex's index() cannot say this index (expression, DESC, NULLS, INCLUDE, operator class…): created by raw SQL"));
    }
  }
  for (const x of extras.filter((e) => !beforeTables(e))) up.push(raw(x.sql, x.name, `${x.kind}: knex has no builder for it`, warnings));

  // down: views, the postponed keys, the tables newest first, then the other extras, types and schemas
  const reversed = [...extras].reverse();
  const undo = (x: ExtraModel) => {
    const drop = extraDrop(x);
    if (drop === 'with-table') return;
    if (drop) down.push(statement(rawCall(drop)));
    else {
      warnings.push({ object: x.name, message: `${x.kind}: dbm cannot write its DROP; the migration's down leaves it` });
      down.push(statement(`// ${x.kind} ${x.name}: not dropped by this migration`));
    }
  };
  reversed.filter(dropsBeforeTables).forEach(undo);
  for (const [t, fk] of [...deferred].reverse()) down.push({ kind: 'table', method: 'alterTable', table: tableName(t, true), lines: [dropForeignLine(fk)], group: 'other' });
  for (const t of [...order].reverse()) down.push(statement(`await ${schemaCall(t)}.dropTable(${jsString(t.name)});`));
  reversed.filter((x) => !dropsBeforeTables(x)).forEach(undo);
  for (const e of [...model.enums].reverse()) down.push(statement(rawCall(`DROP TYPE ${qname(e)}`)));
  for (const s of [...schemas].reverse()) down.push(statement(`await knex.schema.dropSchemaIfExists(${jsString(s)});`));

  const text = migrationFile(options.style ?? 'commonjs', {
    header: ['The schema, written by dbm from its schema model.'],
    up: bodyLines(up),
    down: bodyLines(down),
  });
  return { text, warnings };
}
