import { describeRuleFixtures } from '../harness.testkit.js';
import { renamingColumn } from './renaming-column.js';

describeRuleFixtures(renamingColumn, import.meta.dirname);
