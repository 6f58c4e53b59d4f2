// Diagnostics as data.
//
// Every error the compiler itself reports is an entry of DIAGNOSTICS: a stable code, the
// Python exception class it surfaces as (CPython reports compile errors as SyntaxError and
// its subclasses), and a message template whose `{0}`, `{1}` ... are filled by `diag()`.
// Messages are CPython 3.11's wording wherever CPython has the same error, so a program
// that fails to compile under edgepyc fails the same way under `python3`. Stages throw a
// CompileError carrying the diagnostic and source offsets; the CLI renders it CPython-style
// (File "x.py", line N / source line / caret / `SyntaxError: message`).

import type { Source } from './frontend/source.js';

export type DiagClass = 'SyntaxError' | 'IndentationError' | 'TabError' | 'EdgepycError';

interface DiagDef {
  readonly code: number;
  readonly cls: DiagClass;
  readonly text: string;
}

export const DIAGNOSTICS = {
  invalidSyntax: { code: 1, cls: 'SyntaxError', text: 'invalid syntax' },
  invalidSyntaxComma: { code: 2, cls: 'SyntaxError', text: 'invalid syntax. Perhaps you forgot a comma?' },
  unexpectedIndent: { code: 3, cls: 'IndentationError', text: 'unexpected indent' },
  expectedIndent: { code: 4, cls: 'IndentationError', text: "expected an indented block after {0} on line {1}" },
  unindentMismatch: { code: 5, cls: 'IndentationError', text: 'unindent does not match any outer indentation level' },
  tabsSpaces: { code: 6, cls: 'TabError', text: 'inconsistent use of tabs and spaces in indentation' },
  unterminatedString: { code: 7, cls: 'SyntaxError', text: 'unterminated string literal (detected at line {0})' },
  unterminatedTriple: { code: 8, cls: 'SyntaxError', text: 'unterminated triple-quoted string literal (detected at line {0})' },
  neverClosed: { code: 9, cls: 'SyntaxError', text: "'{0}' was never closed" },
  unmatched: { code: 10, cls: 'SyntaxError', text: "unmatched '{0}'" },
  mismatchedParen: { code: 11, cls: 'SyntaxError', text: "closing parenthesis '{0}' does not match opening parenthesis '{1}'" },
  mismatchedParenLine: { code: 12, cls: 'SyntaxError', text: "closing parenthesis '{0}' does not match opening parenthesis '{1}' on line {2}" },
  invalidCharacter: { code: 13, cls: 'SyntaxError', text: "invalid character '{0}' (U+{1})" },
  invalidNonPrintable: { code: 14, cls: 'SyntaxError', text: 'invalid non-printable character U+{0}' },
  invalidDecimal: { code: 15, cls: 'SyntaxError', text: 'invalid decimal literal' },
  invalidHex: { code: 16, cls: 'SyntaxError', text: 'invalid hexadecimal literal' },
  invalidOctal: { code: 17, cls: 'SyntaxError', text: 'invalid octal literal' },
  invalidBinary: { code: 18, cls: 'SyntaxError', text: 'invalid binary literal' },
  invalidDigit: { code: 19, cls: 'SyntaxError', text: "invalid digit '{0}' in {1} literal" },
  leadingZeros: {
    code: 20,
    cls: 'SyntaxError',
    text: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
  },
  invalidImaginary: { code: 21, cls: 'SyntaxError', text: 'invalid imaginary literal' },
  lineContinuation: { code: 22, cls: 'SyntaxError', text: 'unexpected character after line continuation character' },
  eofInMultiLine: { code: 23, cls: 'SyntaxError', text: 'unexpected EOF while parsing' },
  expected: { code: 24, cls: 'SyntaxError', text: "expected '{0}'" },
  cannotAssign: { code: 25, cls: 'SyntaxError', text: 'cannot assign to {0}' },
  cannotAssignHere: { code: 26, cls: 'SyntaxError', text: "cannot assign to {0} here. Maybe you meant '==' instead of '='?" },
  cannotDelete: { code: 27, cls: 'SyntaxError', text: 'cannot delete {0}' },
  illegalAugTarget: { code: 28, cls: 'SyntaxError', text: "'{0}' is an illegal expression for augmented assignment" },
  bytesNonAscii: { code: 29, cls: 'SyntaxError', text: 'bytes can only contain ASCII literal characters' },
  unicodeError: { code: 30, cls: 'SyntaxError', text: "(unicode error) 'unicodeescape' codec can't decode bytes in position {0}-{1}: {2}" },
  fstringEmpty: { code: 31, cls: 'SyntaxError', text: 'f-string: empty expression not allowed' },
  fstringSingleBrace: { code: 32, cls: 'SyntaxError', text: "f-string: single '}' is not allowed" },
  fstringExpectingBrace: { code: 33, cls: 'SyntaxError', text: "f-string: expecting '}'" },
  fstringBackslash: { code: 34, cls: 'SyntaxError', text: 'f-string expression part cannot include a backslash' },
  fstringComment: { code: 35, cls: 'SyntaxError', text: "f-string expression part cannot include '#'" },
  fstringUnterminated: { code: 36, cls: 'SyntaxError', text: 'f-string: unterminated string' },
  fstringInvalidConversion: { code: 37, cls: 'SyntaxError', text: "f-string: invalid conversion character: expected 's', 'r', or 'a'" },
  fstringNesting: { code: 38, cls: 'SyntaxError', text: 'f-string: expressions nested too deeply' },
  fstringUnmatched: { code: 39, cls: 'SyntaxError', text: "f-string: unmatched '{0}'" },
  fstringExprRequired: { code: 117, cls: 'SyntaxError', text: "f-string: expression required before '{0}'" },
  outsideFunction: { code: 40, cls: 'SyntaxError', text: "'{0}' outside function" },
  outsideLoop: { code: 41, cls: 'SyntaxError', text: "'{0}' outside loop" },
  continueNotInLoop: { code: 42, cls: 'SyntaxError', text: "'continue' not properly in loop" },
  awaitOutsideAsync: { code: 43, cls: 'SyntaxError', text: "'await' outside async function" },
  awaitOutsideFunction: { code: 44, cls: 'SyntaxError', text: "'await' outside function" },
  yieldInsideAsyncGen: { code: 45, cls: 'SyntaxError', text: "'yield from' inside async function" },
  returnInAsyncGen: { code: 46, cls: 'SyntaxError', text: "'return' with value in async generator" },
  asyncOutsideAsync: { code: 47, cls: 'SyntaxError', text: "{0} outside async function" },
  nonlocalAtModule: { code: 48, cls: 'SyntaxError', text: 'nonlocal declaration not allowed at module level' },
  noBindingNonlocal: { code: 49, cls: 'SyntaxError', text: "no binding for nonlocal '{0}' found" },
  nameUsedBeforeGlobal: { code: 50, cls: 'SyntaxError', text: "name '{0}' is used prior to global declaration" },
  nameAssignedBeforeGlobal: { code: 51, cls: 'SyntaxError', text: "name '{0}' is assigned to before global declaration" },
  nameUsedBeforeNonlocal: { code: 52, cls: 'SyntaxError', text: "name '{0}' is used prior to nonlocal declaration" },
  nameAssignedBeforeNonlocal: { code: 53, cls: 'SyntaxError', text: "name '{0}' is assigned to before nonlocal declaration" },
  paramGlobal: { code: 54, cls: 'SyntaxError', text: "name '{0}' is parameter and global" },
  paramNonlocal: { code: 55, cls: 'SyntaxError', text: "name '{0}' is parameter and nonlocal" },
  nonlocalAndGlobal: { code: 56, cls: 'SyntaxError', text: "name '{0}' is nonlocal and global" },
  duplicateArgument: { code: 57, cls: 'SyntaxError', text: "duplicate argument '{0}' in function definition" },
  nonDefaultAfterDefault: { code: 58, cls: 'SyntaxError', text: 'non-default argument follows default argument' },
  positionalAfterKeyword: { code: 59, cls: 'SyntaxError', text: 'positional argument follows keyword argument' },
  positionalAfterKwUnpack: { code: 60, cls: 'SyntaxError', text: 'positional argument follows keyword argument unpacking' },
  iterableUnpackAfterKwUnpack: { code: 61, cls: 'SyntaxError', text: 'iterable argument unpacking follows keyword argument unpacking' },
  keywordRepeated: { code: 62, cls: 'SyntaxError', text: 'keyword argument repeated: {0}' },
  starredAssignTarget: { code: 63, cls: 'SyntaxError', text: 'starred assignment target must be in a list or tuple' },
  multipleStarred: { code: 64, cls: 'SyntaxError', text: 'multiple starred expressions in assignment' },
  cantUseStarred: { code: 65, cls: 'SyntaxError', text: "can't use starred expression here" },
  namedArgsAfterStar: { code: 66, cls: 'SyntaxError', text: 'named arguments must follow bare *' },
  starArgNeedsName: { code: 67, cls: 'SyntaxError', text: 'bare * has associated type comment' },
  importStarInFunction: { code: 68, cls: 'SyntaxError', text: 'import * only allowed at module level' },
  futureFeature: { code: 69, cls: 'SyntaxError', text: 'future feature {0} is not defined' },
  futureLate: { code: 70, cls: 'SyntaxError', text: 'from __future__ imports must occur at the beginning of the file' },
  defaultExceptNotLast: { code: 71, cls: 'SyntaxError', text: "default 'except:' must be last" },
  tooManyStarred: { code: 72, cls: 'SyntaxError', text: 'too many expressions in star-unpacking assignment' },
  multipleStarredPattern: { code: 73, cls: 'SyntaxError', text: 'multiple starred names in sequence pattern' },
  irrefutablePattern: { code: 74, cls: 'SyntaxError', text: '{0} makes remaining patterns unreachable' },
  patternBindTwice: { code: 75, cls: 'SyntaxError', text: "multiple assignments to name '{0}' in pattern" },
  orPatternNames: { code: 76, cls: 'SyntaxError', text: 'alternative patterns bind different names' },
  mappingKeyDup: { code: 77, cls: 'SyntaxError', text: 'mapping pattern checks duplicate key ({0})' },
  patternKeyword: { code: 78, cls: 'SyntaxError', text: 'attribute name repeated in class pattern: {0}' },
  wildcardCapture: { code: 79, cls: 'SyntaxError', text: "cannot use '_' as a target" },
  exceptStarMixed: { code: 80, cls: 'SyntaxError', text: "cannot have both 'except' and 'except*' on the same 'try'" },
  exceptStarBreak: { code: 81, cls: 'SyntaxError', text: "'{0}' cannot appear in an except* block" },
  exceptStarBare: { code: 82, cls: 'SyntaxError', text: 'expected one or more exception types' },
  assignToKeyword: { code: 83, cls: 'SyntaxError', text: 'cannot assign to {0}' },
  starredNotAllowed: { code: 84, cls: 'SyntaxError', text: 'cannot use starred expression here' },
  dictUnpackInComp: { code: 85, cls: 'SyntaxError', text: 'dict unpacking cannot be used in dict comprehension' },
  iterableUnpackInComp: { code: 86, cls: 'SyntaxError', text: 'iterable unpacking cannot be used in comprehension' },
  walrusIterable: { code: 87, cls: 'SyntaxError', text: 'assignment expression cannot be used in a comprehension iterable expression' },
  walrusRebind: { code: 88, cls: 'SyntaxError', text: "assignment expression cannot rebind comprehension iteration variable '{0}'" },
  walrusInClassComp: { code: 89, cls: 'SyntaxError', text: 'assignment expression within a comprehension cannot be used in a class body' },
  generatorNeedsParens: { code: 90, cls: 'SyntaxError', text: 'Generator expression must be parenthesized' },
  lambdaDefaultAfter: { code: 91, cls: 'SyntaxError', text: 'non-default argument follows default argument' },
  tooManyNested: { code: 92, cls: 'SyntaxError', text: 'too many statically nested blocks' },
  invalidStringPrefix: { code: 93, cls: 'SyntaxError', text: 'invalid string prefix' },
  eofInString: { code: 94, cls: 'SyntaxError', text: 'EOF while scanning triple-quoted string literal' },
  missingParensPrint: {
    code: 95,
    cls: 'SyntaxError',
    text: "Missing parentheses in call to '{0}'. Did you mean {0}(...)?",
  },
  starredInSubscript: { code: 96, cls: 'SyntaxError', text: 'invalid syntax' },
  returnOutsideFunction: { code: 97, cls: 'SyntaxError', text: "'return' outside function" },
  yieldOutsideFunction: { code: 98, cls: 'SyntaxError', text: "'yield' outside function" },
  asyncComprehensionOutside: { code: 99, cls: 'SyntaxError', text: 'asynchronous comprehension outside of an asynchronous function' },
  expectedExcept: { code: 100, cls: 'SyntaxError', text: "expected 'except' or 'finally' block" },
  tooDeep: { code: 101, cls: 'SyntaxError', text: 'too many nested parentheses' },
  keywordArgExpr: { code: 102, cls: 'SyntaxError', text: 'expression cannot contain assignment, perhaps you meant "=="?' },
  globalAtModuleAnnotated: { code: 103, cls: 'SyntaxError', text: "annotated name '{0}' can't be global" },
  annotatedNonlocal: { code: 104, cls: 'SyntaxError', text: "annotated name '{0}' can't be nonlocal" },
  onlySingleTargetAnnotated: { code: 105, cls: 'SyntaxError', text: 'only single target (not {0}) can be annotated' },
  invalidTarget: { code: 106, cls: 'SyntaxError', text: 'invalid syntax' },
  nonAsciiBytes: { code: 107, cls: 'SyntaxError', text: 'bytes can only contain ASCII literal characters' },
  mixBytes: { code: 108, cls: 'SyntaxError', text: 'cannot mix bytes and nonbytes literals' },
  expectedColon: { code: 109, cls: 'SyntaxError', text: "expected ':'" },
  expectedElse: { code: 110, cls: 'SyntaxError', text: "expected 'else' after 'if' expression" },
  walrusTarget: { code: 111, cls: 'SyntaxError', text: 'cannot use assignment expressions with {0}' },
  illegalAnnotationTarget: { code: 112, cls: 'SyntaxError', text: 'illegal target for annotation' },
  assignToYield: { code: 116, cls: 'SyntaxError', text: 'assignment to yield expression not possible' },
  dictKeyColon: { code: 113, cls: 'SyntaxError', text: "':' expected after dictionary key" },
  dictValueMissing: { code: 114, cls: 'SyntaxError', text: "expression expected after dictionary key and ':'" },
  doubleStarHere: { code: 115, cls: 'SyntaxError', text: 'cannot use double starred expression here' },
  unsupportedNative: { code: 200, cls: 'EdgepycError', text: "native backend does not support {0} yet" },
} as const satisfies Record<string, DiagDef>;

export type DiagId = keyof typeof DIAGNOSTICS;

export interface Diagnostic {
  readonly id: DiagId;
  readonly cls: DiagClass;
  readonly message: string;
  /** Offset in the source where the error is reported (the caret). */
  readonly offset: number;
  /** Optional end offset: carets span [offset, end). */
  readonly end?: number;
  /** Line override for errors CPython reports at a line rather than a token. */
  readonly line?: number;
  /**
   * CPython's 1-based `offset` when it is not the column of `offset`: 0 for errors it
   * places at no column (a missing block at the end of the file), or a count of UTF-8
   * bytes where its tokenizer reports one.
   */
  readonly pyOffset?: number;
  /**
   * Raised by the tokenizer itself (tokenizer.c's syntaxerror): its columns count code
   * points. The parser's errors (pegen_errors.c) count UTF-8 bytes when the program is
   * read from a file, which is what `python3 app.py` shows for non-ASCII lines.
   */
  readonly tokenizer?: boolean;
}

export function formatDiag(id: DiagId, args: readonly (string | number)[]): string {
  return DIAGNOSTICS[id].text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** An error found while compiling; carries a Python-level diagnostic, never a JS bug. */
export class CompileError extends Error {
  readonly diag: Diagnostic;
  readonly source: Source;
  constructor(source: Source, diag: Diagnostic) {
    super(diag.message);
    this.diag = diag;
    this.source = source;
  }
}

export function compileError(
  source: Source,
  id: DiagId,
  offset: number,
  args: readonly (string | number)[] = [],
  extra: { end?: number; line?: number; pyOffset?: number; tokenizer?: boolean } = {},
): CompileError {
  return new CompileError(source, {
    id,
    cls: DIAGNOSTICS[id].cls,
    message: formatDiag(id, args),
    offset,
    end: extra.end,
    line: extra.line,
    pyOffset: extra.pyOffset,
    tokenizer: extra.tokenizer,
  });
}

/**
 * The attributes CPython gives the SyntaxError of a compile error: `lineno`, 1-based
 * `offset` and `end_offset` counted in code points, and `text`, the whole offending line
 * with its newline. Offsets before the line's first non-blank character are kept: CPython
 * reports an unexpected indent at the column where the indentation ends, and its printer
 * then shows no caret. An error without an end range, or one of SyntaxError's subclasses,
 * has `end_offset` -1 for the printer (pythonrun.c parse_syntax_error).
 */
export interface SyntaxErrorInfo {
  readonly cls: Exclude<DiagClass, 'EdgepycError'>;
  readonly msg: string;
  readonly filename: string;
  readonly lineno: number;
  readonly offset: number;
  readonly endLineno: number;
  readonly endOffset: number;
  readonly text: string;
}

export function syntaxErrorInfo(err: CompileError, filename = err.source.filename, fromFile = true): SyntaxErrorInfo {
  const { source, diag } = err;
  const bytes = fromFile && diag.tokenizer !== true;
  /** 0-based column of `offset` on its line, in code points or (`bytes`) UTF-8 bytes. */
  const col = (offset: number): number => {
    const c = source.colOf(offset);
    if (!bytes) return c;
    const start = source.lineStarts[source.lineOf(offset) - 1];
    return Buffer.byteLength(source.text.slice(start, start + c), 'utf8');
  };
  const lineLen = (line: number): number => (bytes ? Buffer.byteLength(source.lineText(line), 'utf8') : source.lineText(line).length);
  const at = Math.min(diag.offset, source.text.length);
  const lineno = diag.line ?? source.lineOf(at);
  const lineText = source.lineText(lineno);
  const text = lineno <= source.lineCount ? `${lineText}\n` : '';
  const offset = diag.pyOffset ?? (source.lineOf(at) === lineno ? col(at) + 1 : lineLen(lineno) + 1);
  let endLineno = lineno;
  let endOffset = offset;
  if (diag.end !== undefined && diag.end > diag.offset) {
    const end = Math.min(diag.end, source.text.length);
    endLineno = source.lineOf(Math.max(at, end - 1));
    endOffset = source.lineOf(end) === endLineno ? col(end) + 1 : lineLen(endLineno) + 1;
  }
  const cls = diag.cls === 'EdgepycError' ? 'SyntaxError' : diag.cls;
  return { cls, msg: diag.message, filename, lineno, offset, endLineno, endOffset, text };
}

/**
 * pythonrun.c's print_error_text: the offending line without its indentation and, unless
 * the offset points into that indentation, a caret line. `endOffset` <= `offset` (or -1)
 * means one caret. Returns the printed lines without newlines.
 */
export function printErrorText(text: string, offset: number, endOffset: number): string[] {
  const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  // The C code walks the UTF-8 bytes of the text with a code-point offset, so on lines
  // with non-ASCII characters its caret lands where a byte count puts it: do the same.
  let t = Buffer.from(text, 'utf8');
  let off = offset - 1;
  let i = 0;
  while (i < t.length && (t[i] === 0x20 || t[i] === 0x09 || t[i] === 0x0c)) {
    i++;
    off--;
  }
  t = t.subarray(i);
  let len = t.length - (t[t.length - 1] === 0x0a ? 1 : 0);
  if (off > len) off = len;
  // Skip past newlines embedded in the text, up to the one the offset is on.
  for (;;) {
    const nl = t.indexOf(0x0a);
    if (nl < 0 || nl >= off) break;
    t = t.subarray(nl + 1);
    len -= nl + 1;
    off -= nl + 1;
  }
  const shown = t.toString('utf8');
  const out = [`    ${shown.endsWith('\n') ? shown.slice(0, -1) : shown}`];
  if (off < 0) return out;
  out.push(`    ${' '.repeat(off)}${'^'.repeat(carets)}`);
  return out;
}

/**
 * The location lines pythonrun.c's print_exception writes for a SyntaxError (before its
 * `Type: message` line): `  File "x.py", line N`, then the text and caret. Only plain
 * SyntaxError uses its end position; a range over several lines runs to the end of the
 * first, and carets never run past the text.
 */
export function syntaxErrorLocationLines(
  cls: string,
  filename: string,
  lineno: number,
  offset: number,
  endLineno: number,
  endOffset: number,
  text: string | null,
): string[] {
  const out = [`  File "${filename}", line ${lineno}`];
  if (text === null) return out;
  let end = cls === 'SyntaxError' ? endOffset : -1;
  const size = Buffer.byteLength(text, 'utf8');
  if (cls === 'SyntaxError' && endLineno > lineno) end = size;
  if (end > size + 1) end = size + 1;
  out.push(...printErrorText(text, offset, end));
  return out;
}

/**
 * Render a compile error the way CPython prints an uncaught SyntaxError:
 *
 *   File "app.py", line 3
 *     x = (1,
 *         ^
 *   SyntaxError: '(' was never closed
 */
export function renderCompileError(err: CompileError, displayName = err.source.filename): string {
  const { source, diag } = err;
  if (diag.cls === 'EdgepycError') {
    const line = diag.line ?? source.lineOf(Math.min(diag.offset, source.text.length));
    return `edgepyc: ${displayName}:${line}:${source.colOf(diag.offset) + 1}: ${diag.message}\n`;
  }
  const e = syntaxErrorInfo(err, displayName);
  const lines = syntaxErrorLocationLines(e.cls, e.filename, e.lineno, e.offset, e.endLineno, e.endOffset, e.text === '' ? null : e.text);
  return `${lines.join('\n')}\n${e.cls}: ${e.msg}\n`;
}
