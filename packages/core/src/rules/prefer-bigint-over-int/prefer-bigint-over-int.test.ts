import { describeRuleFixtures } from '../harness.testkit.js';
import { preferBigintOverInt } from './prefer-bigint-over-int.js';

describeRuleFixtures(preferBigintOverInt, import.meta.dirname);
