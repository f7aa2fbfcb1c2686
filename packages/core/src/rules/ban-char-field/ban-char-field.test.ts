import { describeRuleFixtures } from '../harness.testkit.js';
import { banCharField } from './ban-char-field.js';

describeRuleFixtures(banCharField, import.meta.dirname);
