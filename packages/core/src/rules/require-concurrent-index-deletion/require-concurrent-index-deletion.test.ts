import { describeRuleFixtures } from '../harness.testkit.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';

describeRuleFixtures(requireConcurrentIndexDeletion, import.meta.dirname);
