import { as, list, type Body } from '../../dialects/postgres/ast.js';
import { dotted } from '../../dialects/postgres/quote.js';
import { rawNode } from '../raw-statements.js';
import { defineRule, type Finding } from '../rule.js';

const KINDS: Record<string, string> = { CONSTR_CHECK: 'CHECK', CONSTR_NOTNULL: 'NOT NULL' };

/**
 * A domain with a CHECK or NOT NULL constraint ties that constraint to every column of every table
 * that uses the domain. Changing it later (ALTER DOMAIN ADD CONSTRAINT, SET NOT NULL) checks all of
 * those columns at once while holding locks on their tables, and unlike a table constraint it has no
 * NOT VALID / VALIDATE split for NOT NULL. Keeping constraints on the tables keeps each change small.
 */
export const banCreateDomainWithConstraint = defineRule({
  id: 'ban-create-domain-with-constraint',
  code: 'DBM117',
  severity: 'warning',
  summary: 'Create domains without CHECK / NOT NULL constraints; put the constraints on the table columns.',
  aliases: { squawk: ['ban-create-domain-with-constraint'] },
  check(file) {
    const out: Finding[] = [];
    for (const ctx of file.ops) {
      const b = rawNode(ctx.op, 'CreateDomainStmt');
      if (!b) continue;
      const kinds = [...new Set(list(b, 'constraints').map((c) => KINDS[String(as(c, 'Constraint')?.contype)]).filter(Boolean))];
      if (!kinds.length) continue;
      const name = domainName(b);
      out.push({
        at: ctx,
        message:
          `Domain ${name} carries a ${kinds.join(' and ')} constraint: every column of every table that uses it shares the constraint, ` +
          'so changing it later (ALTER DOMAIN) re-checks all of them at once under lock.',
        help:
          `CREATE DOMAIN ${dotted(name)} without the constraint, and put it on each column instead: ` +
          'ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID; then VALIDATE CONSTRAINT in a separate transaction',
      });
    }
    return out;
  },
});

function domainName(b: Body): string {
  return list(b, 'domainname')
    .map((n) => String(as(n, 'String')?.sval ?? ''))
    .join('.');
}
