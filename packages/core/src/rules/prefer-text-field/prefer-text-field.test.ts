import { describeRuleFixtures } from '../harness.testkit.js';
import { preferTextField } from './prefer-text-field.js';

describeRuleFixtures(preferTextField, import.meta.dirname);
