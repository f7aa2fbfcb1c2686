/**
 * TypeORM's spelling of the SQL-standard time functions: its PostgreSQL driver rewrites an entity default
 * of `CURRENT_TIMESTAMP` to `now()` (`normalizeDatetimeFunction`) before comparing it with the catalog's
 * text, so the translation spells these defaults the same way (see translate/align-defaults.ts).
 */

const TIME_FUNCTION = /^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)(\(\d+\))?$/;

/** TypeORM's spelling of a time-function default, or undefined when TypeORM keeps the text as it is. */
export function typeormTimeSpelling(d: { readonly sql: string }): string | undefined {
  const m = TIME_FUNCTION.exec(d.sql.trim().toUpperCase());
  if (!m) return undefined;
  const [, fn, precision = ''] = m;
  const now = "('now'::text)";
  switch (fn) {
    case 'CURRENT_TIMESTAMP':
      return precision ? `${now}::timestamp${precision} with time zone` : 'now()';
    case 'CURRENT_DATE':
      return `${now}::date`;
    case 'CURRENT_TIME':
      return `${now}::time${precision} with time zone`;
    case 'LOCALTIMESTAMP':
      return `${now}::timestamp${precision} without time zone`;
    default:
      return `${now}::time${precision} without time zone`;
  }
}
