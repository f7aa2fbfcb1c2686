import { describeRuleFixtures } from '../harness.testkit.js';
import { transactionNesting } from './transaction-nesting.js';

describeRuleFixtures(transactionNesting, import.meta.dirname);
