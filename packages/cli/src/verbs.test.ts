import { describe, expect, it } from 'vitest';
import { verbNames } from './cli.js';
import { VERBS } from './verbs.js';

describe('VERBS', () => {
  it('names every verb the CLI has, and no other (the loader keeps a code cache per verb by these names)', () => {
    expect([...VERBS].sort()).toEqual(verbNames().sort());
  });
});
