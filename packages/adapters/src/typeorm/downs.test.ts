import type { Step } from '@dbm/core';
import { describe, expect, it } from 'vitest';
import { assignDowns } from './downs.js';

const step = (lines: number[], reverse: string[] | null, transactional = true): Step => ({
  transactional,
  statements: [transactional ? "SET LOCAL lock_timeout = '50ms'" : "SET lock_timeout = '50ms'", `-- from ${lines.join(',')}`],
  reverse,
  comment: '',
  lines,
});

describe('assignDowns', () => {
  it("takes each step's reverse when the plan has them all", () => {
    const downs = assignDowns([step([1], ['undo 1']), step([2], [])], [1, 2], ['down 2', 'down 1']);
    expect(downs).toEqual([
      { statements: ['undo 1'], from: 'plan' },
      { statements: [], from: 'nothing' },
    ]);
  });

  it("pairs TypeORM's down with its up statements for a step without a reverse", () => {
    // TypeORM's down runs in reverse order: the down of up statement i is the i-th from the end
    const downs = assignDowns([step([1], ['undo 1']), step([2], null), step([3], ['undo 3'])], [1, 2, 3], ['down 3', 'down 2', 'down 1']);
    expect(downs).toEqual([
      { statements: ['undo 1'], from: 'plan' },
      { statements: ["SET LOCAL lock_timeout = '50ms'", 'down 2'], from: 'typeorm' },
      { statements: ['undo 3'], from: 'plan' },
    ]);
  });

  it("lets the first class of a group made from the same statements run TypeORM's down for all of it", () => {
    // statement 2 became two steps (e.g. NOT VALID, then VALIDATE); one of them cannot be undone
    const downs = assignDowns([step([1], ['undo 1']), step([2], []), step([2, 3], null)], [1, 2, 3], ['down 3', 'down 2', 'down 1']);
    expect(downs).toEqual([
      { statements: ['undo 1'], from: 'plan' },
      { statements: ["SET LOCAL lock_timeout = '50ms'", 'down 3', 'down 2'], from: 'typeorm' },
      { statements: [], from: 'earlier-class', by: 1 },
    ]);
  });

  it("falls back to TypeORM's whole down in the first class when up and down do not pair", () => {
    const downs = assignDowns([step([1], ['undo 1']), step([2], null)], [1, 2], ['only one down']);
    expect(downs).toEqual([
      { statements: ["SET LOCAL lock_timeout = '50ms'", 'only one down'], from: 'typeorm' },
      { statements: [], from: 'earlier-class', by: 0 },
    ]);
  });
});
