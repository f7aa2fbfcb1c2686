import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSpinner } from './spinner.js';

afterEach(() => vi.restoreAllMocks());

function captureStderr(): string[] {
  const out: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return out;
}

describe('withSpinner', () => {
  it('draws frames with the text while the work runs and clears the line after, returning its result', async () => {
    const out = captureStderr();
    const result = await withSpinner('working', () => new Promise((r) => setTimeout(() => r(42), 200)), true);
    expect(result).toBe(42);
    expect(out.filter((s) => s.includes('working')).length).toBeGreaterThan(1);
    expect(out[out.length - 1]).toBe('\r\u001b[2K');
  });

  it('clears the line when the work fails, and passes the failure on', async () => {
    const out = captureStderr();
    await expect(withSpinner('failing', () => Promise.reject(new Error('boom')), true)).rejects.toThrow('boom');
    expect(out[out.length - 1]).toBe('\r\u001b[2K');
  });

  it('writes nothing when disabled (no terminal, CI, --json)', async () => {
    const out = captureStderr();
    expect(await withSpinner('quiet', async () => 'done', false)).toBe('done');
    expect(out).toEqual([]);
  });
});
