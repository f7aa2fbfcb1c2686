import { describeRuleFixtures } from '../harness.testkit.js';
import { preferTimestamptz } from './prefer-timestamptz.js';

describeRuleFixtures(preferTimestamptz, import.meta.dirname);
