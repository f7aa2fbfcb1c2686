import { describeRuleFixtures } from '../harness.testkit.js';
import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint.js';

describeRuleFixtures(banAlterDomainWithAddConstraint, import.meta.dirname);
