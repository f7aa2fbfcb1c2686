import { describeRuleFixtures } from '../harness.testkit.js';
import { requireLockTimeout } from './require-lock-timeout.js';

describeRuleFixtures(requireLockTimeout, import.meta.dirname);
