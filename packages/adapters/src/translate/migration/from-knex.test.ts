/**
 * Fidelity on the real PostgreSQL server: each of the knex example's own migrations, translated to every form,
 * gives the catalog the knex migration gives, and its down restores the catalog before it.
 */
import { describe } from 'vitest';
import { knexExamples } from './examples.testkit.js';
import { translationSuite } from './roundtrip.testkit.js';

describe('translate migration: from knex', () => {
  translationSuite(knexExamples());
});
