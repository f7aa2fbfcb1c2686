import { describeRuleFixtures } from '../harness.testkit.js';
import { preferIdentity } from './prefer-identity.js';

describeRuleFixtures(preferIdentity, import.meta.dirname);
