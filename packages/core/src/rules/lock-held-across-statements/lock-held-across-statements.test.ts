import { describeRuleFixtures } from '../harness.testkit.js';
import { lockHeldAcrossStatements } from './lock-held-across-statements.js';

describeRuleFixtures(lockHeldAcrossStatements, import.meta.dirname);
