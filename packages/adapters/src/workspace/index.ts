/** Workspaces (pnpm, npm, yarn): discovery, dependency order, --filter, detection per package, shared ledgers. */
export { WorkspaceError } from './errors.js';
export { findWorkspaceRoot, readWorkspaceRoot, type WorkspaceRoot } from './root.js';
export { discoverWorkspace, type Workspace, type WorkspacePackage } from './discover.js';
export { dependencyOrder } from './graph.js';
export { filterPackages } from './filter.js';
export { mapLimit } from './limit.js';
export { detectPackages, DETECT_CONCURRENCY, type DetectPackagesOptions, type PackageDetection } from './detect-packages.js';
export { ledgerLocation, type LedgerLocation } from './ledger-location.js';
export { ledgerFix, ledgerSlug, ownLedger } from './ledger-fix.js';
export { findLedgerCollisions, ledgerSiblings, type LedgerCollision, type LedgerUser } from './collisions.js';
export { ownRows } from './own-rows.js';
