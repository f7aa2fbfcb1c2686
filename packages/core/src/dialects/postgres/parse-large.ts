/**
 * Parses a large file on both cores: the second half in a worker thread while the main thread parses the
 * first. The cut is made after a `;` that ends a line near the middle; it is only trusted when both halves
 * parse (a cut inside a string, comment or dollar-quoted body leaves the first half unterminated, which
 * the parser rejects), else the whole file is parsed in one piece, so errors still point at the right place.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceLocation } from '../../operations/common.js';
import { parsePostgres, type ParsedFile, type ParsedStatement } from './parse.js';

/** Files smaller than this are parsed on one thread: a worker's start-up would cost more than it saves. */
export const PARALLEL_THRESHOLD = 512 * 1024;

function cutPoint(text: string): number | undefined {
  let at = text.indexOf(';\n', text.length >> 1);
  // a `;` after `--` on its line is inside a comment: the halves could both parse and change meaning
  while (at >= 0 && text.slice(text.lastIndexOf('\n', at) + 1, at).includes('--')) at = text.indexOf(';\n', at + 2);
  return at < 0 || at > text.length - 1024 ? undefined : at + 2;
}

/** Moves the parser's byte positions inside a raw statement's tree by `bytes` (-1 means unknown: kept). */
function shiftTree(node: unknown, bytes: number): void {
  if (Array.isArray(node)) for (const n of node) shiftTree(n, bytes);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) (node as Record<string, number>)[k] = v + bytes;
      else if (typeof v === 'object') shiftTree(v, bytes);
    }
  }
}

function shift(statements: readonly ParsedStatement[], offset: number, bytes: number, lines: number, index: number): ParsedStatement[] {
  const move = (loc: SourceLocation): SourceLocation => ({ ...loc, offset: loc.offset + offset, line: loc.line + lines });
  return statements.map((s) => {
    const loc = move(s.loc);
    const ops = s.ops.map((op) => {
      if (op.kind === 'raw') shiftTree(op.ast, bytes);
      return Object.freeze({ ...op, loc });
    });
    return { ...s, index: s.index + index, loc, ops };
  });
}

function parseInWorker(worker: URL, text: string): Promise<ParsedFile | undefined> {
  return new Promise((resolve) => {
    const w = new Worker(worker, { workerData: { text } });
    w.once('message', (m: { ok: boolean; file?: ParsedFile }) => {
      resolve(m.ok ? m.file : undefined);
      void w.terminate();
    });
    w.once('error', () => resolve(undefined));
  });
}

/** Parses like {@link parsePostgres}, splitting large files over two threads. */
export async function parsePostgresLarge(text: string, file?: string): Promise<ParsedFile> {
  const worker = new URL('./parse-worker.js', import.meta.url);
  const cut = text.length >= PARALLEL_THRESHOLD ? cutPoint(text) : undefined;
  // the worker runs from the compiled output only (tests run the TypeScript sources)
  if (cut === undefined || !existsSync(fileURLToPath(worker))) return parsePostgres(text, file);
  const second = parseInWorker(worker, text.slice(cut));
  let head: ParsedFile;
  try {
    head = parsePostgres(text.slice(0, cut), file);
  } catch {
    await second;
    return parsePostgres(text, file);
  }
  const tail = await second;
  if (!tail) return parsePostgres(text, file);
  const before = text.slice(0, cut);
  const lines = (before.match(/\n/g) ?? []).length;
  return {
    statements: [...head.statements, ...shift(tail.statements, cut, Buffer.byteLength(before), lines, head.statements.length)],
    fileIgnores: [...head.fileIgnores, ...tail.fileIgnores],
  };
}
