import { describeRuleFixtures } from '../harness.testkit.js';
import { requireEnumValueOrdering } from './require-enum-value-ordering.js';

describeRuleFixtures(requireEnumValueOrdering, import.meta.dirname);
