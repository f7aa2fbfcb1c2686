/**
 * The neutral {@link SchemaModel} → a drizzle `schema.ts`, written as a person would write it: pg-core's
 * native builders, camelCase keys with the database name where it differs, `pgSchema(...)` for other
 * schemas, `pgEnum`, constraints and indexes in the table's list. Deterministic (the model's order,
 * two-space indent), importing only what it uses. Whatever drizzle cannot say comes back as a
 * {@link SchemaWarning} carrying the raw SQL, never dropped.
 */
import { beforeTables, inScriptOrder, loadPostgresParser, type SchemaModel, type SchemaWarning } from '@dbm/core';
import { keyOf, writeContext, type WriteContext } from './model-write-context.js';
import { writeTable } from './model-write-table.js';
import { camelCase, NameScope, tsString } from './model-write-ts.js';

/** Options of {@link writeDrizzleSchema}. */
export interface WriteDrizzleOptions {
  /** The file to write, relative to the output directory (default `schema.ts`). */
  readonly path?: string;
}

/** The written files and what they could not express. */
export interface DrizzleSchemaOutput {
  readonly files: { path: string; text: string }[];
  readonly warnings: SchemaWarning[];
}

/** Gives every schema, enum, table and column its name in the module, before anything refers to one. */
function nameEverything(model: SchemaModel, ctx: WriteContext): void {
  // a schema that holds only extras (or is one) is declared too: drizzle-kit creates it before they run
  const extraSchemas = model.extras.map((x) => (x.kind === 'schema' ? x.name : x.schema)).filter((s): s is string => !!s);
  const schemas = [...new Set([...model.tables.map((t) => t.schema), ...model.enums.map((e) => e.schema), ...extraSchemas])].filter((s) => s !== 'public').sort();
  for (const s of schemas) ctx.schemaVars.set(s, ctx.top.claim(`${camelCase(s)}Schema`));
  for (const e of model.enums) ctx.enumVars.set(keyOf(e.schema, e.name), ctx.top.claim(`${camelCase(e.name)}Enum`));
  // tables in public first: they get the plain names, a clash elsewhere takes its schema's prefix
  const ordered = [...model.tables].sort((a, b) => Number(a.schema !== 'public') - Number(b.schema !== 'public'));
  for (const t of ordered) {
    const plain = camelCase(t.name);
    const clash = model.tables.some((o) => o !== t && o.name === t.name) && t.schema !== 'public';
    ctx.tableVars.set(keyOf(t.schema, t.name), ctx.top.claim(clash ? camelCase(`${t.schema}_${t.name}`) : plain));
    const scope = new NameScope([], false);
    ctx.columnKeys.set(keyOf(t.schema, t.name), new Map(t.columns.map((c) => [c.name, scope.claim(camelCase(c.name))])));
  }
}

function importLines(ctx: WriteContext): string {
  const lines: string[] = [];
  if (ctx.ormImports.size) lines.push(`import { ${[...ctx.ormImports].sort().join(', ')} } from 'drizzle-orm';`);
  const core = [...ctx.imports].sort().concat([...ctx.typeImports].sort().map((t) => `type ${t}`));
  if (core.length) lines.push(`import { ${core.join(', ')} } from 'drizzle-orm/pg-core';`);
  return lines.join('\n');
}

/**
 * Writes `model` as one drizzle schema module. Await-free apart from loading PostgreSQL's parser once
 * (it checks where SQL fragments need parentheses).
 */
export async function writeDrizzleSchema(model: SchemaModel, options: WriteDrizzleOptions = {}): Promise<DrizzleSchemaOutput> {
  await loadPostgresParser();
  const ctx = writeContext(model);
  nameEverything(model, ctx);
  const blocks: string[] = [];
  const schemaLines = [...ctx.schemaVars].map(([name, v]) => `export const ${v} = pgSchema(${tsString(name)});`);
  if (schemaLines.length) {
    ctx.imports.add('pgSchema');
    blocks.push(schemaLines.join('\n'));
  }
  const enumLines = model.enums.map((e) => {
    const schemaVar = ctx.schemaVars.get(e.schema);
    if (!schemaVar) ctx.imports.add('pgEnum');
    const fn = schemaVar ? `${schemaVar}.enum` : 'pgEnum';
    return `export const ${ctx.enumVars.get(keyOf(e.schema, e.name))!} = ${fn}(${tsString(e.name)}, [${e.values.map(tsString).join(', ')}]);`;
  });
  if (enumLines.length) blocks.push(enumLines.join('\n'));
  const tables = model.tables.map((t) => writeTable(t, ctx));
  // custom types are found while writing columns, and must be declared before the tables
  const custom = [...ctx.customTypes.values()].map((d) => `const ${d.name} = customType<{ data: ${d.data} }>({ dataType: () => ${tsString(d.dataType)} });`);
  if (custom.length) {
    ctx.imports.add('customType');
    blocks.push(custom.join('\n'));
  }
  blocks.push(...tables.map((t) => t.trimEnd()));
  for (const x of inScriptOrder(model.extras)) {
    if (x.kind === 'schema') continue; // declared with pgSchema above
    const when = beforeTables(x) ? ' (run it before the tables)' : '';
    ctx.warnings.push({ object: x.name, message: `drizzle does not describe this ${x.kind}: kept as raw SQL${when}`, rawSql: x.sql });
  }
  const text = `${importLines(ctx)}\n\n${blocks.join('\n\n')}\n`;
  return { files: [{ path: options.path ?? 'schema.ts', text }], warnings: ctx.warnings };
}
