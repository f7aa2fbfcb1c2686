/**
 * Fidelity on the real PostgreSQL server: each of the TypeORM example's own migrations, translated to every form,
 * gives the catalog the TypeORM migration gives, and its down restores the catalog before it.
 */
import { describe } from 'vitest';
import { typeormExamples } from './examples.testkit.js';
import { translationSuite } from './roundtrip.testkit.js';

describe('translate migration: from TypeORM', () => {
  translationSuite(typeormExamples());
});
