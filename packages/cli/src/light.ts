/**
 * The read-only corners of the adapters and core that `status` (and the first steps of every verb that
 * opens a project) needs, behind one import, so the fast path can fetch them all in one round before the
 * verb asks for them. (It does not merge the bundler's chunks: esbuild still splits these modules by the
 * heavier modules that import them too.)
 */
export * from '@dbm/adapters/config';
export * from '@dbm/adapters/project';
export * from '@dbm/core/status';
