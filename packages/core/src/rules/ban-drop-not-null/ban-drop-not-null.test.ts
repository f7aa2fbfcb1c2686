import { describeRuleFixtures } from '../harness.testkit.js';
import { banDropNotNull } from './ban-drop-not-null.js';

describeRuleFixtures(banDropNotNull, import.meta.dirname);
