/**
 * The first of several candidates that passes a check, in the candidates' order, with every check started
 * at once. Detection looks for a dozen file names per ORM; one `access` after another cost a few
 * milliseconds of every verb, against one round of the file system side by side.
 */

/** The first item (in `items` order) for which `found` resolves to true; undefined when none does. */
export async function firstFound<T>(items: readonly T[], found: (item: T) => Promise<boolean>): Promise<T | undefined> {
  const results = await Promise.all(items.map(found));
  return items[results.indexOf(true)];
}
