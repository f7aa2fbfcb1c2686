/** The comment at the top of a translated migration: where it came from, where its down came from, the warnings. */
import type { MigrationPlan } from './plan.js';
import type { TranslateMigrationWarning } from './types.js';

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Header lines (without comment markers). */
export function headerLines(plan: MigrationPlan, warnings: readonly TranslateMigrationWarning[], extra: readonly string[] = []): string[] {
  const lines = [
    `Translated by dbm (dbm translate migration) from ${plan.source.label}.`,
    plan.downFrom === 'source' ? "down: the source's own down migration." : "down: derived from the inverses of the up statements (the source has no down of its own).",
    ...extra,
  ];
  for (const w of warnings) lines.push(oneLine(`dbm warning (${w.code}${w.direction ? `, ${w.direction}` : ''}): ${w.message}`));
  return lines;
}
