// Source buffers and positions.
//
// Every later stage refers to source text by UTF-16 offsets into one `Source`: tokens,
// AST nodes, line tables and diagnostics all carry offsets, never copies of the text.
// This file turns offsets into the (line, column) pairs users see. Columns follow
// CPython: 1-based in SyntaxError reports, counted in code points, with the caret placed
// under the code point.

/** A warning the compiler reports while compiling (printed by warnings.showwarning). */
export interface CompileWarning {
  readonly category: 'SyntaxWarning';
  readonly message: string;
  readonly line: number;
}

export class Source {
  readonly text: string;
  readonly filename: string;
  /** Offset of the first character of each line; lineStarts[0] === 0. */
  readonly lineStarts: number[];
  /** Compile-time warnings (SyntaxWarning ...), in the order CPython's compiler issues them. */
  readonly warnings: CompileWarning[] = [];

  constructor(filename: string, text: string) {
    // A UTF-8 byte order mark is not part of the program (PEP 263).
    this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.filename = filename;
    this.lineStarts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** 1-based line number of an offset (offsets past the end belong to the last line). */
  lineOf(offset: number): number {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 0-based column of an offset in code points from the start of its line. */
  colOf(offset: number): number {
    const start = this.lineStarts[this.lineOf(offset) - 1];
    let col = 0;
    for (let i = start; i < offset && i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col++;
    }
    return col;
  }

  /** Text of 1-based line `line` without its line terminator. */
  lineText(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return '';
    const start = this.lineStarts[line - 1];
    let end = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** A source file that is not valid in its encoding (tokenizer.c's decoding errors). */
export class SourceDecodeError extends Error {}

/**
 * The text of a source file (PEP 263): UTF-8 unless a coding declaration in the first two
 * lines names another encoding the platform decodes. Invalid UTF-8 without a declaration
 * is CPython's "Non-UTF-8 code starting with '\xNN' in file F on line N, but no encoding
 * declared; ..." SyntaxError.
 */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').split(/\r\n|\r|\n/).slice(0, 2);
  for (const line of head) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m === null) {
      if (!/^[ \t\f]*(#|$)/.test(line)) break;
      continue;
    }
    const name = m[1].toLowerCase().replace(/_/g, '-');
    if (name === 'utf-8' || name.startsWith('utf-8-')) break;
    try {
      return new TextDecoder(name === 'latin-1' ? 'latin1' : name).decode(bytes);
    } catch {
      throw new SourceDecodeError(`unknown encoding: ${m[1]}`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
    const hex = bytes[at].toString(16).padStart(2, '0');
    throw new SourceDecodeError(`Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`);
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}
