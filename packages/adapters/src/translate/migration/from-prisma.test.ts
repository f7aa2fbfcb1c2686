/**
 * Fidelity on the real PostgreSQL server: each of the Prisma example's own migrations, translated to every form,
 * gives the catalog the Prisma migration gives, and its down restores the catalog before it.
 */
import { describe } from 'vitest';
import { prismaExamples } from './examples.testkit.js';
import { translationSuite } from './roundtrip.testkit.js';

describe('translate migration: from Prisma', () => {
  translationSuite(prismaExamples());
});
