/** layoutPlan and the folder names: Prisma's SQL + the safety plan → Prisma migration folders (no database). */
import { lintSql, loadPostgresParser, parsePostgres, planFix } from '@dbm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPlan } from './layout.js';
import { migrationNamer, prismaTimestamp } from './timestamp.js';

/** What Prisma's engine wrote for: users.status NOT NULL DEFAULT, an index and a foreign key on orders, a new table. */
const PRISMA_SQL = `-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "referrer_id" INTEGER;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "reviews" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "orders_product_id_idx" ON "orders"("product_id");

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_referrer_id_fkey" FOREIGN KEY ("referrer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;

const names = (i: number) => `2026010112000${i}_shop${i ? `_${i + 1}` : ''}`;

function layout(sql: string) {
  const parsed = parsePostgres(sql, 'prisma.sql');
  return layoutPlan({ script: sql, parsed, plan: planFix(parsed), names });
}

/** The statements of a file, comments dropped. */
const statementsOf = (sql: string) => parsePostgres(sql).statements.map((s) => s.sql);

beforeAll(() => loadPostgresParser());

describe('layoutPlan', () => {
  it('one folder per plan step, named <stamp>_<name>, then <stamp+n>_<name>_<n>', () => {
    const { drafts } = layout(PRISMA_SQL);
    expect(drafts.length).toBeGreaterThan(3);
    drafts.forEach((d, i) => expect(d.name).toBe(names(i)));
  });

  it("keeps Prisma's statements it did not change verbatim, under Prisma's label, and the timeouts first", () => {
    const { drafts } = layout(PRISMA_SQL);
    const first = drafts[0]!.sql;
    expect(first).toContain("SET LOCAL lock_timeout = '20ms';\n\n-- AlterTable\nALTER TABLE \"orders\" ADD COLUMN     \"referrer_id\" INTEGER;\n");
    expect(first.endsWith(';\n')).toBe(true);
    const all = drafts.map((d) => d.sql).join('\n');
    expect(all).toContain('-- AlterTable\nALTER TABLE "users" ADD COLUMN     "status" TEXT NOT NULL DEFAULT \'active\';');
    expect(all).toContain('-- CreateTable\nCREATE TABLE "reviews" (\n    "id" SERIAL NOT NULL,');
  });

  it('a statement that cannot run in a transaction is alone in its folder, with no SET beside it', () => {
    const { drafts } = layout(PRISMA_SQL);
    const index = drafts.find((d) => d.sql.includes('CONCURRENTLY'))!;
    expect(index.transactional).toBe(false);
    expect(statementsOf(index.sql)).toEqual(['CREATE INDEX CONCURRENTLY "orders_product_id_idx" ON "orders" ("product_id")']);
    expect(index.sql).toContain('-- CreateIndex\n');
    expect(index.downSql).toContain('DROP INDEX CONCURRENTLY "orders_product_id_idx";');
  });

  it('a foreign key on an existing table: NOT VALID in one folder, VALIDATE in a later one', () => {
    const { drafts } = layout(PRISMA_SQL);
    const add = drafts.findIndex((d) => /"orders_referrer_id_fkey" FOREIGN KEY[^;]*NOT VALID;/.test(d.sql));
    const validate = drafts.findIndex((d) => d.sql.includes('VALIDATE CONSTRAINT "orders_referrer_id_fkey"'));
    expect(add).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(add);
    expect(statementsOf(drafts[validate]!.sql)).toHaveLength(2); // its lock_timeout, the VALIDATE
    expect(drafts[validate]!.downSql).toContain('nothing to undo');
  });

  it('a foreign key on a table an earlier folder creates: as Prisma wrote it, acknowledged, since that folder alone cannot show the table is new', () => {
    const { drafts } = layout(PRISMA_SQL);
    const fk = drafts.find((d) => d.sql.includes('"reviews_product_id_fkey"'))!;
    expect(drafts.indexOf(fk)).toBeGreaterThan(drafts.findIndex((d) => d.sql.includes('CREATE TABLE "reviews"')));
    expect(fk.sql).toMatch(
      /-- dbm: safe as planned for the whole migration \(on reviews, which this migration creates\)[^\n]*\n-- dbm-ignore constraint-missing-not-valid\nALTER TABLE "reviews" ADD CONSTRAINT "reviews_product_id_fkey" FOREIGN KEY \("product_id"\) REFERENCES "products"\("id"\) ON DELETE RESTRICT ON UPDATE CASCADE;/,
    );
  });

  it('a NOT NULL column with a volatile default: add, default, batched backfill, CHECK NOT VALID, VALIDATE, SET NOT NULL, each folder as planned', () => {
    const { drafts, notes } = layout('-- AlterTable\nALTER TABLE "users" ADD COLUMN     "token" TEXT NOT NULL DEFAULT gen_random_uuid()::text;\n');
    const all = drafts.map((d) => d.sql).join('\n');
    expect(all.match(/ADD CONSTRAINT "users_token_not_null_tmp"/g)).toHaveLength(1);
    const backfill = drafts.find((d) => d.sql.includes('DO $$'))!;
    expect(backfill.transactional).toBe(false);
    expect(statementsOf(backfill.sql)).toHaveLength(1);
    const setNotNull = drafts.find((d) => d.sql.includes('SET NOT NULL'))!;
    expect(setNotNull.sql).toContain('-- dbm-ignore adding-not-nullable-field\nALTER TABLE "users" ALTER COLUMN "token" SET NOT NULL;');
    expect(drafts.indexOf(setNotNull)).toBeGreaterThan(drafts.findIndex((d) => d.sql.includes('VALIDATE CONSTRAINT "users_token_not_null_tmp"')));
    expect(notes.filter((n) => n.message.includes('plans this migration again'))).toEqual([]);
  });

  it('every folder, planned again on its own as dbm apply plans it, has nothing left to change', () => {
    const volatile = '-- AlterTable\nALTER TABLE "users" ADD COLUMN     "token" TEXT NOT NULL DEFAULT gen_random_uuid()::text;\n';
    for (const d of [...layout(PRISMA_SQL).drafts, ...layout(volatile).drafts]) {
      const again = planFix(parsePostgres(d.sql));
      expect(again.steps.every((s) => s.transactional === d.transactional), d.name).toBe(true);
      // (the file's own SET LOCAL lock_timeout is the one change the planner reports about it)
      expect(again.changes.filter((c) => !/lock_timeout/.test(c.what)), d.name).toEqual([]);
    }
  });

  it('every folder and every down.sql is free of lint errors, as Prisma runs it and as dbm rollback runs it', () => {
    const { drafts } = layout(PRISMA_SQL);
    for (const d of drafts) {
      expect(lintSql(d.sql, { assumeInTransaction: d.transactional }).diagnostics.filter((x) => x.severity === 'error'), d.name).toEqual([]);
      if (d.downSql) expect(lintSql(d.downSql).diagnostics.filter((x) => x.severity === 'error'), `${d.name}/down.sql`).toEqual([]);
    }
    // a down.sql that drops what its migration added says so, and acknowledges the rule
    const users = drafts.find((d) => d.sql.includes('"users" ADD COLUMN'))!;
    expect(users.downSql).toMatch(/-- dbm-ignore ban-drop-column\nALTER TABLE "users" DROP COLUMN "status";/);
  });

  it("no comment dbm writes holds a semicolon: Prisma's driver-adapter migrations split a script at every one", () => {
    const volatile = '-- AlterTable\nALTER TABLE "users" ADD COLUMN     "token" TEXT NOT NULL DEFAULT gen_random_uuid()::text;\n';
    for (const d of [...layout(PRISMA_SQL).drafts, ...layout(volatile).drafts]) {
      for (const text of [d.sql, d.downSql ?? '']) expect(text.split('\n').filter((l) => l.startsWith('--') && l.includes(';')), d.name).toEqual([]);
    }
  });

  it('reports what changed where: the folder and the line of the rewritten statement', () => {
    const { drafts, changes } = layout(PRISMA_SQL);
    const concurrently = changes.find((c) => /CONCURRENTLY, outside a transaction/.test(c.what))!;
    const folder = drafts.find((d) => d.name === concurrently.migration)!;
    expect(folder.sql.split('\n')[concurrently.line - 1]).toMatch(/^CREATE INDEX CONCURRENTLY/);
    const timeout = changes.find((c) => c.what.startsWith('every step sets lock_timeout'))!;
    expect(drafts[0]!.sql.split('\n')[timeout.line - 1]).toBe("SET LOCAL lock_timeout = '20ms';");
    expect(changes.filter((c) => c.what.includes('its own migration')).map((c) => c.migration)).toEqual(drafts.slice(1).map((d) => d.name));
  });

  it('a migration on new tables only stays one folder, without a part header', () => {
    const sql =
      '-- CreateTable\nCREATE TABLE "a" (\n    "id" SERIAL NOT NULL,\n    "b_id" INTEGER NOT NULL,\n\n    CONSTRAINT "a_pkey" PRIMARY KEY ("id")\n);\n\n' +
      '-- CreateIndex\nCREATE INDEX "a_b_id_idx" ON "a"("b_id");\n\n' +
      '-- AddForeignKey\nALTER TABLE "a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY ("b_id") REFERENCES "b"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n';
    const { drafts, notes } = layout(sql);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.sql).not.toContain('part 1');
    expect(drafts[0]!.sql).toContain(sql.trimEnd());
    expect(drafts[0]!.downSql).toMatch(/DROP TABLE "a";\n$/);
    expect(notes).toEqual([]);
  });

  it('hazards with no safe form become notes with their plan; a step with no reverse has no down.sql, and says so', () => {
    const { drafts, notes } = layout('-- AlterTable\nALTER TABLE "users" DROP COLUMN "name";\n\n-- DropIndex\nDROP INDEX "users_name_idx";\n');
    const drop = notes.find((n) => n.severity === 'error' && /Dropping users\.name/.test(n.message))!;
    expect(drop.plan.length).toBeGreaterThan(0);
    const noDown = drafts.filter((d) => d.downSql === undefined);
    expect(noDown.length).toBeGreaterThan(0);
    for (const d of noDown) expect(notes.some((n) => n.migration === d.name && n.message.startsWith(`no down.sql for ${d.name}`))).toBe(true);
  });
});

describe('migration folder names', () => {
  it('use the UTC timestamp Prisma uses', () => {
    expect(prismaTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('20260102030405');
  });

  it('never sort before the newest existing folder, and count up one second per folder', () => {
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
    const fresh = migrationNamer(['20250101000000_init'], 'add', now);
    expect([0, 1, 2].map(fresh)).toEqual(['20260101000000_add', '20260101000001_add_2', '20260101000002_add_3']);
    const behind = migrationNamer(['20270101000000_future', 'custom_name'], 'add', now);
    expect(behind(0)).toBe('20270101000001_add');
  });
});
