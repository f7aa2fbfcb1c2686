import { describeRuleFixtures } from '../harness.testkit.js';
import { banDropColumn } from './ban-drop-column.js';

describeRuleFixtures(banDropColumn, import.meta.dirname);
