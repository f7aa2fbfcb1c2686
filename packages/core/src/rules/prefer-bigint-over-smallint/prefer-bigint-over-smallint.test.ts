import { describeRuleFixtures } from '../harness.testkit.js';
import { preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';

describeRuleFixtures(preferBigintOverSmallint, import.meta.dirname);
