import { describeRuleFixtures } from '../harness.testkit.js';
import { addingRequiredField } from './adding-required-field.js';

describeRuleFixtures(addingRequiredField, import.meta.dirname);
