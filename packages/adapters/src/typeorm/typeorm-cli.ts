/**
 * Runs TypeORM's own CLI (`typeorm <command> …`) in a project as its users do under tsx:
 * `node --import tsx <project's typeorm/cli.js> …`, in the project's directory (so tsx reads its
 * tsconfig.json), with an argument array and no shell. ts-node is not used: it breaks on TypeScript 7.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What one CLI run printed, and how it ended. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runTypeOrmCli}. */
export interface CliOptions {
  /** The package directory: the CLI runs there and its typeorm and tsx are used. */
  readonly root: string;
  /** Extra environment (e.g. the DataSource's URL variable). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** The directory of package `name` as seen from `from` (a file or a package.json); undefined when absent. */
function packageDir(from: string, name: string): string | undefined {
  const require = createRequire(from);
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // typeorm's exports map turns "typeorm/package.json" into package.json.js: go up from its entry instead
  }
  try {
    for (let dir = path.dirname(require.resolve(name)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    }
  } catch {
    // not installed
  }
  return undefined;
}

/** tsx's ESM loader: the project's, else the one dbm runs with. */
function tsxLoader(root: string): string {
  const dir = packageDir(path.join(root, 'package.json'), 'tsx') ?? packageDir(import.meta.url, 'tsx');
  if (!dir) throw new Error('tsx is not installed: dbm runs TypeORM\'s CLI under tsx');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const main = manifest.exports?.['.'];
  return pathToFileURL(path.join(dir, typeof main === 'string' ? main : 'dist/loader.mjs')).href;
}

/** TypeORM's cli.js in the project, or an error saying to install it. */
export function typeormCliPath(root: string): string {
  const dir = packageDir(path.join(root, 'package.json'), 'typeorm');
  if (!dir) throw Object.assign(new Error(`typeorm is not installed in ${root}: install the project's dependencies (npm install) so dbm can run TypeORM's own generator`), { userFacing: true });
  return path.join(dir, 'cli.js');
}

/** Runs `typeorm <args>` in the project; resolves with the exit code and output (never rejects on a non-zero exit). */
export function runTypeOrmCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const argv = ['--import', tsxLoader(options.root), typeormCliPath(options.root), ...args];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      argv,
      {
        cwd: options.root,
        env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: options.timeoutMs ?? 180_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        if (e && typeof e.code !== 'number' && !e.killed) {
          reject(e);
          return;
        }
        const code = e ? (typeof e.code === 'number' ? e.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) + (e?.killed ? '\n(dbm stopped it: it ran longer than the time limit)' : '') });
      },
    );
  });
}
