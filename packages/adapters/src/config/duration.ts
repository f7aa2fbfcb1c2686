/**
 * PostgreSQL durations as lock_timeout and statement_timeout take them: a number and an optional unit
 * (us, ms, s, min, h, d; milliseconds when none), at most INT_MAX milliseconds. Checked before a run so a
 * typo fails at once with the key that holds it, not as a server error halfway through a migration.
 */

/** Milliseconds per unit, exactly as PostgreSQL's GUC unit table spells them (case-sensitive). */
const UNITS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** The largest value an integer setting in milliseconds accepts (INT_MAX). */
const MAX_MS = 2_147_483_647;

/** The format, for messages. */
export const DURATION_FORMAT = 'a PostgreSQL duration: a number with an optional unit us, ms, s, min, h or d (e.g. "20ms", "2s", "5min"; 0 means no limit)';

/** The duration in milliseconds, or undefined when PostgreSQL would reject it as a timeout. */
export function parsePgDuration(text: string): number | undefined {
  // PostgreSQL also takes hexadecimal and exponents; a config never needs them, so they are refused
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = m[2] ? UNITS[m[2]] : 1;
  if (unit === undefined) return undefined;
  const ms = Number(m[1]) * unit;
  return ms <= MAX_MS ? ms : undefined;
}

/** Whether `text` is a duration lock_timeout / statement_timeout accept. */
export function isPgDuration(text: string): boolean {
  return parsePgDuration(text) !== undefined;
}
