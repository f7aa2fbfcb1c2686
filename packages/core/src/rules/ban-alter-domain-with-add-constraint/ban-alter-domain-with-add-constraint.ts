import { as, list, qualified, type Body } from '../../dialects/postgres/ast.js';
import { ident, qname } from '../../dialects/postgres/quote.js';
import type { QualifiedName } from '../../operations/common.js';
import type { Operation } from '../../operations/operation.js';
import { tableKey } from '../context.js';
import { show } from '../helpers.js';
import { defineRule, type Finding } from '../rule.js';

function domainName(names: unknown[]): QualifiedName | undefined {
  try {
    return qualified(names);
  } catch {
    return undefined;
  }
}

/** The domain and constraint of an ALTER DOMAIN ... ADD CONSTRAINT that validates existing data. */
function validatingAdd(op: Operation): { domain: QualifiedName; constraint?: string } | undefined {
  if (op.kind !== 'raw' || op.statement !== 'AlterDomainStmt') return undefined;
  const b = as(op.ast, 'AlterDomainStmt');
  if (!b || b.subtype !== 'C') return undefined;
  const c = as(b.def, 'Constraint') as Body | undefined;
  if (c?.skip_validation === true) return undefined; // NOT VALID: existing data is not checked
  const domain = domainName(list(b, 'typeName'));
  if (!domain) return undefined;
  return { domain, ...(typeof c?.conname === 'string' ? { constraint: c.conname } : {}) };
}

/**
 * ALTER DOMAIN ... ADD CONSTRAINT checks every value of every column of that domain, in every table,
 * holding a lock on each of those tables that blocks writes for the whole scan. A domain created in
 * the same file is exempt; so is ADD CONSTRAINT ... NOT VALID, which checks only new values (its later
 * VALIDATE CONSTRAINT does the scan, in a separate transaction). Other ALTER DOMAIN forms are fine.
 */
export const banAlterDomainWithAddConstraint = defineRule({
  id: 'ban-alter-domain-with-add-constraint',
  code: 'DBM116',
  severity: 'error',
  summary: 'Do not add constraints to domains in use: put CHECK constraints on the tables, NOT VALID then VALIDATE.',
  aliases: { squawk: ['ban-alter-domain-with-add-constraint'] },
  check(file) {
    const out: Finding[] = [];
    const created = new Set<string>();
    for (const ctx of file.ops) {
      const { op } = ctx;
      if (op.kind === 'raw' && op.statement === 'CreateDomainStmt') {
        const name = domainName(list(as(op.ast, 'CreateDomainStmt') ?? {}, 'domainname'));
        if (name) created.add(tableKey(name));
        continue;
      }
      const add = validatingAdd(op);
      if (!add || created.has(tableKey(add.domain))) continue;
      out.push({
        at: ctx,
        message:
          `ALTER DOMAIN ${show(add.domain)} ADD CONSTRAINT checks every column of that domain in every table, ` +
          'holding a lock that blocks writes to each table for the whole scan.',
        help:
          `ALTER DOMAIN ${qname(add.domain)} ADD CONSTRAINT ... NOT VALID; -- only new values are checked\n` +
          `then, in a separate transaction: ALTER DOMAIN ${qname(add.domain)} VALIDATE CONSTRAINT ${add.constraint ? ident(add.constraint) : '<name>'};\n` +
          'or put the CHECK on each table instead: ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT',
        lock: 'SHARE',
      });
    }
    return out;
  },
});
