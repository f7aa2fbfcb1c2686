/**
 * parsePostgres: where each statement sits, the ignore directives above it, the edge cases of a
 * migration file (empty, comments only, no final semicolon, very long), syntax errors with their
 * position, and the promise that no statement is ever dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'libpg-query';
import { describe, expect, it } from 'vitest';
import { SqlParseError } from '../../source/errors.js';
import { compilePostgres } from './compile.js';
import { loadPostgresParser, operationsOf, parsePostgres } from './parse.js';

await loadPostgresParser();

/** [line, column, sql] of each statement. */
const where = (text: string) => parsePostgres(text).statements.map((s) => [s.loc.line, s.loc.column, s.sql]);

/** The error parsePostgres throws for `text`. */
function parseError(text: string): SqlParseError {
  try {
    parsePostgres(text, 'm.sql');
  } catch (e) {
    if (e instanceof SqlParseError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('statement locations', () => {
  it('points at the first token, after leading comments and blank lines', () => {
    const text = '-- header\n\n/* block\n comment */  CREATE TABLE a (id int);\n   -- note\n   DROP TABLE a;\n';
    expect(where(text)).toEqual([
      [4, 14, 'CREATE TABLE a (id int)'],
      [6, 4, 'DROP TABLE a'],
    ]);
  });

  it('gives offset and length of exactly the statement text', () => {
    const text = '/* x */ SELECT 1 ;\n\nSELECT  2;';
    for (const s of parsePostgres(text).statements) {
      expect(text.slice(s.loc.offset, s.loc.offset + s.loc.length)).toBe(s.sql);
      expect(s.ops.every((op) => op.loc === s.loc || JSON.stringify(op.loc) === JSON.stringify(s.loc))).toBe(true);
    }
  });

  it('counts CRLF line endings as one line break', () => {
    const text = '-- c\r\nSELECT 1;\r\n\r\n  /* x */ SELECT 2;\r\nSELECT\r\n  3;\r\n';
    expect(where(text)).toEqual([
      [2, 1, 'SELECT 1'],
      [4, 11, 'SELECT 2'],
      [5, 1, 'SELECT\r\n  3'],
    ]);
  });

  it('counts characters, not UTF-8 bytes, after multi-byte text', () => {
    const text = "SELECT '日本語'; SELECT 'ü';\n-- ünïcödé 🚚\n    CREATE TABLE \"größe\" (\"🚚\" int); SELECT 3;";
    expect(where(text)).toEqual([
      [1, 1, "SELECT '日本語'"],
      [1, 15, "SELECT 'ü'"],
      [3, 5, 'CREATE TABLE "größe" ("🚚" int)'],
      // columns count UTF-16 units, as editors do: the emoji is two
      [3, 38, 'SELECT 3'],
    ]);
  });

  it('skips empty statements', () => {
    expect(where(';;SELECT 1;;;SELECT 2;;')).toEqual([
      [1, 3, 'SELECT 1'],
      [1, 14, 'SELECT 2'],
    ]);
  });

  it('leaves comments after the last token out of the statement text', () => {
    const text = 'GRANT SELECT ON t TO r -- why\n;\nNOTIFY c /* x */ ;\nSELECT 1 -- tail';
    expect(where(text).map(([, , sql]) => sql)).toEqual(['GRANT SELECT ON t TO r', 'NOTIFY c', 'SELECT 1']);
  });
});

describe('ignore directives', () => {
  it('attaches -- dbm-ignore and -- squawk-ignore to the next statement', () => {
    const file = parsePostgres(
      '-- dbm-ignore require-lock-timeout, ban-drop-table\n-- squawk-ignore ban-drop-column\nDROP TABLE a;\nDROP TABLE b;\n-- dbm-ignore\nDROP TABLE c;',
    );
    expect(file.statements.map((s) => s.ignores)).toEqual([
      ['require-lock-timeout', 'ban-drop-table', 'ban-drop-column'],
      [],
      ['*'],
    ]);
    expect(file.fileIgnores).toEqual([]);
  });

  it('collects -- dbm-ignore-file and -- squawk-ignore-file anywhere, without ids meaning all rules', () => {
    const file = parsePostgres('-- dbm-ignore-file\nSELECT 1;\n-- squawk-ignore-file ban-drop-table\nSELECT 2;\n-- dbm-ignore-file a, b\n');
    expect(file.fileIgnores).toEqual(['*', 'ban-drop-table', 'a', 'b']);
    expect(file.statements.map((s) => s.ignores)).toEqual([[], []]);
  });

  it('reads directives on CRLF lines and ignores look-alikes', () => {
    const file = parsePostgres('-- dbm-ignore a\r\nSELECT 1;\r\n-- dbm-ignored b\r\n-- not a dbm-ignore-file directive? it is\r\nSELECT 2;');
    expect(file.statements[0]!.ignores).toEqual(['a']);
    expect(file.statements[1]!.ignores).toEqual([]);
    // a directive must open its comment
    expect(file.fileIgnores).toEqual([]);
  });

  it('reads file directives in a file without statements', () => {
    expect(parsePostgres('-- dbm-ignore-file x\n').fileIgnores).toEqual(['x']);
  });
});

describe('file shapes', () => {
  it('parses an empty and a blank file to no statements', () => {
    expect(parsePostgres('').statements).toEqual([]);
    expect(parsePostgres('  \n\t\r\n').statements).toEqual([]);
  });

  it('parses a file of comments only to no statements', () => {
    expect(parsePostgres('-- one\n/* two /* nested */ still */\n-- three').statements).toEqual([]);
  });

  it('parses a last statement without a semicolon', () => {
    const file = parsePostgres('CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b text');
    expect(file.statements.map((s) => s.sql)).toEqual(['CREATE TABLE a (id int)', 'ALTER TABLE a ADD COLUMN b text']);
    expect(operationsOf(file).map((op) => op.kind)).toEqual(['createTable', 'addColumn']);
  });

  it('parses a 20,000-statement file', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(i % 2 ? `CREATE INDEX i${i} ON t${i} (c);` : `ALTER TABLE t${i} ADD COLUMN c int;`);
    const file = parsePostgres(lines.join('\n'));
    expect(file.statements).toHaveLength(20_000);
    expect(file.statements[19_999]!.loc.line).toBe(20_000);
    expect(operationsOf(file).filter((op) => op.kind === 'createIndex')).toHaveLength(10_000);
  });
});

describe('syntax errors', () => {
  it('throws SqlParseError at the offending token', () => {
    const e = parseError('SELECT 1;\n\nALTER TABLE t ADD COLUMN x int DEFAUL 1;');
    expect(e.name).toBe('SqlParseError');
    expect([e.line, e.column, e.file]).toEqual([3, 32, 'm.sql']);
    expect(e.message).toMatch(/syntax error at or near "DEFAUL"/);
    expect(e.format()).toBe(`m.sql:3:32: syntax error: ${e.message}`);
  });

  it('reports the position in characters after multi-byte text', () => {
    expect([parseError("SELECT 'é';\nSELECT 'ü' FRM x;")].map((e) => [e.line, e.column])).toEqual([[2, 16]]);
    expect([parseError("SELECT '🚚🚚', 'ß';\nSELECT 'ü' FRM x;")].map((e) => [e.line, e.column])).toEqual([[2, 16]]);
    const e = parseError("SELECT '日本語' FRM x;");
    expect([e.line, e.column]).toEqual([1, 18]);
  });

  it('reports an error at the end of the input', () => {
    const e = parseError('SELECT 1;\r\nCREATE TABLE (');
    expect([e.line, e.column]).toEqual([2, 14]);
  });

  it('reports an unterminated string or comment', () => {
    expect(parseError("SELECT 'open;\nSELECT 2;").line).toBe(1);
    expect(parseError('SELECT 1; /* open').line).toBe(1);
  });
});

describe('nothing is dropped', () => {
  const corpus = join(import.meta.dirname, 'testdata');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.sql'));

  for (const name of files) {
    it(`${name}: one entry per statement the parser sees, each with operations, unmodelled ones raw and verbatim`, () => {
      const text = readFileSync(join(corpus, name), 'utf8');
      const file = parsePostgres(text);
      const parserCount = ((parseSync(text) as { stmts?: unknown[] }).stmts ?? []).length;
      expect(file.statements).toHaveLength(parserCount);
      for (const s of file.statements) {
        expect(s.ops.length, s.sql).toBeGreaterThan(0);
        const raws = s.ops.filter((op) => op.kind === 'raw');
        for (const op of raws) {
          // a raw op names the statement type, or the ALTER TABLE subcommand it stands for
          expect(op.statement === s.type || op.statement.startsWith('AlterTableCmd:'), op.statement).toBe(true);
          expect(op.ast).toBeTruthy();
        }
        // a whole statement kept raw keeps its text as written
        if (s.ops.length === 1 && raws.length === 1 && !raws[0]!.statement.startsWith('AlterTableCmd:')) {
          expect(raws[0]!.sql).toBe(s.sql);
        }
      }
    });
  }

  it('keeps each unmodelled ALTER TABLE subcommand as its own raw operation beside the modelled ones', () => {
    const [s] = parsePostgres('ALTER TABLE t ADD COLUMN a int, SET LOGGED, ALTER COLUMN a SET NOT NULL;').statements;
    expect(s!.ops.map((op) => (op.kind === 'raw' ? op.statement : op.kind))).toEqual([
      'addColumn',
      'AlterTableCmd:AT_SetLogged',
      'setNotNull',
    ]);
    const rawCmd = s!.ops[1]!;
    expect(compilePostgres(rawCmd)).toBe('ALTER TABLE t SET LOGGED');
  });

  it('keeps a statement verbatim when the model cannot describe it faithfully', () => {
    for (const sql of [
      'ALTER TABLE ONLY t ADD CONSTRAINT c CHECK (a > 0)',
      'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED',
      'CREATE TABLE t (id int CONSTRAINT t_id_nn NOT NULL)',
      'CREATE TABLE t (id int, PRIMARY KEY (id) DEFERRABLE)',
      'CREATE TABLE t (a int, FOREIGN KEY (a) REFERENCES u (id) NOT VALID)',
      'CREATE INDEX i ON t (a) WITH (fillfactor = 70)',
      'DROP INDEX CONCURRENTLY a, b',
      'ALTER VIEW v RENAME COLUMN a TO b',
      'CREATE TABLE t (a int DEFAULT 1 DEFAULT 2)',
      'CREATE TABLE t (a int NULL NOT NULL)',
      'ALTER TABLE t ADD COLUMN a int GENERATED ALWAYS AS IDENTITY DEFAULT 1',
      'CREATE TABLE t (a "char"[])',
      "SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE",
    ]) {
      const [s] = parsePostgres(sql).statements;
      expect(s!.ops.map((op) => op.kind), sql).toEqual(['raw']);
      expect(s!.ops[0]!.kind === 'raw' && s!.ops[0]!.sql).toBe(sql);
    }
  });
});
