import { describeRuleFixtures } from '../harness.testkit.js';
import { banDropTable } from './ban-drop-table.js';

describeRuleFixtures(banDropTable, import.meta.dirname);
