/**
 * Where a JavaScript file's syntax error is. Node's module loader reports a plain .js syntax error
 * without its position (tsx only compiles TypeScript), so dbm asks `node --check`, which prints
 * `file:line` and the line itself. Only run after a load failed.
 */
import { execFile } from 'node:child_process';

/** `path:line` and the offending line with its caret, or undefined when the file itself parses. */
export function syntaxLocation(path: string): Promise<string | undefined> {
  if (!/\.[cm]?js$/.test(path)) return Promise.resolve(undefined);
  return new Promise((done) => {
    execFile(process.execPath, ['--check', path], { timeout: 10_000 }, (error, _stdout, stderr) => {
      if (!error) return done(undefined);
      const lines = String(stderr).split('\n');
      const at = lines.findIndex((l) => l.startsWith(path));
      done(at < 0 ? undefined : lines.slice(at, at + 3).join('\n').trimEnd());
    });
  });
}
