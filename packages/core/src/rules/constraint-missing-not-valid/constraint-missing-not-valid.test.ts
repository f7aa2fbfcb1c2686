import { describeRuleFixtures } from '../harness.testkit.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid.js';

describeRuleFixtures(constraintMissingNotValid, import.meta.dirname);
