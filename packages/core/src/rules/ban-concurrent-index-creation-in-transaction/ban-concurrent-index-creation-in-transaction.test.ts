import { describeRuleFixtures } from '../harness.testkit.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';

describeRuleFixtures(banConcurrentIndexCreationInTransaction, import.meta.dirname);
