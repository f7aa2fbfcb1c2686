/**
 * Maps offsets in a source text to 1-based lines and columns. The PostgreSQL parser reports byte
 * offsets into the UTF-8 encoding, so this converts those too; pure-ASCII text takes the fast path.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private readonly ascii: boolean;
  private byteToChar?: Int32Array;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  /** Converts a UTF-8 byte offset (as the parser reports it) to a character offset. */
  charOffset(byteOffset: number): number {
    if (this.ascii) return byteOffset;
    if (!this.byteToChar) this.byteToChar = buildByteMap(this.text);
    return this.byteToChar[Math.min(byteOffset, this.byteToChar.length - 1)] ?? this.text.length;
  }

  /** The 1-based line and column of a character offset. */
  position(charOffset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= charOffset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: charOffset - this.lineStarts[lo]! + 1 };
  }
}

function buildByteMap(text: string): Int32Array {
  const bytes = Buffer.byteLength(text, 'utf8');
  const map = new Int32Array(bytes + 1);
  let b = 0;
  for (let c = 0; c < text.length; c++) {
    const code = text.codePointAt(c)!;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < width; k++) map[b + k] = c;
    b += width;
    if (code >= 0x10000) c++; // a surrogate pair is one code point
  }
  map[bytes] = text.length;
  return map;
}
