/**
 * `dbm detect` over a workspace: each selected package with its ORM, dialect, migrations folder and
 * config, or why it has none; shared ledgers are warned about as in status. Exit 0 when every package
 * was read (packages without an ORM are listed, not errors), 2 when one has two ORMs, 1 when one failed.
 */
import { relative } from 'node:path';
import type { PackageDetection } from '@dbm/adapters';
import { EXIT } from '../errors.js';
import { colorEnabled, painter } from '../output/color.js';
import type { ProjectArgs } from '../commands/project.js';
import { resolveFormat } from '../commands/shared.js';
import { collisionWarnings, gatherPackages } from './gather.js';
import type { WorkspaceTarget } from './target.js';

/** One package's line: name, then what was found. */
function describe(d: PackageDetection, root: string): string[] {
  const rel = (p?: string) => (p ? relative(root, p) || '.' : '-');
  switch (d.kind) {
    case 'project':
      return [d.pkg.name, d.project.orm, d.project.dialect, rel(d.project.migrationsDir), rel(d.project.configPath ?? d.project.schemaPath)];
    case 'none':
      return [d.pkg.name, '-', '-', '-', 'no ORM'];
    case 'several':
      return [d.pkg.name, d.orms.join('+'), '-', '-', d.message];
    case 'error':
      return [d.pkg.name, '?', '-', '-', d.message.replace(/^dbm: /, '')];
  }
}

/** Prints the packages; resolves to the exit code. */
export async function runWorkspaceDetect(args: ProjectArgs & { format?: string; json?: boolean }, target: WorkspaceTarget): Promise<number> {
  const format = resolveFormat(args, ['human', 'json']);
  const gathered = await gatherPackages(args, target);
  const code = gathered.detections.some((d) => d.kind === 'error')
    ? EXIT.failure
    : gathered.detections.some((d) => d.kind === 'several')
      ? EXIT.usage
      : EXIT.ok;
  if (format === 'json') {
    const packages = gathered.detections.map((d) => ({
      name: d.pkg.name,
      path: d.pkg.path,
      kind: d.kind,
      ...(d.kind === 'project' ? { orm: d.project.orm, dialect: d.project.dialect, migrationsDir: d.project.migrationsDir, evidence: d.project.evidence } : {}),
      ...(d.kind === 'several' ? { orms: d.orms } : {}),
      ...(d.kind === 'several' || d.kind === 'error' ? { message: d.message } : {}),
    }));
    process.stdout.write(`${JSON.stringify({ root: target.workspace.root, packages, collisions: gathered.collisions }, null, 2)}\n`);
    return code;
  }
  const paint = painter(colorEnabled());
  if (gathered.collisions.length) process.stderr.write(painter(colorEnabled(process.stderr))('yellow', collisionWarnings(gathered.collisions)));
  const rows = [['package', 'orm', 'dialect', 'migrations', 'config'], ...gathered.detections.map((d) => describe(d, target.workspace.root))];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (i < 4 ? r[i]!.length : 0))));
  const lines = rows.map((r, n) => {
    const text = r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ');
    return n === 0 ? paint('bold', text) : text;
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  return code;
}
