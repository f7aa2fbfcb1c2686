import { describeRuleFixtures } from '../harness.testkit.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';

describeRuleFixtures(requireConcurrentIndexCreation, import.meta.dirname);
