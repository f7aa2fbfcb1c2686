/** Every rule dbm runs, in code order. Add a rule by importing it here. */
import type { Rule } from './rule.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation/require-concurrent-index-creation.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid/constraint-missing-not-valid.js';
import { requireLockTimeout } from './require-lock-timeout/require-lock-timeout.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion/require-concurrent-index-deletion.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction/ban-concurrent-index-creation-in-transaction.js';
import { addingNotNullableField } from './adding-not-nullable-field/adding-not-nullable-field.js';
import { requireConcurrentReindex } from './require-concurrent-reindex/require-concurrent-reindex.js';
import { addingRequiredField } from './adding-required-field/adding-required-field.js';
import { addingFieldWithDefault } from './adding-field-with-default/adding-field-with-default.js';
import { changingColumnType } from './changing-column-type/changing-column-type.js';
import { disallowedUniqueConstraint } from './disallowed-unique-constraint/disallowed-unique-constraint.js';
import { addingPrimaryKeyConstraint } from './adding-primary-key-constraint/adding-primary-key-constraint.js';
import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach/require-concurrent-partition-detach.js';
import { banVacuumFullAndCluster } from './ban-vacuum-full-and-cluster/ban-vacuum-full-and-cluster.js';
import { lockHeldAcrossStatements } from './lock-held-across-statements/lock-held-across-statements.js';
import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint/ban-alter-domain-with-add-constraint.js';
// rules-batch-a (do not remove this marker)
import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint/ban-create-domain-with-constraint.js';
import { banTruncateCascade } from './ban-truncate-cascade/ban-truncate-cascade.js';
import { banDropDatabase } from './ban-drop-database/ban-drop-database.js';
import { banDropColumn } from './ban-drop-column/ban-drop-column.js';
import { banDropTable } from './ban-drop-table/ban-drop-table.js';
import { renamingColumn } from './renaming-column/renaming-column.js';
import { renamingTable } from './renaming-table/renaming-table.js';
import { banDropNotNull } from './ban-drop-not-null/ban-drop-not-null.js';
import { requireEnumValueOrdering } from './require-enum-value-ordering/require-enum-value-ordering.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction/ban-uncommitted-transaction.js';
import { transactionNesting } from './transaction-nesting/transaction-nesting.js';
import { preferBigintOverInt } from './prefer-bigint-over-int/prefer-bigint-over-int.js';
import { preferBigintOverSmallint } from './prefer-bigint-over-smallint/prefer-bigint-over-smallint.js';
import { preferIdentity } from './prefer-identity/prefer-identity.js';
import { preferTextField } from './prefer-text-field/prefer-text-field.js';
import { preferTimestamptz } from './prefer-timestamptz/prefer-timestamptz.js';
import { banCharField } from './ban-char-field/ban-char-field.js';
import { identifierTooLong } from './identifier-too-long/identifier-too-long.js';
import { preferRobustStmts } from './prefer-robust-stmts/prefer-robust-stmts.js';
// rules-batch-b (do not remove this marker)

/** All rules, sorted by code. */
export const ALL_RULES: readonly Rule[] = [
  requireConcurrentIndexCreation,
  constraintMissingNotValid,
  requireLockTimeout,
  requireConcurrentIndexDeletion,
  banConcurrentIndexCreationInTransaction,
  addingNotNullableField,
  requireConcurrentReindex,
  addingRequiredField,
  addingFieldWithDefault,
  changingColumnType,
  disallowedUniqueConstraint,
  addingPrimaryKeyConstraint,
  requireConcurrentPartitionDetach,
  banVacuumFullAndCluster,
  lockHeldAcrossStatements,
  banAlterDomainWithAddConstraint,
  // rules-batch-a-list (do not remove this marker)
  banCreateDomainWithConstraint,
  banTruncateCascade,
  banDropDatabase,
  banDropColumn,
  banDropTable,
  renamingColumn,
  renamingTable,
  banDropNotNull,
  requireEnumValueOrdering,
  banUncommittedTransaction,
  transactionNesting,
  preferBigintOverInt,
  preferBigintOverSmallint,
  preferIdentity,
  preferTextField,
  preferTimestamptz,
  banCharField,
  identifierTooLong,
  preferRobustStmts,
  // rules-batch-b-list (do not remove this marker)
].sort((a, b) => a.code.localeCompare(b.code));

/** Finds a rule by its dbm id or any squawk alias. */
export function findRule(name: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === name || r.aliases.squawk?.includes(name));
}
