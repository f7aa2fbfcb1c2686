import { describeRuleFixtures } from '../harness.testkit.js';
import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint.js';

describeRuleFixtures(banCreateDomainWithConstraint, import.meta.dirname);
