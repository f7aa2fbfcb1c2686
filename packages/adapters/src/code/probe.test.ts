import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesOrUndefined, exists, isFile, statOrUndefined, textOrUndefined } from './probe.js';

const dir = mkdtempSync(join(tmpdir(), 'dbm-probe-'));
writeFileSync(join(dir, 'a.txt'), 'héllo');
mkdirSync(join(dir, 'sub'));

describe('probe', () => {
  it('tells files, folders and missing paths apart', () => {
    expect([exists(join(dir, 'a.txt')), exists(join(dir, 'sub')), exists(join(dir, 'nope'))]).toEqual([true, true, false]);
    expect([isFile(join(dir, 'a.txt')), isFile(join(dir, 'sub')), isFile(join(dir, 'nope'))]).toEqual([true, false, false]);
    expect(statOrUndefined(join(dir, 'sub'))?.isDirectory()).toBe(true);
    expect(statOrUndefined(join(dir, 'nope'))).toBeUndefined();
  });

  it('reads UTF-8 text, and gives undefined for what is not a readable file', () => {
    expect(textOrUndefined(join(dir, 'a.txt'))).toBe('héllo');
    expect(textOrUndefined(join(dir, 'sub'))).toBeUndefined();
    expect(textOrUndefined(join(dir, 'nope'))).toBeUndefined();
    // below a file is ENOTDIR, not ENOENT: still nothing there
    expect(textOrUndefined(join(dir, 'a.txt', 'x'))).toBeUndefined();
  });

  it('lists a folder with entry types, and gives undefined for what is not one', () => {
    const names = entriesOrUndefined(dir)!.map((e) => `${e.name}:${e.isDirectory() ? 'dir' : 'file'}`).sort();
    expect(names).toEqual(['a.txt:file', 'sub:dir']);
    expect(entriesOrUndefined(join(dir, 'a.txt'))).toBeUndefined();
    expect(entriesOrUndefined(join(dir, 'nope'))).toBeUndefined();
  });
});
