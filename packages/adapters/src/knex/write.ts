/**
 * The text of a knex migration file in the project's module format: CommonJS (`exports.up = …`), ESM
 * (`export async function up`) or TypeScript, with `config = { transaction: false }` when knex must run it
 * outside a transaction. Also the empty stub `knex migrate:make` writes.
 */

/** How the project's migration files are written. */
export type MigrationStyle = 'commonjs' | 'module' | 'typescript';

/** What goes into one migration file. */
export interface MigrationText {
  /** Comment lines (without `// `) at the top of the file. */
  readonly header: readonly string[];
  /** Why the migration runs outside a transaction; undefined when knex runs it in one. */
  readonly outsideTransaction?: string;
  /** Body lines of up and down, already indented. */
  readonly up: readonly string[];
  readonly down: readonly string[];
}

const DOC = ['/**', ' * @param { import("knex").Knex } knex', ' * @returns { Promise<void> }', ' */'];

function fn(style: MigrationStyle, name: 'up' | 'down', body: readonly string[]): string[] {
  const inner = body.length ? [...body] : [];
  switch (style) {
    case 'commonjs':
      return [...DOC, `exports.${name} = async function (knex) {`, ...inner, '};'];
    case 'module':
      return [...DOC, `export async function ${name}(knex) {`, ...inner, '}'];
    case 'typescript':
      return [`export async function ${name}(knex: Knex): Promise<void> {`, ...inner, '}'];
  }
}

function configLine(style: MigrationStyle): string {
  return style === 'commonjs' ? 'exports.config = { transaction: false };' : 'export const config = { transaction: false };';
}

/** The full text of a migration file. */
export function migrationFile(style: MigrationStyle, m: MigrationText): string {
  const lines = m.header.map((h) => (h ? `// ${h}` : '//'));
  if (style === 'typescript') lines.push('', "import type { Knex } from 'knex';");
  if (m.outsideTransaction !== undefined) lines.push('', `// ${m.outsideTransaction}`, configLine(style));
  lines.push('', ...fn(style, 'up', m.up), '', ...fn(style, 'down', m.down));
  return `${lines.join('\n')}\n`;
}

/** Exactly what `knex migrate:make` writes for a new migration (knex 3's js, mjs and ts stubs). */
export function stubFile(style: MigrationStyle): string {
  switch (style) {
    case 'commonjs':
      return [...DOC, 'exports.up = function(knex) {', '  ', '};', '', ...DOC, 'exports.down = function(knex) {', '  ', '};', ''].join('\n');
    case 'module':
      return ['', ...DOC, 'export const up = async (knex) => {', '  ', '};', '', ...DOC, 'export const down = async (knex) => {', '  ', '};', ''].join('\n');
    case 'typescript':
      return [
        'import type { Knex } from "knex";',
        '',
        '',
        'export async function up(knex: Knex): Promise<void> {',
        '}',
        '',
        '',
        'export async function down(knex: Knex): Promise<void> {',
        '}',
        '',
        '',
      ].join('\n');
  }
}
