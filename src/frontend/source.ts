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
