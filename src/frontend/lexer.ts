// Lexer: Python 3.11 source text -> offset-based tokens.
//
// First stage of the pipeline. A token is (kind, start, end) into the Source buffer, held
// in three parallel growable arrays; the lexer never copies text. It runs lazily: the
// parser asks for token i and the lexer scans just far enough, so a tokenizer error is
// reported when the parser reaches it, in the same order CPython reports errors.
//
// Implements Python's lexical grammar (reference, chapter 2): INDENT/DEDENT from a stack
// of indentation columns with CPython's tab rules (tab size 8 compared against tab size 1
// to detect inconsistent mixes), implicit joining inside brackets, explicit joining with a
// backslash, NEWLINE only at the end of non-blank logical lines, every string prefix and
// quote style (contents are decoded later by strlit.ts), numeric literals in all bases
// with underscores, imaginary literals, Unicode identifiers (NFKC-normalised by the
// parser) and comments. Errors are CompileErrors with CPython's messages.

import { CompileError, compileError, type DiagId } from '../diagnostics.js';
import type { Source } from './source.js';
import { KEYWORDS, OPERATORS, T, type TokKind } from './tokens.js';

const ID_START = /[\p{ID_Start}_\u1885\u1886\u2118\u212e\u309b\u309c]/u;
const ID_CONTINUE = /[\p{ID_Continue}\u00b7\u0387\u1369-\u1371\u19da\u200c\u200d]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Brackets whose closing partner the lexer is waiting for. */
interface OpenBracket {
  readonly ch: string;
  readonly offset: number;
}

const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Errors CPython's tokenizer only flags in its state (E_DEDENT, E_TABSPACE, E_LINECONT,
 * E_EOF) instead of raising; the others are raised as SyntaxError at once.
 */
const FLAGGED_BY_TOKENIZER: ReadonlySet<DiagId> = new Set<DiagId>(['unindentMismatch', 'tabsSpaces', 'lineContinuation', 'eofInMultiLine', 'neverClosed']);

/** Which string prefix letters a string token carries. */
export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  fmt: boolean;
  /** Length of the prefix in characters. */
  len: number;
}

export class Lexer {
  readonly source: Source;
  private readonly text: string;
  private pos: number;
  private readonly end: number;
  /** True for the expression part of an f-string: no INDENT/NEWLINE logic at all. */
  private readonly inner: boolean;

  kinds: Uint8Array = new Uint8Array(256);
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);
  /** Bracket depth after each token (CPython's Token.level: 1 for a top-level '('). */
  levels: Uint16Array = new Uint16Array(256);
  count = 0;
  private done = false;
  /** Set once the lexer has thrown an error: its state is then not usable further. */
  private failed = false;

  get hasFailed(): boolean {
    return this.failed;
  }

  private indents: number[] = [0];
  private altIndents: number[] = [0];
  private brackets: OpenBracket[] = [];
  private atLineStart = true;
  /** Whether the current logical line has produced a token (NEWLINE is due at its end). */
  private lineHasTokens = false;

  constructor(source: Source, start = 0, end = source.text.length, inner = false) {
    this.source = source;
    this.text = source.text;
    this.pos = start;
    this.end = end;
    this.inner = inner;
    this.atLineStart = !inner;
  }

  /** Make sure token `i` exists (or the stream has ended); returns its kind. */
  kind(i: number): TokKind {
    while (i >= this.count && !this.done) this.scan();
    return (i < this.count ? this.kinds[i] : T.ENDMARKER) as TokKind;
  }

  start(i: number): number {
    this.kind(i);
    return i < this.count ? this.starts[i] : this.end;
  }

  endOf(i: number): number {
    this.kind(i);
    return i < this.count ? this.ends[i] : this.end;
  }

  /** Bracket depth after token `i`. */
  level(i: number): number {
    this.kind(i);
    return i < this.count ? this.levels[i] : 0;
  }

  text_(i: number): string {
    return this.text.slice(this.start(i), this.endOf(i));
  }

  /** Open brackets at the current scan position (for "was never closed" reports). */
  get openBrackets(): readonly OpenBracket[] {
    return this.brackets;
  }

  private push(kind: TokKind, start: number, end: number): void {
    if (this.count === this.kinds.length) {
      const n = this.count * 2;
      const k = new Uint8Array(n);
      k.set(this.kinds);
      this.kinds = k;
      const s = new Int32Array(n);
      s.set(this.starts);
      this.starts = s;
      const e = new Int32Array(n);
      e.set(this.ends);
      this.ends = e;
      const l = new Uint16Array(n);
      l.set(this.levels);
      this.levels = l;
    }
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.levels[this.count] = this.brackets.length;
    this.count++;
    if (kind !== T.NEWLINE && kind !== T.INDENT && kind !== T.DEDENT) this.lineHasTokens = true;
  }

  private error(id: Parameters<typeof compileError>[1], offset: number, args: (string | number)[] = [], extra: { end?: number; line?: number; pyOffset?: number } = {}): never {
    this.failed = true;
    throw compileError(this.source, id, offset, args, { ...extra, tokenizer: !FLAGGED_BY_TOKENIZER.has(id) });
  }

  /**
   * After the parser rejected the program (and the lexer had not failed): tokenize the rest
   * of the file as CPython does before it reports a parser error (pegen_errors.c,
   * _PyPegen_tokenize_full_source_to_check_for_errors). A tokenizer error that CPython
   * raises as an exception replaces the parser's error. The tokenizer states it only flags
   * (bad dedent, tab mix, stray continuation, end of file) stop the scan, and then a
   * bracket still open that was opened on a line before the last token the parser read
   * turns the error into "'(' was never closed". Returns the error to report instead, if any.
   */
  errorAfterParseError(): CompileError | null {
    if (this.failed) return null;
    const lastLine = this.count > 0 ? this.source.lineOf(this.starts[this.count - 1]) : 1;
    try {
      while (!this.done) this.scanOne();
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      if (!FLAGGED_BY_TOKENIZER.has(e.diag.id)) return e;
    }
    const top = this.brackets[this.brackets.length - 1];
    if (top !== undefined && lastLine > this.source.lineOf(top.offset)) {
      return compileError(this.source, 'neverClosed', top.offset, [top.ch]);
    }
    return null;
  }

  /** Scan at least one more token (or finish the stream). */
  private scan(): void {
    const before = this.count;
    while (this.count === before && !this.done) this.scanOne();
  }

  private scanOne(): void {
    const t = this.text;
    if (this.atLineStart) {
      this.atLineStart = false;
      if (this.handleIndentation()) return;
    }
    // Skip blanks, comments and line continuations within a line.
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (this.pos >= this.end) break;
      if (c === 32 || c === 9 || c === 12) {
        this.pos++;
      } else if (c === 35) {
        while (this.pos < this.end && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++;
      } else if (c === 92) {
        // Explicit line joining: a backslash must be followed by the end of the line.
        const n = t.charCodeAt(this.pos + 1);
        if (n === 10 || n === 13) {
          const bs = this.pos;
          this.pos += n === 13 && t.charCodeAt(this.pos + 2) === 10 ? 3 : 2;
          // CPython reports it on the backslash's line, just after the backslash.
          if (this.pos >= this.end && !this.inner) this.error('eofInMultiLine', bs + 1);
        } else if (this.pos + 1 >= this.end) {
          this.error('eofInMultiLine', this.pos + 1);
        } else {
          this.error('lineContinuation', this.pos + 1);
        }
      } else break;
    }
    if (this.pos >= this.end) {
      this.finish();
      return;
    }
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === 10 || c === 13) {
      this.pos += c === 13 && t.charCodeAt(start + 1) === 10 ? 2 : 1;
      if (this.brackets.length > 0 || this.inner) return; // implicit joining
      if (this.lineHasTokens) {
        this.push(T.NEWLINE, start, this.pos);
        this.lineHasTokens = false;
      }
      this.atLineStart = true;
      return;
    }
    if (isAsciiIdStart(c) || (c > 127 && this.isIdStartAt(start))) {
      this.scanNameOrString(start);
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(t.charCodeAt(start + 1)))) {
      this.scanNumber(start);
      return;
    }
    if (c === 34 || c === 39) {
      this.scanString(start, start, { raw: false, bytes: false, fmt: false, len: 0 });
      return;
    }
    for (const [op, kind] of OPERATORS) {
      if (t.startsWith(op, start)) {
        this.pos = start + op.length;
        this.trackBracket(op, start);
        this.push(kind, start, this.pos);
        return;
      }
    }
    this.badCharacter(start);
  }

  private isIdStartAt(offset: number): boolean {
    const cp = this.text.codePointAt(offset)!;
    return ID_START.test(String.fromCodePoint(cp));
  }

  private badCharacter(offset: number): void {
    const cp = this.text.codePointAt(offset)!;
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    if (cp >= 32 && cp < 127) {
      // CPython's tokenizer passes stray printable ASCII on as a one-character token and
      // the parser reports "invalid syntax" when it reaches it.
      this.pos = offset + 1;
      this.push(T.ERRORTOKEN, offset, offset + 1);
      return;
    }
    if (/[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u.test(ch)) this.error('invalidNonPrintable', offset, [hex]);
    this.error('invalidCharacter', offset, [ch, hex]);
  }

  private trackBracket(op: string, offset: number): void {
    if (op === '(' || op === '[' || op === '{') {
      this.brackets.push({ ch: op, offset });
    } else if (op === ')' || op === ']' || op === '}') {
      const top = this.brackets.pop();
      if (top === undefined) this.error('unmatched', offset, [op]);
      if (top.ch !== CLOSER[op]) {
        const openLine = this.source.lineOf(top.offset);
        if (openLine !== this.source.lineOf(offset)) {
          this.error('mismatchedParenLine', offset, [op, top.ch, openLine]);
        }
        this.error('mismatchedParen', offset, [op, top.ch]);
      }
    }
  }

  /**
   * Measure the indentation of a new line and emit INDENT/DEDENT tokens.
   * Returns true when it consumed a blank line (nothing else to scan on it).
   */
  private handleIndentation(): boolean {
    const t = this.text;
    let col = 0;
    let alt = 0;
    let p = this.pos;
    for (; p < this.end; p++) {
      const c = t.charCodeAt(p);
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === 12) {
        col = 0;
        alt = 0;
      } else break;
    }
    const c = t.charCodeAt(p);
    if (p >= this.end || c === 35 || c === 10 || c === 13) {
      // Blank or comment-only line: indentation is irrelevant.
      this.pos = p;
      while (this.pos < this.end && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++;
      if (this.pos < this.end) {
        this.pos += t.charCodeAt(this.pos) === 13 && t.charCodeAt(this.pos + 1) === 10 ? 2 : 1;
        this.atLineStart = true;
      }
      return true;
    }
    if (c === 92 && (t.charCodeAt(p + 1) === 10 || t.charCodeAt(p + 1) === 13)) {
      // A line consisting of a continuation: CPython treats the joined text as one line
      // whose indentation is what we measured.
    }
    this.pos = p;
    const top = this.indents[this.indents.length - 1];
    const altTop = this.altIndents[this.altIndents.length - 1];
    // CPython reports a tab/space mix at column 0 of the line (no caret under the text).
    const lineStart = this.source.lineStarts[this.source.lineOf(p) - 1];
    if (col === top) {
      if (alt !== altTop) this.error('tabsSpaces', lineStart);
    } else if (col > top) {
      if (alt <= altTop) this.error('tabsSpaces', lineStart);
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push(T.INDENT, this.source.lineStarts[this.source.lineOf(p) - 1], p);
      return false;
    } else {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.altIndents.pop();
        this.push(T.DEDENT, p, p);
      }
      if (col !== this.indents[this.indents.length - 1]) {
        let lineEnd = p;
        while (lineEnd < this.end && t.charCodeAt(lineEnd) !== 10 && t.charCodeAt(lineEnd) !== 13) lineEnd++;
        // CPython places it at the end of the line, counted in UTF-8 bytes.
        const lineBytes = Buffer.byteLength(t.slice(lineStart, lineEnd), 'utf8');
        this.error('unindentMismatch', lineEnd, [], { pyOffset: lineBytes + 1 });
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) this.error('tabsSpaces', lineStart);
    }
    return false;
  }

  private finish(): void {
    if (this.inner) {
      this.push(T.ENDMARKER, this.end, this.end);
      this.done = true;
      return;
    }
    if (this.brackets.length > 0) {
      const b = this.brackets[this.brackets.length - 1];
      this.error('neverClosed', b.offset, [b.ch]);
    }
    if (this.lineHasTokens) this.push(T.NEWLINE, this.end, this.end);
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push(T.DEDENT, this.end, this.end);
    }
    this.push(T.ENDMARKER, this.end, this.end);
    this.done = true;
  }

  private scanNameOrString(start: number): void {
    const t = this.text;
    let p = start;
    // String prefixes: any case-insensitive combination of r with b or f, or u alone.
    const q = this.prefixLength(start);
    if (q > 0) {
      const quote = t.charCodeAt(start + q);
      if (quote === 34 || quote === 39) {
        const pre = t.slice(start, start + q).toLowerCase();
        this.scanString(start, start + q, { raw: pre.includes('r'), bytes: pre.includes('b'), fmt: pre.includes('f'), len: q });
        return;
      }
    }
    while (p < this.end) {
      const c = t.charCodeAt(p);
      if (isAsciiIdContinue(c)) p++;
      else if (c > 127) {
        const cp = t.codePointAt(p)!;
        const ch = String.fromCodePoint(cp);
        if (!ID_CONTINUE.test(ch)) {
          if (ID_START.test(ch)) {
            p += ch.length;
            continue;
          }
          // A non-identifier character right after an identifier.
          if (!/[\s]/u.test(ch)) this.badCharacter(p);
          break;
        }
        p += ch.length;
      } else break;
    }
    this.pos = p;
    const kw = p - start <= 8 ? KEYWORDS.get(t.slice(start, p)) : undefined;
    this.push(kw ?? T.NAME, start, p);
  }

  /** Length of a valid string prefix at `start` if a quote follows it, else 0. */
  private prefixLength(start: number): number {
    const t = this.text;
    for (let n = 1; n <= 2; n++) {
      const q = t.charCodeAt(start + n);
      if (q === 34 || q === 39) {
        const pre = t.slice(start, start + n).toLowerCase();
        if (['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf'].includes(pre)) return n;
        return 0;
      }
    }
    return 0;
  }

  private scanString(start: number, quoteAt: number, prefix: StringPrefix): void {
    const t = this.text;
    const q = t.charCodeAt(quoteAt);
    const triple = t.charCodeAt(quoteAt + 1) === q && t.charCodeAt(quoteAt + 2) === q;
    let p = quoteAt + (triple ? 3 : 1);
    for (;;) {
      if (p >= this.end) {
        const line = this.source.lineOf(Math.max(start, this.end - 1));
        if (triple) this.error('unterminatedTriple', start, [this.source.lineOf(this.end) > line && this.end > 0 && this.endsWithNewline() ? this.source.lineOf(this.end) - 1 : line]);
        this.error('unterminatedString', start, [line]);
      }
      const c = t.charCodeAt(p);
      if (c === 92) {
        // A backslash always escapes the next character for the purpose of finding the end
        // of the literal, even in raw strings (reference 2.4.1).
        p += t.charCodeAt(p + 1) === 13 && t.charCodeAt(p + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === q) {
        if (!triple) {
          p++;
          break;
        }
        if (t.charCodeAt(p + 1) === q && t.charCodeAt(p + 2) === q) {
          p += 3;
          break;
        }
      } else if ((c === 10 || c === 13) && !triple) {
        this.error('unterminatedString', start, [this.source.lineOf(start)]);
      }
      p++;
    }
    this.pos = p;
    this.push(T.STRING, start, p);
  }

  private endsWithNewline(): boolean {
    const c = this.text.charCodeAt(this.end - 1);
    return c === 10 || c === 13;
  }

  private scanNumber(start: number): void {
    const t = this.text;
    let p = start;
    const digitsRun = (pred: (c: number) => boolean, kindId: 'invalidDecimal' | 'invalidHex' | 'invalidOctal' | 'invalidBinary'): void => {
      // One or more digits with single underscores between them.
      if (!pred(t.charCodeAt(p))) this.error(kindId, p);
      p++;
      for (;;) {
        const c = t.charCodeAt(p);
        if (c === 95) {
          if (!pred(t.charCodeAt(p + 1))) this.error(kindId, p);
          p += 2;
        } else if (pred(c)) p++;
        else break;
      }
    };
    const c0 = t.charCodeAt(p);
    const c1 = t.charCodeAt(p + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      p += 2;
      if (t.charCodeAt(p) === 95) p++;
      if (c1 === 120) {
        const isHex = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
        if (!isHex(t.charCodeAt(p))) this.error('invalidHex', p - 1);
        digitsRun(isHex, 'invalidHex');
      } else if (c1 === 111) {
        const isOct = (c: number): boolean => c >= 48 && c <= 55;
        if (isDigit(t.charCodeAt(p)) && !isOct(t.charCodeAt(p))) this.error('invalidDigit', p, [t[p], 'octal']);
        if (!isOct(t.charCodeAt(p))) this.error('invalidOctal', p - 1);
        digitsRun(isOct, 'invalidOctal');
        if (isDigit(t.charCodeAt(p))) this.error('invalidDigit', p, [t[p], 'octal']);
      } else {
        const isBin = (c: number): boolean => c === 48 || c === 49;
        if (isDigit(t.charCodeAt(p)) && !isBin(t.charCodeAt(p))) this.error('invalidDigit', p, [t[p], 'binary']);
        if (!isBin(t.charCodeAt(p))) this.error('invalidBinary', p - 1);
        digitsRun(isBin, 'invalidBinary');
        if (isDigit(t.charCodeAt(p))) this.error('invalidDigit', p, [t[p], 'binary']);
      }
      this.endOfNumber(start, p, c1 === 120 ? 'invalidHex' : c1 === 111 ? 'invalidOctal' : 'invalidBinary');
      return;
    }
    let isFloat = false;
    if (c0 !== 46) {
      digitsRun(isDigit, 'invalidDecimal');
      if (c0 === 48) {
        // "0", "00", "0_0" are fine; other leading zeros only in floats/imaginaries.
        const intText = t.slice(start, p).replace(/_/g, '');
        if (/[1-9]/.test(intText)) {
          const n = t.charCodeAt(p);
          let zerosEnd = start;
          while (t.charCodeAt(zerosEnd) === 48 || t.charCodeAt(zerosEnd) === 95) zerosEnd++;
          if (n !== 46 && (n | 0x20) !== 101 && (n | 0x20) !== 106) this.error('leadingZeros', start, [], { end: zerosEnd });
        }
      }
    }
    if (t.charCodeAt(p) === 46) {
      isFloat = true;
      p++;
      if (isDigit(t.charCodeAt(p))) digitsRun(isDigit, 'invalidDecimal');
    }
    if ((t.charCodeAt(p) | 0x20) === 101) {
      const save = p;
      p++;
      if (t.charCodeAt(p) === 43 || t.charCodeAt(p) === 45) {
        p++;
        if (!isDigit(t.charCodeAt(p))) this.error('invalidDecimal', p - 1);
      }
      if (!isDigit(t.charCodeAt(p))) {
        // "1e" or "1ex": the 'e' starts no exponent; it may start a keyword (`1else`).
        this.endOfNumber(start, save, 'invalidDecimal');
        return;
      }
      digitsRun(isDigit, 'invalidDecimal');
      isFloat = true;
    }
    if ((t.charCodeAt(p) | 0x20) === 106) {
      p++;
      this.endOfNumber(start, p, 'invalidImaginary');
      return;
    }
    void isFloat;
    this.endOfNumber(start, p, 'invalidDecimal');
  }

  /**
   * After a number, an identifier character is an error, except for the keywords CPython
   * still accepts glued to a literal (`1if x else y`) with a warning.
   */
  private endOfNumber(start: number, p: number, errId: 'invalidDecimal' | 'invalidHex' | 'invalidOctal' | 'invalidBinary' | 'invalidImaginary'): void {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (isAsciiIdContinue(c) || (c > 127 && ID_CONTINUE.test(String.fromCodePoint(t.codePointAt(p)!)))) {
      for (const kw of ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']) {
        if (t.startsWith(kw, p) && !isAsciiIdContinue(t.charCodeAt(p + kw.length))) {
          this.pos = p;
          this.push(T.NUMBER, start, p);
          return;
        }
      }
      // CPython's tokenizer reports the column of the offending character as a 1-based
      // offset, so its caret lands on the last character of the number.
      this.error(errId, p - 1);
    }
    this.pos = p;
    this.push(T.NUMBER, start, p);
  }
}
