import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../harness.testkit.js';
import { identifierTooLong } from './identifier-too-long.js';
import { truncateToBytes } from './long-identifiers.js';

describeRuleFixtures(identifierTooLong, import.meta.dirname);

describe('truncateToBytes', () => {
  it('cuts at 63 bytes without splitting a character', () => {
    expect(truncateToBytes('a'.repeat(70))).toBe('a'.repeat(63));
    // 21 three-byte characters are 63 bytes; a 22nd does not fit
    expect(truncateToBytes('€'.repeat(22))).toBe('€'.repeat(21));
    // 4-byte characters: 15 fit in 60 bytes, the 16th would need 64
    expect(truncateToBytes('😀'.repeat(16))).toBe('😀'.repeat(15));
  });
});
