import { describe, expect, it } from 'vitest';
import { joinStatements, safetyPass } from './safety-pass.js';

// what `typeorm migration:generate` 1.1 emits for: a NOT NULL column with a default, a nullable relation
// column, an index on the new column, and the relation's foreign key (up, and its down as it runs)
const UP = [
  `ALTER TABLE "orders" ADD "status" character varying(20) NOT NULL DEFAULT 'new'`,
  `ALTER TABLE "orders" ADD "product_id" integer`,
  `CREATE INDEX "orders_status_idx" ON "orders"  ("status") `,
  `ALTER TABLE "orders" ADD CONSTRAINT "FK_ac832121b6c331b084ecc4121fd" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
];
const DOWN = [
  `ALTER TABLE "orders" DROP CONSTRAINT "FK_ac832121b6c331b084ecc4121fd"`,
  `DROP INDEX "public"."orders_status_idx"`,
  `ALTER TABLE "orders" DROP COLUMN "product_id"`,
  `ALTER TABLE "orders" DROP COLUMN "status"`,
];

describe('joinStatements', () => {
  it('ends every statement with one semicolon and records where each starts', () => {
    expect(joinStatements(['SELECT 1', 'SELECT\n2;', 'SELECT 3 '])).toEqual({ sql: 'SELECT 1;\nSELECT\n2;\nSELECT 3;\n', startLines: [1, 2, 4] });
  });
});

describe('safetyPass over TypeORM output', () => {
  it('makes one class per safe step: the index outside a transaction, the foreign key NOT VALID then validated', async () => {
    const pass = await safetyPass(UP, DOWN);
    expect(pass.classes.map((c) => c.transactional)).toEqual([true, true, false, true, true]);
    const index = pass.classes[2]!;
    expect(index.up).toEqual([
      'SET lock_timeout = 0',
      'DROP INDEX CONCURRENTLY IF EXISTS "orders_status_idx"',
      'CREATE INDEX CONCURRENTLY "orders_status_idx" ON "orders" ("status")',
    ]);
    // the reverse of a CONCURRENTLY build runs without lock_timeout too
    expect(index.down).toEqual(['SET lock_timeout = 0', 'DROP INDEX CONCURRENTLY "orders_status_idx"']);
    expect(pass.classes[3]!.up.at(-1)).toMatch(/FOREIGN KEY \("product_id"\) REFERENCES "products" \("id"\) NOT VALID$/);
    expect(pass.classes[4]!.up.at(-1)).toBe('ALTER TABLE "orders" VALIDATE CONSTRAINT "FK_ac832121b6c331b084ecc4121fd"');
    expect(pass.classes.map((c) => c.downFrom)).toEqual(['plan', 'plan', 'plan', 'plan', 'nothing']);
    expect(pass.notes).toEqual([]);
    expect(pass.changes.map((c) => c.what).join('\n')).toMatch(/CONCURRENTLY[\s\S]*NOT VALID/);
    expect(pass.changes.find((c) => c.step === 2)?.what).toContain('INVALID index');
  });

  it("uses TypeORM's own down where the plan has no reverse, and says TypeORM's type change loses data", async () => {
    // varchar(100) → varchar(150), as TypeORM writes it
    const up = [`ALTER TABLE "users" DROP COLUMN "name"`, `ALTER TABLE "users" ADD "name" character varying(150) NOT NULL`];
    const down = [`ALTER TABLE "users" DROP COLUMN "name"`, `ALTER TABLE "users" ADD "name" character varying(100) NOT NULL`];
    const pass = await safetyPass(up, down);
    expect(pass.classes).toHaveLength(2);
    expect(pass.classes[0]!.downFrom).toBe('typeorm');
    expect(pass.classes[0]!.down.at(-1)).toBe(`ALTER TABLE "users" ADD "name" character varying(100) NOT NULL`);
    expect(pass.classes[1]!.down.at(-1)).toBe('ALTER TABLE "users" DROP COLUMN "name"');
    const typeChange = pass.notes.find((n) => n.message.includes('DROP COLUMN + ADD COLUMN'));
    expect(typeChange?.severity).toBe('error');
    expect(typeChange?.message).toContain('users.name to varchar(150)');
    expect(typeChange?.message).toContain('every value in the column is lost');
    expect(typeChange?.plan[0]).toContain('ALTER COLUMN "name" TYPE varchar(150)');
  });
});
