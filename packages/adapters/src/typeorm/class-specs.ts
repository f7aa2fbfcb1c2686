/**
 * The planned classes as TypeORM classes to write: names (TypeORM's `<Name><timestamp>`, the timestamp
 * going up by one per class so TypeORM runs them in plan order) and the comment that tells a reviewer
 * what each class is, why it exists, where its `down` comes from and what still needs a plan.
 */
import type { PlanNote } from '@dbm/core';
import type { PlannedClass } from './safety-pass.js';
import type { ClassSpec } from './write.js';

/** What every class of one generate shares. */
export interface ClassNaming {
  readonly baseName: string;
  readonly fileBase: string;
  readonly timestamp: number;
}

function downLine(c: PlannedClass, nameOf: (step: number) => string): string {
  switch (c.downFrom) {
    case 'plan':
      return "down: the safety pass's reverse of this step.";
    case 'typeorm':
      return "down: TypeORM's own down for the statements of this step (the safety pass cannot derive one).";
    case 'earlier-class':
      return `down: nothing here; ${nameOf(c.downBy ?? 0)} undoes the TypeORM statements this step came from.`;
    case 'nothing':
      return 'down: nothing to undo.';
  }
}

/** The classes to write, in order. */
export function classSpecs(classes: readonly PlannedClass[], notes: readonly PlanNote[], naming: ClassNaming): ClassSpec[] {
  const nameOf = (step: number) => `${naming.baseName}${naming.timestamp + step}`;
  const total = classes.length;
  return classes.map((c) => {
    const mine = notes.filter((n) => c.lines.includes(n.line));
    const comment = [
      total > 1
        ? `${naming.baseName}, step ${c.step + 1} of ${total}: TypeORM's migration:generate output after dbm's safety pass (dbm generate).`
        : `${naming.baseName}: TypeORM's migration:generate output after dbm's safety pass (dbm generate).`,
      `${c.comment}.`,
      ...(c.transactional ? [] : ['Runs outside a transaction (transaction = false): with TypeORM\'s own CLI, use migration:run --transaction each.']),
      downLine(c, nameOf),
      ...mine.flatMap((n) => ['', `dbm ${n.severity === 'error' ? 'needs a plan' : 'note'}: ${n.message}`, ...n.plan.map((p, i) => `  ${/^\d+\./.test(p) ? p : `${i + 1}. ${p}`}`)]),
    ];
    return {
      baseName: naming.baseName,
      timestamp: naming.timestamp + c.step,
      fileBase: naming.fileBase,
      transactional: c.transactional,
      comment,
      up: c.up,
      down: c.down,
      emptyDown: c.downFrom === 'earlier-class' ? `undone by ${nameOf(c.downBy ?? 0)}` : 'nothing to undo',
    };
  });
}
