/**
 * The round-trip property of the PostgreSQL dialect: for every SQL file the project carries (rule
 * fixtures and the ORM corpus in testdata/), parse → compile each operation → parse again yields the
 * same operations. It proves that compile writes what parse read, that nothing the model keeps is lost
 * on the way, and that everything compile writes is SQL PostgreSQL's own parser accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../operations/operation.js';
import { compilePostgres, toScript } from './compile.js';
import { firstDifference, meaningOf, withoutLocations } from './meaning.testkit.js';
import { loadPostgresParser, operationsOf, parsePostgres, type ParsedFile } from './parse.js';

await loadPostgresParser();

const SRC = join(import.meta.dirname, '..', '..');

/**
 * Every .sql file under a `fixtures/` folder of core, and the corpus next to this test; globbed at test
 * time because fixtures are added all the time. Other dialects' fixtures are not PostgreSQL.
 */
function sqlFiles(): string[] {
  const all = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.sql'));
  const pg = (f: string) => !/^dialects[/\\](?!postgres[/\\])/.test(f);
  const wanted = (f: string) =>
    f.split(sep).includes('fixtures') || f.startsWith(join('dialects', 'postgres', 'testdata') + sep);
  return all.filter((f) => pg(f) && wanted(f)).sort();
}

/** An operation in the form the property compares: no `loc`, and raw trees without positions. */
function comparable(op: Operation): unknown {
  const { loc: _loc, ...rest } = op;
  return op.kind === 'raw' ? { ...rest, ast: withoutLocations(op.ast) } : rest;
}

/** The JSON form: what survives serialisation is what counts (undefined keys vanish, order is free). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const files = sqlFiles();

describe('round trip parse → compile → parse', () => {
  it('finds the corpus and the fixtures', () => {
    expect(files.filter((f) => f.includes('testdata')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.includes('fixtures')).length).toBeGreaterThan(0);
  });

  for (const file of files) {
    describe(file, () => {
      // parsed lazily, so a file that does not parse fails its own tests instead of the whole suite
      let cached: ParsedFile | undefined;
      const parsed = () => (cached ??= parsePostgres(readFileSync(join(SRC, file), 'utf8'), file));
      const opsOf = () => operationsOf(parsed());

      it('compiles every operation to one statement that parses back to the same operation', () => {
        const failures: unknown[] = [];
        for (const op of opsOf()) {
          const sql = compilePostgres(op);
          let again: Operation[];
          try {
            const parsed = parsePostgres(sql);
            expect(parsed.statements).toHaveLength(1);
            again = operationsOf(parsed);
          } catch (e) {
            failures.push({ sql, error: String(e) });
            continue;
          }
          const difference = firstDifference(plain([comparable(op)]) as never, plain(again.map(comparable)) as never);
          if (difference) failures.push({ sql, ...difference });
        }
        expect(failures).toEqual([]);
      });

      it('compiles to a script that parses back to the same operations', () => {
        const ops = opsOf();
        const script = toScript(ops.map(compilePostgres));
        const again = operationsOf(parsePostgres(script));
        expect(plain(again.map(comparable))).toEqual(plain(ops.map(comparable)));
      });

      it('compiles every statement to SQL that means what the statement said', () => {
        const changed: unknown[] = [];
        for (const statement of parsed().statements) {
          const verbatim = statement.ops.length === 1 && statement.ops[0]!.kind === 'raw' && statement.ops[0]!.sql === statement.sql;
          if (verbatim) continue;
          const { written, compiled } = meaningOf(statement);
          const difference = firstDifference(written, compiled);
          if (difference) changed.push({ line: statement.loc.line, sql: statement.ops.map(compilePostgres), ...difference });
        }
        expect(changed).toEqual([]);
      });

      it('is a fixed point after one round', () => {
        const once = toScript(opsOf().map(compilePostgres));
        const twice = toScript(operationsOf(parsePostgres(once)).map(compilePostgres));
        expect(twice).toBe(once);
      });
    });
  }

  it('keeps raw, on purpose, exactly the corpus statements listed in the snapshot', () => {
    // what the model does not describe stays raw; this list makes every change to it visible in review
    const raw = files
      .filter((f) => f.includes('testdata'))
      .flatMap((f) =>
        parsePostgres(readFileSync(join(SRC, f), 'utf8')).statements.flatMap((s) =>
          s.ops.flatMap((op) => (op.kind === 'raw' ? [`${f.split(sep).pop()}:${s.loc.line} ${op.statement}`] : [])),
        ),
      );
    expect(raw).toMatchSnapshot();
  });

  it('writes scripts whose semicolons no trailing comment can swallow', () => {
    const script = toScript(['SELECT 1 -- why', "SELECT '--'", 'SELECT 2 /* fine */']);
    expect(script).toBe("SELECT 1 -- why\n;\nSELECT '--'\n;\nSELECT 2 /* fine */;\n");
    expect(parsePostgres(script).statements.map((s) => s.sql)).toEqual(['SELECT 1', "SELECT '--'", 'SELECT 2']);
  });
});
