import { describeRuleFixtures } from '../harness.testkit.js';
import { changingColumnType } from './changing-column-type.js';

describeRuleFixtures(changingColumnType, import.meta.dirname);
