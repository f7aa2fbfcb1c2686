/**
 * SQL text → the model's pieces, through PostgreSQL's own parser: a type as TypeORM's driver spells it
 * (`character varying(255)`, `TIMESTAMP(3) WITH TIME ZONE`) becomes the canonical ColumnType
 * (`varchar(255)`, `timestamptz(3)`), and a default's SQL is classified.
 */
import { classifyDefault, loadPostgresParser, operationsOf, parsePostgres, type ColumnType, type DefaultModel } from '@dbm/core';

/** The ColumnType of a type written in SQL. Call after `loadPostgresParser()`. */
export function columnTypeOf(sql: string): ColumnType {
  const op = operationsOf(parsePostgres(`CREATE TABLE t (c ${sql})`)).find((o) => o.kind === 'createTable');
  const column = op?.kind === 'createTable' ? op.columns[0] : undefined;
  if (!column) throw new Error(`not a PostgreSQL column type: ${sql}`);
  return column.type;
}

/** Loads the parser {@link columnTypeOf} needs. */
export const loadTypeParser = loadPostgresParser;

/** A default's SQL as the model classifies it (core's classifier; a nextval() is a sequence default). */
export function defaultOf(sql: string): DefaultModel {
  const text = sql.trim();
  const seq = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i.exec(text);
  if (seq) return { kind: 'sequence', sequence: seq[1]!.replace(/''/g, "'") };
  return classifyDefault(text);
}
