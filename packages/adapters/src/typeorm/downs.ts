/**
 * The `down` of each class written for a planned TypeORM migration. The plan's reverse of a step is used
 * where it has one. Where it has none (a drop: the plan cannot recreate what it does not know), TypeORM's
 * own `down` is used for the statements involved: TypeORM generates one down query per up query, so the
 * down of up statement i is the i-th from the end of its `down`. Steps that came from the same TypeORM
 * statements form a group; when one of them has no reverse, the group's first class runs TypeORM's down for
 * the whole group (it is rolled back last), and the group's later classes undo nothing themselves.
 */
import type { Step } from '@dbm/core';

/** The down of one class and where it came from. */
export interface ClassDown {
  readonly statements: readonly string[];
  readonly from: 'plan' | 'typeorm' | 'earlier-class' | 'nothing';
  /** For 'earlier-class': the step whose class undoes this one's statements. */
  readonly by?: number;
}

const TIMEOUT = /^\s*SET\s+(LOCAL\s+)?lock_timeout\b/i;

/** Index of the TypeORM statement a planned SQL line belongs to. */
function statementAt(line: number, startLines: readonly number[]): number {
  let j = 0;
  while (j + 1 < startLines.length && startLines[j + 1]! <= line) j++;
  return j;
}

/** Groups of step indexes that share TypeORM statements (union-find over shared statements). */
function groups(sets: readonly Set<number>[]): number[][] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const o = owner.get(s);
      if (o === undefined) owner.set(s, i);
      else parent[find(i)] = find(o);
    }
  });
  const byRoot = new Map<number, number[]>();
  sets.forEach((_, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]));
  return [...byRoot.values()];
}

/** The down of every step, in step order. `typeormDown` is TypeORM's down as it runs (rendered). */
export function assignDowns(steps: readonly Step[], startLines: readonly number[], typeormDown: readonly string[]): ClassDown[] {
  const paired = typeormDown.length === startLines.length;
  const anyMissing = steps.some((s) => s.reverse === null);
  const sets = steps.map((s) => new Set(s.lines.map((l) => statementAt(l, startLines))));
  // without the one-to-one pairing, TypeORM's down can only be used whole
  const all = paired || !anyMissing ? groups(sets) : [steps.map((_, i) => i)];
  const out: ClassDown[] = steps.map(() => ({ statements: [], from: 'nothing' }));
  for (const group of all) {
    if (group.every((i) => steps[i]!.reverse !== null)) {
      for (const i of group) {
        const reverse = steps[i]!.reverse!;
        out[i] = reverse.length ? { statements: reverse, from: 'plan' } : { statements: [], from: 'nothing' };
      }
      continue;
    }
    const [first, ...rest] = group;
    const involved = [...new Set(group.flatMap((i) => [...sets[i]!]))].sort((a, b) => b - a);
    const typeorm = paired ? involved.map((j) => typeormDown[typeormDown.length - 1 - j]!) : [...typeormDown];
    const timeout = steps[first!]!.statements.find((s) => TIMEOUT.test(s));
    out[first!] = { statements: [...(timeout && typeorm.length ? [timeout] : []), ...typeorm], from: 'typeorm' };
    for (const i of rest) out[i] = { statements: [], from: 'earlier-class', by: first! };
  }
  return out;
}
