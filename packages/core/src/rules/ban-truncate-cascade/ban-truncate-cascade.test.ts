import { describeRuleFixtures } from '../harness.testkit.js';
import { banTruncateCascade } from './ban-truncate-cascade.js';

describeRuleFixtures(banTruncateCascade, import.meta.dirname);
