/**
 * Fidelity on the real PostgreSQL server: each of the drizzle example's own migrations, translated to every form,
 * gives the catalog the drizzle migration gives, and its down restores the catalog before it.
 */
import { describe } from 'vitest';
import { drizzleExamples } from './examples.testkit.js';
import { translationSuite } from './roundtrip.testkit.js';

describe('translate migration: from drizzle', () => {
  translationSuite(drizzleExamples());
});
