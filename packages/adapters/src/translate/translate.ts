/**
 * `dbm translate --to <orm>`: the schema of a project (its migrated database, or its ORM's schema source)
 * written as another ORM's project with ONE baseline migration in that ORM's format, and the baseline
 * recorded as applied in the target ORM's ledger, so the target ORM's own status and generator agree
 * with the database straight away. All or nothing: files are staged and moved into place inside the
 * database transaction that records the baseline.
 */
import { basename } from 'node:path';
import { connect, readStatus, type Ledger, type MigrationSource, type SchemaWarning } from '@dbm/core';
import type { OrmName } from '../open.js';
import type { Project } from '../orm-adapter.js';
import { packageJsonText } from './package-json.js';
import { describeRecord, recordBaseline, type RecordPlan } from './record.js';
import { databaseModel, sourceModel, type SourceModel } from './source-model.js';
import { targetFor } from './targets.js';
import { TranslateError } from './translate-error.js';
import type { TargetRender, TranslatedFile } from './types.js';
import { inspectOut, stage } from './write-out.js';

/** Where the model comes from: the migrated database (default) or the ORM's schema source. */
export type TranslateFrom =
  | { readonly kind: 'database'; readonly url: string; readonly ledger: Ledger; readonly sources: readonly MigrationSource[] }
  | { readonly kind: 'source' };

/** Options of {@link translateProject}. */
export interface TranslateOptions {
  readonly project: Project;
  readonly from: TranslateFrom;
  readonly to: OrmName;
  /** The output folder, absolute. */
  readonly out: string;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly dropOldLedger?: boolean;
  /** Fixed time for the baseline's name (tests); default now. */
  readonly now?: Date;
  /** The variable the written config reads the URL from (default DATABASE_URL). */
  readonly urlEnv?: string;
}

/** What a translation wrote and recorded (or, with dryRun, would). */
export interface TranslateResult {
  readonly from: { readonly orm: OrmName; readonly kind: 'database' | 'source' };
  readonly to: OrmName;
  readonly out: string;
  /** Files relative to `out`. */
  readonly files: readonly string[];
  readonly baseline: TargetRender['baseline'];
  readonly warnings: readonly SchemaWarning[];
  /** Bookkeeping tables left out of the model. */
  readonly excluded: readonly string[];
  /** What happens in the database (empty without one). */
  readonly database: readonly string[];
  readonly ledger?: string;
  readonly droppedLedger?: string;
  readonly dryRun: boolean;
}

function statusProblem(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([state, n]) => state !== 'applied' && n > 0)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
}

/** Translates the project; see the module comment. Throws {@link TranslateError} when it refuses. */
export async function translateProject(o: TranslateOptions): Promise<TranslateResult> {
  const sourceOrm = o.project.orm;
  if (o.to === sourceOrm) throw new TranslateError(`the project already uses ${sourceOrm}: --to names the ORM to translate to`);
  if (o.dropOldLedger && o.from.kind === 'source') throw new TranslateError('--drop-old-ledger needs the database: leave out --from source');
  const state = await inspectOut(o.out, o.force ?? false);
  const target = await targetFor(o.to);
  const ctx = { now: o.now ?? new Date(), root: o.project.root, urlEnv: o.urlEnv ?? 'DATABASE_URL', ...(state.packageJson ? { packageJson: state.packageJson } : {}) };
  const from = o.from;
  if (from.kind === 'source') {
    const source = await sourceModel(o.project);
    const render = await target.render(source.model, ctx);
    const result = resultOf(o, render, source, [], state.packageJson !== undefined);
    if (!o.dryRun) await writeOnly(o, state, filesOf(o, render, state.packageJson !== undefined));
    return result;
  }
  const client = await connect(from.url);
  try {
    const status = await readStatus(client, from.ledger, [...from.sources]);
    if (!status.clean) {
      throw new TranslateError(
        `${from.ledger.table} is not up to date with the migrations (${statusProblem(status.counts)}): run dbm status, apply or resolve them, then translate — a half-migrated database would be baselined as it is`,
      );
    }
    const source = await databaseModel(client, from.ledger);
    const render = await target.render(source.model, ctx);
    const existing = await render.record.ledger.read(client);
    if (existing.length) {
      throw new TranslateError(
        `the database already has a ${o.to} ledger (${render.record.ledger.table}, ${existing.length} row(s)): a baseline beside that history would confuse ${o.to}; drop or move that table first`,
      );
    }
    const plan: RecordPlan = { align: render.align, ledger: render.record.ledger, source: render.record.source, ...(o.dropOldLedger ? { dropOld: from.ledger } : {}) };
    const result = resultOf(o, render, source, describeRecord(plan), state.packageJson !== undefined);
    if (o.dryRun) return result;
    const staged = await stage(o.out, state, filesOf(o, render, state.packageJson !== undefined));
    let undo: (() => Promise<void>) | undefined;
    try {
      await recordBaseline(client, plan, async () => {
        undo = await staged.commit();
      });
    } catch (e) {
      await undo?.();
      throw e;
    } finally {
      await staged.discard();
    }
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function filesOf(o: TranslateOptions, render: TargetRender, hasPackageJson: boolean): TranslatedFile[] {
  return [...render.files, ...(hasPackageJson ? [] : [{ path: 'package.json', text: packageJsonText(o.to, basename(o.out)) }])];
}

async function writeOnly(o: TranslateOptions, state: Awaited<ReturnType<typeof inspectOut>>, files: TranslatedFile[]): Promise<void> {
  const staged = await stage(o.out, state, files);
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
}

function resultOf(o: TranslateOptions, render: TargetRender, source: SourceModel, database: string[], hasPackageJson: boolean): TranslateResult {
  return {
    from: { orm: o.project.orm, kind: o.from.kind },
    to: o.to,
    out: o.out,
    files: filesOf(o, render, hasPackageJson).map((f) => f.path),
    baseline: render.baseline,
    warnings: [...source.warnings, ...render.warnings],
    excluded: source.excluded,
    database,
    ...(o.from.kind === 'database' ? { ledger: render.record.ledger.table } : {}),
    ...(o.dropOldLedger && o.from.kind === 'database' ? { droppedLedger: o.from.ledger.table } : {}),
    dryRun: o.dryRun ?? false,
  };
}
