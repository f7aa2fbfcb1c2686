/**
 * The baseline every target carries: the exact DDL of the model (`schemaToSql`, proven to recreate an
 * identical catalog), split into statements by PostgreSQL's own parser, its reverse for the ORMs whose
 * migrations have a `down`, and the header that lists what the target's schema source cannot say.
 */
import { ident, loadPostgresParser, parsePostgres, qname, schemaToSql, type SchemaModel, type SchemaWarning } from '@dbm/core';
import { dropsBeforeTables, extraDrop } from '../knex/model-extra-drop.js';

/** The baseline DDL of `model`, one statement per entry (no trailing semicolons). */
export async function baselineStatements(model: SchemaModel): Promise<string[]> {
  await loadPostgresParser();
  return parsePostgres(schemaToSql(model), 'the baseline').statements.map((s) => s.sql);
}

/**
 * Statements that undo the baseline on a database holding nothing else: views first, then the tables
 * newest first (CASCADE takes their keys, triggers and dependent views with them), the other extras,
 * the enum types and the schemas. What dbm cannot write a DROP for is named in `left`.
 */
export function baselineDrops(model: SchemaModel): { statements: string[]; left: string[] } {
  const statements: string[] = [];
  const left: string[] = [];
  const undo = (x: SchemaModel['extras'][number]) => {
    const drop = extraDrop(x);
    if (drop === 'with-table') return;
    if (drop) statements.push(drop);
    else left.push(`${x.kind} ${x.name}`);
  };
  const extras = [...model.extras].reverse();
  extras.filter(dropsBeforeTables).forEach(undo);
  for (const t of [...model.tables].reverse()) statements.push(`DROP TABLE IF EXISTS ${qname(t)} CASCADE`);
  extras.filter((x) => !dropsBeforeTables(x) && x.kind !== 'schema').forEach(undo);
  for (const e of [...model.enums].reverse()) statements.push(`DROP TYPE IF EXISTS ${qname(e)}`);
  const schemas = [...new Set([...model.tables, ...model.enums].map((o) => o.schema).filter((s) => s !== 'public'))].sort().reverse();
  for (const s of schemas) statements.push(`DROP SCHEMA IF EXISTS ${ident(s)}`);
  return { statements, left };
}

/** Comment lines (without the comment marker) naming what the ORM's schema cannot express. */
export function warningLines(orm: string, warnings: readonly SchemaWarning[]): string[] {
  if (!warnings.length) return [];
  return [
    `What ${orm}'s schema source cannot express (this baseline creates it as SQL; see dbm translate's warnings):`,
    ...warnings.map((w) => `  - ${w.object}: ${w.message}`.replace(/\s*\n\s*/g, ' ')),
  ];
}

/** The header of a baseline file, as comment lines, without ';' (Prisma's pg adapter splits a script at every ';', comments included). */
export function baselineHeader(orm: string, warnings: readonly SchemaWarning[]): string[] {
  return [
    `Baseline written by dbm translate: the whole schema as it stood when it was translated to ${orm}.`,
    'It is recorded as applied in the database it was translated from. On a new database it creates the schema.',
    ...warningLines(orm, warnings),
  ].map((l) => l.replaceAll(';', ','));
}
