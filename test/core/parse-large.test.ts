// The two-thread parse must give exactly what the one-thread parse gives. It runs from the compiled
// package (the worker thread loads compiled JavaScript), which `pnpm test` builds first.
import { describe, expect, it } from 'vitest';
import * as core from '../../packages/core/dist/index.js';

const statement = (i: number) =>
  [
    `CREATE TABLE "t_${i}" ("id" bigint PRIMARY KEY, "name" text NOT NULL DEFAULT 'x;\n');`,
    `-- dbm-ignore require-concurrent-index-creation\nCREATE INDEX "i_${i}" ON "orders" ("user_id");`,
    `UPDATE "orders" SET "note" = 'ü é ${i}' WHERE "id" = ${i};`,
    `DO $$ BEGIN RAISE NOTICE 'a;\nb'; END $$;`,
  ][i % 4];

describe('parsePostgresLarge', () => {
  it('splits a large file over two threads and gives the same result as one thread', async () => {
    await core.loadPostgresParser();
    const text = Array.from({ length: 12000 }, (_, i) => statement(i)).join('\n') + '\n';
    expect(text.length).toBeGreaterThan(core.PARALLEL_THRESHOLD);
    const one = core.parsePostgres(text, 'big.sql');
    const two = await core.parsePostgresLarge(text, 'big.sql');
    expect(two.statements.length).toBe(12000);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('reports a syntax error at the same place as the one-thread parse', async () => {
    const lines = Array.from({ length: 12000 }, (_, i) => statement(i));
    lines[9000] = 'CREATE TABLE broken (a int,, b int);';
    const text = `${lines.join('\n')}\n`;
    const err = (await core.parsePostgresLarge(text).catch((e: unknown) => e)) as { line: number; column: number };
    expect(err).toBeInstanceOf(core.SqlParseError);
    expect(() => core.parsePostgres(text)).toThrow();
    let expected: { line: number; column: number } | undefined;
    try {
      core.parsePostgres(text);
    } catch (e) {
      expected = e as { line: number; column: number };
    }
    expect({ line: err.line, column: err.column }).toEqual({ line: expected!.line, column: expected!.column });
  });
});
