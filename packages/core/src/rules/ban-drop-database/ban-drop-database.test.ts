import { describeRuleFixtures } from '../harness.testkit.js';
import { banDropDatabase } from './ban-drop-database.js';

describeRuleFixtures(banDropDatabase, import.meta.dirname);
