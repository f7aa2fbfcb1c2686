/** Where drizzle-kit would prompt about renames, found before it does. */
import { describe, expect, it } from 'vitest';
import { renameQuestions } from './diff.js';
import type { PgSnapshot } from './kit-api.js';
import { emptyPgSnapshot } from './snapshot.js';

const table = (columns: string[], policies: string[] = []) => ({
  columns: Object.fromEntries(columns.map((c) => [c, { name: c }])),
  policies: Object.fromEntries(policies.map((p) => [p, { name: p }])),
});
const snap = (tables: Record<string, unknown>, enums: string[] = []): PgSnapshot => ({
  ...emptyPgSnapshot(),
  tables,
  enums: Object.fromEntries(enums.map((e) => [e, { name: e }])),
});

describe('renameQuestions', () => {
  it('asks only where one kind gains and loses names in the same place', () => {
    const prev = snap({ 'public.users': table(['id', 'name'], ['p1']), 'public.logs': table(['id']) }, ['public.mood']);
    // a new column and a dropped one on users; a new table and a dropped one; a new enum only
    const cur = snap({ 'public.users': table(['id', 'full_name'], ['p1']), 'public.events': table(['id']) }, ['public.mood', 'public.tone']);
    expect(renameQuestions(prev, cur)).toEqual([
      { kind: 'tables', added: ['public.events'], removed: ['public.logs'] },
      { kind: 'columns', table: 'public.users', added: ['full_name'], removed: ['name'] },
    ]);
  });

  it('has nothing to ask when things are only added or only removed', () => {
    const prev = snap({ 'public.users': table(['id', 'name']) });
    expect(renameQuestions(prev, snap({ 'public.users': table(['id', 'name', 'age']), 'public.x': table(['id']) }))).toEqual([]);
    expect(renameQuestions(prev, snap({ 'public.users': table(['id']) }))).toEqual([]);
    expect(renameQuestions(prev, snap({}))).toEqual([]);
  });
});
