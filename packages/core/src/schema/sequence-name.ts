/**
 * The name PostgreSQL gives the sequence of a serial column: `<table>_<column>_seq`, shortened to 63
 * bytes as makeObjectName does (the longer of the two names gives up bytes first). When that name is
 * taken PostgreSQL appends a number; such a sequence does not match this name, and is written back
 * explicitly rather than as serial.
 */
import { makeObjectName } from '../plan/names.js';

/** The sequence name serial gives column `column` of table `table`. */
export function serialSequenceName(table: string, column: string): string {
  return makeObjectName(table, column, 'seq');
}
