/**
 * The order in which Prisma applies its migration folders: `localeCompare`, as the Prisma CLI sorts them.
 * The first `localeCompare` of a process builds ICU's collator, ~15 ms of every `dbm status` on a Prisma
 * project. Folder names start with a timestamp, and two names that first differ at a pair of ASCII digits
 * after an identical prefix compare the same by code unit as by collation (digits have distinct primary
 * weights in numeric order, and nothing before them differs); only other pairs need the collator.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Compares two migration folder names as `a.localeCompare(b)` orders them. */
export function prismaFolderOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i < n && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(i))) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.localeCompare(b);
}
