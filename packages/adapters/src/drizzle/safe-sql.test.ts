/** drizzle-kit's statements through the safety pass, laid out as a drizzle migration file. */
import { loadPostgresParser } from '@dbm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzleFileText, safeDrizzleMigration } from './safe-sql.js';

beforeAll(() => loadPostgresParser());

// as drizzle-kit's api returns them: a `;` each, a newline after a multi-line one
const GENERATED = [
  'CREATE TABLE "tags" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"label" text NOT NULL\n);\n',
  'ALTER TABLE "orders" ADD COLUMN "tag_id" integer;',
  'ALTER TABLE "orders" ADD CONSTRAINT "orders_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE no action ON UPDATE no action;',
  'CREATE INDEX "orders_tag_id_idx" ON "orders" USING btree ("tag_id");',
];

describe('drizzleFileText', () => {
  it("joins like drizzle-kit's writeResult", () => {
    expect(drizzleFileText(['CREATE TABLE a (\n id int\n)', 'SELECT 1', 'SELECT 2'], true)).toBe(
      'CREATE TABLE a (\n id int\n);\n--> statement-breakpoint\nSELECT 1;--> statement-breakpoint\nSELECT 2;',
    );
    expect(drizzleFileText(['SELECT 1', 'SELECT 2'], false)).toBe('SELECT 1;\nSELECT 2;');
  });
});

describe('safeDrizzleMigration', () => {
  it('writes the safe steps, keeps untouched statements as drizzle-kit wrote them, and locates lines', () => {
    const safe = safeDrizzleMigration(GENERATED, { breakpoints: true });
    expect(safe.sql).toBe(
      [
        'CREATE TABLE "tags" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"label" text NOT NULL\n);\n',
        'ALTER TABLE "orders" ADD COLUMN "tag_id" integer;',
        'ALTER TABLE "orders" ADD CONSTRAINT "orders_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags" ("id") NOT VALID;',
        'ALTER TABLE "orders" VALIDATE CONSTRAINT "orders_tag_id_tags_id_fk";',
        'CREATE INDEX CONCURRENTLY "orders_tag_id_idx" ON "orders" ("tag_id");',
      ].join('--> statement-breakpoint\n'),
    );
    expect(safe.statements.map((s) => [s.line, s.transactional])).toEqual([
      [1, true],
      [6, true],
      [7, true],
      [8, true],
      [9, false],
    ]);
    // the FK statement was on line 7 of drizzle-kit's text too; the index moved from 8 to 9
    expect(safe.lineOf(8)).toBe(9);
    expect(safe.keptAsGenerated).toEqual([]);
    expect(safe.down).toEqual([
      'DROP INDEX CONCURRENTLY "orders_tag_id_idx"',
      'ALTER TABLE "orders" DROP CONSTRAINT "orders_tag_id_tags_id_fk"',
      'ALTER TABLE "orders" DROP COLUMN "tag_id"',
      'DROP TABLE "tags"',
    ]);
  });

  it('gives no down statements when a step cannot be undone', () => {
    const safe = safeDrizzleMigration(['DROP TABLE "tags" CASCADE;'], { breakpoints: true });
    expect(safe.down).toBeUndefined();
    expect(safe.plan.notes.some((n) => n.severity === 'error')).toBe(true);
  });
});
