/** What the executor reports while it works, for progress output and logs. */

/** One executor event. */
export type ExecEvent =
  | { readonly type: 'wait-lock'; readonly holderPid?: number }
  | { readonly type: 'migration-start'; readonly migration: string; readonly steps: number; readonly resumed: boolean }
  | { readonly type: 'migration-done'; readonly migration: string; readonly ms: number }
  | { readonly type: 'step-start'; readonly migration: string; readonly step: number; readonly steps: number; readonly transactional: boolean; readonly comment: string }
  | { readonly type: 'step-skip'; readonly migration: string; readonly step: number; readonly reason: string }
  | { readonly type: 'step-done'; readonly migration: string; readonly step: number; readonly ms: number }
  | { readonly type: 'retry'; readonly migration: string; readonly step: number; readonly attempt: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'index-progress'; readonly index: string; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly type: 'backfill-progress'; readonly table: string; readonly rows: number; readonly rowsPerSecond: number }
  | { readonly type: 'backup'; readonly migration: string; readonly what: string; readonly backupTable: string; readonly rows: number }
  | { readonly type: 'invalid-index-dropped'; readonly index: string };

/** Receives events; the CLI renders them, tests collect them. */
export type ExecListener = (event: ExecEvent) => void;
