/**
 * The read-only corners of the adapters and core that `status` (and the first steps of every verb that
 * opens a project) needs, behind one import: the bundler then keeps them together in a few files instead
 * of a file per combination of importers, and loading them is one round of reads instead of dozens.
 */
export * from '@dbm/adapters/config';
export * from '@dbm/adapters/project';
export * from '@dbm/core/status';
