// Parser, part 1: token access and expressions.
//
// Second stage of the pipeline (lexer -> parser -> symtable -> compiler). Expressions are
// parsed by precedence climbing (Pratt) over the lexer's offset tokens, following the
// Python 3.11 grammar (reference chapter 6 and Grammar/python.gram). The statement parser
// in parser.ts extends this class. Nodes record source offsets only. f-strings are split
// here and their expression parts parsed by a nested parser over the same Source, so the
// offsets of nested nodes are real offsets into the file.
//
// Error reporting follows CPython: the generic message is "invalid syntax" at the first
// token that cannot continue a parse; the specialised messages CPython gives for common
// mistakes (assignment to a call, missing comma in a display, unclosed brackets, ...) are
// produced where the parser can see them.

import { CompileError, compileError, type DiagId } from '../diagnostics.js';
import type * as A from './ast.js';
import { Lexer } from './lexer.js';
import { Source } from './source.js';
import { checkBytesSource, decodeEscapes, literalInfo, rawBody } from './strlit.js';
import { T, type TokKind } from './tokens.js';

const COMPARE_OPS = new Map<number, A.CmpOpKind>([
  [T.LESS, '<'], [T.GREATER, '>'], [T.EQEQ, '=='], [T.GREATEREQ, '>='], [T.LESSEQ, '<='], [T.NOTEQ, '!='],
]);

/** Binary operator precedence for the Pratt loop: | ^ & << >> + - * / // % @. */
const BINARY: ReadonlyMap<number, readonly [number, A.BinOpKind]> = new Map<number, readonly [number, A.BinOpKind]>([
  [T.VBAR, [1, '|']], [T.CIRCUMFLEX, [2, '^']], [T.AMPER, [3, '&']],
  [T.LSHIFT, [4, '<<']], [T.RSHIFT, [4, '>>']],
  [T.PLUS, [5, '+']], [T.MINUS, [5, '-']],
  [T.STAR, [6, '*']], [T.SLASH, [6, '/']], [T.DSLASH, [6, '//']], [T.PERCENT, [6, '%']], [T.AT, [6, '@']],
]);

export const AUG_OPS: ReadonlyMap<number, A.BinOpKind> = new Map<number, A.BinOpKind>([
  [T.PLUSEQ, '+'], [T.MINUSEQ, '-'], [T.STAREQ, '*'], [T.SLASHEQ, '/'], [T.DSLASHEQ, '//'],
  [T.PERCENTEQ, '%'], [T.ATEQ, '@'], [T.AMPEREQ, '&'], [T.VBAREQ, '|'], [T.CIRCUMFLEXEQ, '^'],
  [T.RSHIFTEQ, '>>'], [T.LSHIFTEQ, '<<'], [T.DSTAREQ, '**'],
]);

/** A syntax error inside an f-string replacement field, located in CPython's `(expr)` text. */
export class FStringFieldError extends CompileError {}

/** Errors of decoding string literals (escapes, f-string structure), not of parsing. */
const STRING_DECODE_ERRORS: ReadonlySet<DiagId> = new Set<DiagId>([
  'unicodeError', 'fstringEmpty', 'fstringSingleBrace', 'fstringExpectingBrace', 'fstringBackslash', 'fstringComment',
  'fstringUnterminated', 'fstringInvalidConversion', 'fstringNesting', 'fstringUnmatched', 'fstringExprRequired',
]);

/** Python 3.11's soft keywords (Grammar/python.gram: SOFT_KEYWORD). */
const SOFT_KEYWORDS: ReadonlySet<string> = new Set(['_', 'case', 'match']);

/** Tokens that can begin an expression (used for "Perhaps you forgot a comma?"). */
function startsExpression(k: number): boolean {
  return (
    k === T.NAME || k === T.NUMBER || k === T.STRING || k === T.LPAR || k === T.LSQB || k === T.LBRACE ||
    k === T.MINUS || k === T.PLUS || k === T.TILDE || k === T.KW_NONE || k === T.KW_TRUE ||
    k === T.KW_FALSE || k === T.ELLIPSIS || k === T.KW_LAMBDA || k === T.KW_NOT || k === T.KW_AWAIT
  );
}

/** CPython's names for expression kinds in "cannot assign to X" messages. */
export function exprName(e: A.Expr): string {
  switch (e.t) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant':
      switch (e.value.k) {
        case 'none': return 'None';
        case 'bool': return e.value.v ? 'True' : 'False';
        case 'ellipsis': return 'ellipsis';
        default: return 'literal';
      }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
  }
}

export class ExprParser {
  readonly source: Source;
  readonly lx: Lexer;
  /** Index of the current token. */
  i = 0;
  /** Nesting depth of f-string format specs (CPython allows fields inside two levels). */
  protected fstringDepth = 0;
  /** Set while parsing speculatively for an error message (CPython's *_without_invalid rules). */
  protected noInvalid = false;
  /** Bracket depth the tokens start at: 1 in an f-string field, which CPython parses as `(expr)`. */
  protected baseLevel = 0;

  constructor(source: Source, lexer?: Lexer) {
    this.source = source;
    this.lx = lexer ?? new Lexer(source);
  }

  // ---- token access -------------------------------------------------------------------

  protected k(): TokKind {
    return this.lx.kind(this.i);
  }
  protected kAt(n: number): TokKind {
    return this.lx.kind(this.i + n);
  }
  protected pos(): number {
    return this.lx.start(this.i);
  }
  /** End offset of the previous token (the end of what has been parsed). */
  protected prevEnd(): number {
    return this.i > 0 ? this.lx.endOf(this.i - 1) : 0;
  }
  protected tokText(): string {
    return this.lx.text_(this.i);
  }
  protected isName(text: string): boolean {
    return this.k() === T.NAME && this.lx.endOf(this.i) - this.lx.start(this.i) === text.length && this.tokText() === text;
  }
  protected eat(kind: TokKind): boolean {
    if (this.k() === kind) {
      this.i++;
      return true;
    }
    return false;
  }
  protected expect(kind: TokKind, what?: string): void {
    if (this.k() !== kind) {
      if (what !== undefined) this.fail('expected', this.prevEnd(), [what]);
      this.failHere();
    }
    this.i++;
  }
  protected fail(id: DiagId, offset: number, args: (string | number)[] = [], extra: { end?: number; line?: number; pyOffset?: number } = {}): never {
    throw compileError(this.source, id, offset, args, extra);
  }
  /** "invalid syntax" at the current token (CPython's generic parse error). */
  protected failHere(): never {
    const k = this.k();
    if (k === T.INDENT) this.fail('unexpectedIndent', this.lx.endOf(this.i) - 1);
    if (k === T.ENDMARKER || k === T.NEWLINE) {
      const open = this.lx.openBrackets;
      if (open.length > 0) this.fail('neverClosed', open[open.length - 1].offset, [open[open.length - 1].ch]);
    }
    this.fail('invalidSyntax', this.pos(), [], { end: this.lx.endOf(this.i) });
  }
  protected name(): string {
    if (this.k() !== T.NAME) this.failHere();
    const s = this.tokText();
    this.i++;
    return normalizeName(s);
  }

  // ---- expressions --------------------------------------------------------------------

  /** expression: disjunction ['if' disjunction 'else' expression] | lambdef */
  parseExpr(): A.Expr {
    if (this.k() === T.KW_LAMBDA) return this.parseLambda();
    const s = this.pos();
    const first = this.i;
    const body = this.parseOr();
    if (this.k() === T.KW_IF) {
      this.i++;
      const test = this.parseOr();
      if (this.k() !== T.KW_ELSE) this.fail('expectedElse', s, [], { end: this.prevEnd() });
      this.i++;
      const orelse = this.parseExpr();
      return { t: 'IfExp', test, body, orelse, s, e: this.prevEnd() };
    }
    if (!this.noInvalid && this.canStartExpr()) this.checkMissingComma(body, first);
    return body;
  }

  /**
   * CPython's invalid_expression rule: inside brackets, a disjunction followed by a whole
   * expression is "invalid syntax. Perhaps you forgot a comma?" spanning both; not when
   * the first token is a soft keyword or a NAME glued to a STRING (a bad string prefix),
   * and not after `print`/`exec` (their own message comes from the statement).
   */
  private checkMissingComma(a: A.Expr, first: number): void {
    const k0 = this.lx.kind(first);
    if (k0 === T.NAME && (this.lx.kind(first + 1) === T.STRING || SOFT_KEYWORDS.has(this.lx.text_(first)))) return;
    if (a.t === 'Name' && (a.id === 'print' || a.id === 'exec')) return;
    const save = this.i;
    let b: A.Expr | null = null;
    this.noInvalid = true;
    try {
      b = this.parseExpr();
    } catch (e) {
      if (!(e instanceof CompileError) || this.lx.hasFailed) throw e;
      // The PEG parser backtracks to the longest prefix that is an expression; at least
      // an atom (`f .0(,` or `[r s + for`) counts.
      this.i = save;
      try {
        b = this.parseAtom();
      } catch (e2) {
        if (!(e2 instanceof CompileError) || this.lx.hasFailed) throw e2;
      }
    } finally {
      this.noInvalid = false;
    }
    const bLevel = this.lx.level(this.i - 1);
    this.i = save;
    if (b !== null && bLevel + this.baseLevel > 0) this.fail('invalidSyntaxComma', a.s, [], { end: b.e });
  }

  /** named_expression: NAME ':=' expression | expression !':=' */
  parseNamedExpr(): A.Expr {
    if (this.k() === T.NAME && this.kAt(1) === T.COLONEQUAL) {
      const s = this.pos();
      const id = this.name();
      this.i++;
      const value = this.parseExpr();
      return { t: 'NamedExpr', target: { t: 'Name', id, ctx: 'store', s, e: s + id.length }, value, s, e: this.prevEnd() };
    }
    const e = this.parseExpr();
    if (this.k() === T.COLONEQUAL) {
      this.fail('walrusTarget', e.s, [exprName(e)], { end: e.e });
    }
    return e;
  }

  /** star_named_expression: '*' bitwise_or | named_expression */
  parseStarNamed(): A.Expr {
    if (this.k() === T.STAR) {
      const s = this.pos();
      this.i++;
      const value = this.parseBitOr();
      return { t: 'Starred', value, ctx: 'load', s, e: this.prevEnd() };
    }
    return this.parseNamedExpr();
  }

  /** star_expression: '*' bitwise_or | expression */
  parseStarExpr(): A.Expr {
    if (this.k() === T.STAR) {
      const s = this.pos();
      this.i++;
      const value = this.parseBitOr();
      return { t: 'Starred', value, ctx: 'load', s, e: this.prevEnd() };
    }
    return this.parseExpr();
  }

  /** star_expressions: comma-separated star_expression, a Tuple when there is a comma. */
  parseStarExprs(named = false): A.Expr {
    const s = this.pos();
    const first = named ? this.parseStarNamed() : this.parseStarExpr();
    if (this.k() !== T.COMMA) return first;
    const elts = [first];
    while (this.eat(T.COMMA)) {
      if (!this.canStartExpr()) break;
      elts.push(named ? this.parseStarNamed() : this.parseStarExpr());
    }
    return { t: 'Tuple', elts, ctx: 'load', s, e: this.prevEnd(), parens: false };
  }

  protected canStartExpr(): boolean {
    const k = this.k();
    return startsExpression(k) || k === T.STAR || k === T.KW_YIELD;
  }

  parseOr(): A.Expr {
    const s = this.pos();
    const first = this.parseAnd();
    if (this.k() !== T.KW_OR) return first;
    const values = [first];
    while (this.eat(T.KW_OR)) values.push(this.parseAnd());
    return { t: 'BoolOp', op: 'or', values, s, e: this.prevEnd() };
  }

  parseAnd(): A.Expr {
    const s = this.pos();
    const first = this.parseNot();
    if (this.k() !== T.KW_AND) return first;
    const values = [first];
    while (this.eat(T.KW_AND)) values.push(this.parseNot());
    return { t: 'BoolOp', op: 'and', values, s, e: this.prevEnd() };
  }

  parseNot(): A.Expr {
    if (this.k() === T.KW_NOT) {
      const s = this.pos();
      this.i++;
      const operand = this.parseNot();
      return { t: 'UnaryOp', op: 'not', operand, s, e: this.prevEnd() };
    }
    return this.parseComparison();
  }

  parseComparison(): A.Expr {
    const s = this.pos();
    const left = this.parseBitOr();
    const ops: A.CmpOpKind[] = [];
    const comparators: A.Expr[] = [];
    for (;;) {
      const k = this.k();
      let op: A.CmpOpKind | undefined = COMPARE_OPS.get(k);
      if (op !== undefined) this.i++;
      else if (k === T.KW_IN) {
        this.i++;
        op = 'in';
      } else if (k === T.KW_NOT && this.kAt(1) === T.KW_IN) {
        this.i += 2;
        op = 'not in';
      } else if (k === T.KW_IS) {
        this.i++;
        op = this.eat(T.KW_NOT) ? 'is not' : 'is';
      } else break;
      ops.push(op);
      comparators.push(this.parseBitOr());
    }
    if (ops.length === 0) return left;
    return { t: 'Compare', left, ops, comparators, s, e: this.prevEnd() };
  }

  parseBitOr(): A.Expr {
    return this.parseBinary(1);
  }

  /** Precedence climbing over the binary operators between comparison and unary. */
  private parseBinary(minPrec: number): A.Expr {
    // Nodes span their tokens, parentheses of the operands included (as CPython's).
    const s = this.pos();
    let left = this.parseUnary();
    for (;;) {
      const info = BINARY.get(this.k());
      if (info === undefined || info[0] < minPrec) return left;
      const opPos = this.pos();
      this.i++;
      const right = this.parseBinaryAbove(info[0]);
      left = { t: 'BinOp', op: info[1], left, right, s, e: this.prevEnd(), opPos };
    }
  }

  private parseBinaryAbove(prec: number): A.Expr {
    const s = this.pos();
    let left = this.parseUnary();
    for (;;) {
      const info = BINARY.get(this.k());
      if (info === undefined || info[0] <= prec) return left;
      const opPos = this.pos();
      this.i++;
      const right = this.parseBinaryAbove(info[0]);
      left = { t: 'BinOp', op: info[1], left, right, s, e: this.prevEnd(), opPos };
    }
  }

  parseUnary(): A.Expr {
    const k = this.k();
    if (k === T.MINUS || k === T.PLUS || k === T.TILDE) {
      const s = this.pos();
      this.i++;
      const operand = this.parseUnary();
      return { t: 'UnaryOp', op: k === T.MINUS ? '-' : k === T.PLUS ? '+' : '~', operand, s, e: this.prevEnd() };
    }
    return this.parsePower();
  }

  /** power: await_primary ['**' factor] (right-associative; binds tighter than unary on its left). */
  parsePower(): A.Expr {
    const s = this.pos();
    const left = this.parseAwait();
    if (this.k() === T.DSTAR) {
      const opPos = this.pos();
      this.i++;
      const right = this.parseUnary();
      return { t: 'BinOp', op: '**', left, right, s, e: this.prevEnd(), opPos };
    }
    return left;
  }

  parseAwait(): A.Expr {
    if (this.k() === T.KW_AWAIT) {
      const s = this.pos();
      this.i++;
      const value = this.parsePrimary();
      return { t: 'Await', value, s, e: this.prevEnd() };
    }
    return this.parsePrimary();
  }

  parsePrimary(): A.Expr {
    const s = this.pos();
    let e = this.parseAtom();
    for (;;) {
      const k = this.k();
      if (k === T.DOT) {
        this.i++;
        const attrPos = this.pos();
        const attr = this.name();
        e = { t: 'Attribute', value: e, attr, ctx: 'load', s, e: this.prevEnd(), attrPos };
      } else if (k === T.LPAR) {
        e = this.parseCall(e, s);
      } else if (k === T.LSQB) {
        this.i++;
        const slice = this.parseSlices();
        this.expectClose(T.RSQB, ']');
        e = { t: 'Subscript', value: e, slice, ctx: 'load', s, e: this.prevEnd() };
      } else return e;
    }
  }

  /** Expect a closing bracket; a token that could start an expression means a missing comma. */
  protected expectClose(kind: TokKind, _ch: string, _itemStart?: number): void {
    if (this.k() === kind) {
      this.i++;
      return;
    }
    // A missing comma between items was reported by parseExpr (checkMissingComma).
    this.failHere();
  }

  private parseSlices(): A.Expr {
    const s = this.pos();
    const first = this.parseSlice();
    if (this.k() !== T.COMMA) return first;
    const elts = [first];
    while (this.eat(T.COMMA)) {
      if (this.k() === T.RSQB) break;
      elts.push(this.parseSlice());
    }
    return { t: 'Tuple', elts, ctx: 'load', s, e: this.prevEnd(), parens: false };
  }

  private parseSlice(): A.Expr {
    const s = this.pos();
    let lower: A.Expr | null = null;
    if (this.k() === T.STAR) return this.parseStarExpr();
    if (this.k() !== T.COLON) {
      lower = this.parseNamedExpr();
      if (this.k() !== T.COLON) return lower;
    }
    this.i++;
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (this.k() !== T.COLON && this.k() !== T.COMMA && this.k() !== T.RSQB) upper = this.parseExpr();
    if (this.eat(T.COLON)) {
      if (this.k() !== T.COMMA && this.k() !== T.RSQB) step = this.parseExpr();
    }
    return { t: 'Slice', lower, upper, step, s, e: this.prevEnd() };
  }

  protected parseCall(func: A.Expr, start: number = func.s): A.Call {
    this.i++; // (
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawKwUnpack = false;
    let positionalLate: 'positionalAfterKeyword' | 'positionalAfterKwUnpack' | null = null;
    while (this.k() !== T.RPAR) {
      const s = this.pos();
      if (this.k() === T.STAR) {
        this.i++;
        const value = this.parseExpr();
        if (sawKwUnpack) this.fail('iterableUnpackAfterKwUnpack', s, [], { end: s + 1 });
        args.push({ t: 'Starred', value, ctx: 'load', s, e: this.prevEnd() });
      } else if (this.k() === T.DSTAR) {
        this.i++;
        const value = this.parseExpr();
        keywords.push({ arg: null, value, s, e: this.prevEnd() });
        sawKwUnpack = true;
      } else if (this.k() === T.NAME && this.kAt(1) === T.EQUAL) {
        const arg = this.name();
        this.i++;
        const value = this.parseExpr();
        keywords.push({ arg, value, s, e: this.prevEnd() });
        sawKeyword = true;
      } else {
        const value = this.parseNamedExpr();
        if (this.k() === T.EQUAL) {
          // f(a.b=1) / f(x+1=2)
          if (value.t === 'Constant' || value.t === 'Name') this.failHere();
          this.fail('keywordArgExpr', value.s, [], { end: this.lx.endOf(this.i) });
        }
        if (this.k() === T.KW_FOR || this.k() === T.KW_ASYNC) {
          const gen = this.parseComprehensionTail(value, 'GeneratorExp', s);
          // invalid_arguments: an unparenthesized generator expression must be the only
          // argument, without even a trailing comma (`f(x for x in y,)` is an error).
          if (args.length > 0 || keywords.length > 0 || this.k() === T.COMMA) this.fail('generatorNeedsParens', gen.s, [], { end: gen.e });
          args.push(gen);
        } else {
          // Reported once the arguments are read, at the token after them: CPython's
          // `args ',' args` alternative raises at the last token it fetched.
          if (positionalLate === null && (sawKwUnpack || sawKeyword)) positionalLate = sawKwUnpack ? 'positionalAfterKwUnpack' : 'positionalAfterKeyword';
          args.push(value);
        }
      }
      if (!this.eat(T.COMMA)) {
        if (positionalLate !== null) this.fail(positionalLate, this.pos(), [], { end: this.lx.endOf(this.i) });
        this.expectClose(T.RPAR, ')', s);
        return { t: 'Call', func, args, keywords, s: start, e: this.prevEnd() };
      }
    }
    if (positionalLate !== null) this.fail(positionalLate, this.pos(), [], { end: this.lx.endOf(this.i) });
    this.i++;
    return { t: 'Call', func, args, keywords, s: start, e: this.prevEnd() };
  }

  parseAtom(): A.Expr {
    const s = this.pos();
    const k = this.k();
    switch (k) {
      case T.NAME: {
        const id = this.name();
        return { t: 'Name', id, ctx: 'load', s, e: this.prevEnd() };
      }
      case T.NUMBER:
        this.i++;
        return { t: 'Constant', value: this.parseNumber(s, this.prevEnd()), s, e: this.prevEnd() };
      case T.STRING:
        return this.parseStrings();
      case T.KW_NONE:
        this.i++;
        return { t: 'Constant', value: { k: 'none' }, s, e: this.prevEnd() };
      case T.KW_TRUE:
        this.i++;
        return { t: 'Constant', value: { k: 'bool', v: true }, s, e: this.prevEnd() };
      case T.KW_FALSE:
        this.i++;
        return { t: 'Constant', value: { k: 'bool', v: false }, s, e: this.prevEnd() };
      case T.ELLIPSIS:
        this.i++;
        return { t: 'Constant', value: { k: 'ellipsis' }, s, e: this.prevEnd() };
      case T.LPAR:
        return this.parseParen();
      case T.LSQB:
        return this.parseListDisplay();
      case T.LBRACE:
        return this.parseBraceDisplay();
      case T.KW_LAMBDA:
        return this.parseLambda();
      default:
        this.failHere();
    }
  }

  private parseNumber(s: number, e: number): A.ConstValue {
    const raw = this.source.text.slice(s, e).replace(/_/g, '');
    const last = raw.charCodeAt(raw.length - 1) | 0x20;
    if (last === 106) return { k: 'complex', re: 0, im: Number(raw.slice(0, -1)) };
    const c1 = raw.charCodeAt(1) | 0x20;
    if (raw[0] === '0' && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const b = BigInt(raw);
      return { k: 'int', v: b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b };
    }
    if (/[.eE]/.test(raw)) return { k: 'float', v: Number(raw) };
    if (raw.length < 16) return { k: 'int', v: Number(raw) };
    const b = BigInt(raw);
    return { k: 'int', v: b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b };
  }

  /** Adjacent string literals concatenate; any f-string part makes the result a JoinedStr. */
  private parseStrings(): A.Expr {
    const s = this.pos();
    const parts: A.Expr[] = [];
    let isBytes: boolean | null = null;
    let anyF = false;
    let bytesAcc: number[] = [];
    let strAcc = '';
    let strAccStart = s;
    const flush = (end: number): void => {
      if (strAcc !== '') parts.push({ t: 'Constant', value: { k: 'str', v: strAcc }, s: strAccStart, e: end });
      strAcc = '';
    };
    try {
      while (this.k() === T.STRING) {
        const ts = this.pos();
        const te = this.lx.endOf(this.i);
        const info = literalInfo(this.source.text, ts, te);
        if (isBytes === null) isBytes = info.bytes;
        else if (isBytes !== info.bytes) this.fail('mixBytes', s, [], { end: te });
        if (info.bytes) {
          checkBytesSource(this.source, info.bodyStart, info.bodyEnd, ts, te);
          const body = info.raw ? rawBody(this.source, info.bodyStart, info.bodyEnd) : decodeEscapes(this.source, info.bodyStart, info.bodyEnd, true, ts);
          for (let j = 0; j < body.length; j++) bytesAcc.push(body.charCodeAt(j));
        } else if (info.fmt) {
          anyF = true;
          if (strAcc === '') strAccStart = ts;
          this.parseFString(info, ts, parts, (text) => {
            if (strAcc === '') strAccStart = ts;
            strAcc += text;
          }, flush);
        } else {
          if (strAcc === '') strAccStart = ts;
          strAcc += info.raw ? rawBody(this.source, info.bodyStart, info.bodyEnd) : decodeEscapes(this.source, info.bodyStart, info.bodyEnd, false, ts);
        }
        this.i++;
      }
    } catch (err) {
      throw this.stringRunError(err);
    }
    const e = this.prevEnd();
    if (isBytes) {
      const v = Uint8Array.from(bytesAcc);
      bytesAcc = [];
      return { t: 'Constant', value: { k: 'bytes', v }, s, e };
    }
    if (!anyF) return { t: 'Constant', value: { k: 'str', v: strAcc }, s, e };
    flush(e);
    return { t: 'JoinedStr', values: parts, s, e };
  }

  /**
   * Where CPython 3.11 reports an error in decoding a run of string literals: its string
   * parser runs after the parser fetched the token that follows the run, and raises at that
   * token (escape errors, f-string structure errors). Errors in a replacement field's
   * expression come from a parser of the field alone (FStringFieldError) and are kept.
   */
  private stringRunError(err: unknown): unknown {
    if (!(err instanceof CompileError) || err instanceof FStringFieldError || this.lx.hasFailed) return err;
    if (!STRING_DECODE_ERRORS.has(err.diag.id)) return err;
    let j = this.i;
    while (this.lx.kind(j) === T.STRING) j++;
    const at = this.lx.start(j);
    const end = Math.max(this.lx.endOf(j), at + 1);
    return new CompileError(this.source, { ...err.diag, offset: at, end, line: undefined, pyOffset: undefined, tokenizer: false });
  }

  /**
   * Split one f-string literal into literal text and replacement fields (PEP 498, 3.11
   * rules: no backslashes or comments inside expressions, quotes of the enclosing kind end
   * the literal, `=` for self-documenting expressions, nested fields in format specs).
   */
  private parseFString(
    info: ReturnType<typeof literalInfo>,
    tokStart: number,
    parts: A.Expr[],
    addText: (t: string) => void,
    flush: (end: number) => void,
  ): void {
    this.fstringBody(info.bodyStart, info.bodyEnd, info.raw, tokStart, parts, addText, flush);
  }

  private fstringBody(
    start: number,
    end: number,
    raw: boolean,
    tokStart: number,
    parts: A.Expr[],
    addText: (t: string) => void,
    flush: (end: number) => void,
  ): void {
    const t = this.source.text;
    let p = start;
    let litStart = start;
    const emitLit = (to: number): void => {
      if (to > litStart) {
        addText(raw ? rawBody(this.source, litStart, to) : decodeEscapes(this.source, litStart, to, false, tokStart));
      }
    };
    while (p < end) {
      const c = t.charCodeAt(p);
      if (c === 92 && !raw) {
        // Skip escapes so an escaped brace-like sequence (\N{...}) is not a field.
        if (t.charCodeAt(p + 1) === 78 && t.charCodeAt(p + 2) === 123) {
          const close = t.indexOf('}', p);
          p = close < 0 || close >= end ? end : close + 1;
        } else p += 2;
        continue;
      }
      if (c === 123) {
        if (t.charCodeAt(p + 1) === 123) {
          emitLit(p + 1);
          p += 2;
          litStart = p;
          continue;
        }
        emitLit(p);
        if (this.fstringDepth >= 2) this.fail('fstringNesting', p);
        p = this.fstringField(p, end, raw, tokStart, parts, addText, flush);
        litStart = p;
        continue;
      }
      if (c === 125) {
        if (t.charCodeAt(p + 1) === 125) {
          emitLit(p + 1);
          p += 2;
          litStart = p;
          continue;
        }
        this.fail('fstringSingleBrace', p);
      }
      p++;
    }
    emitLit(end);
  }

  /** Parse `{expr[=][!c][:spec]}` starting at the `{`; returns the offset after `}`. */
  private fstringField(
    open: number,
    end: number,
    raw: boolean,
    tokStart: number,
    parts: A.Expr[],
    addText: (t: string) => void,
    flush: (end: number) => void,
  ): number {
    const t = this.source.text;
    let p = open + 1;
    let depth = 0;
    let quote = 0;
    let exprEnd = -1;
    let selfDoc = false;
    // Find where the expression ends: at top level, '!' (not '!='), ':' , '}' or '='
    // (self-documenting) that is not part of a comparison or walrus.
    for (; p < end; p++) {
      const c = t.charCodeAt(p);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 92) this.fail('fstringBackslash', p);
      if (c === 39 || c === 34) {
        quote = c;
        continue;
      }
      if (c === 35) this.fail('fstringComment', p);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93) && depth === 0) this.fail('fstringUnmatched', p, [t[p]]);
      else if (c === 41 || c === 93 || (c === 125 && depth > 0)) depth--;
      else if (depth === 0) {
        const n = t.charCodeAt(p + 1);
        if (c === 125) break;
        if (c === 33 && n !== 61) break;
        if (c === 58) break;
        if (c === 61) {
          const prev = t.charCodeAt(p - 1);
          if (n === 61) {
            p++;
            continue;
          }
          if (prev === 61 || prev === 33 || prev === 60 || prev === 62 || prev === 58) continue;
          selfDoc = true;
          exprEnd = p;
          p++;
          break;
        }
      }
    }
    if (quote !== 0) this.fail('fstringUnterminated', p);
    if (exprEnd < 0) exprEnd = p;
    if (p >= end) this.fail('fstringExpectingBrace', end);
    const exprText = t.slice(open + 1, exprEnd);
    if (exprText.trim() === '') {
      if (selfDoc || t.charCodeAt(p) === 33 || t.charCodeAt(p) === 58) this.fail('fstringExprRequired', p, [selfDoc ? '=' : t[p]]);
      if (t.charCodeAt(p) === 125) this.fail('fstringEmpty', p);
    }
    const value = this.parseSubExpression(open + 1, exprEnd);
    let conversion: A.FormattedValue['conversion'] = -1;
    let formatSpec: A.JoinedStr | null = null;
    if (selfDoc) {
      addText(t.slice(open + 1, p));
      // Skip whitespace after '=' that belongs to the displayed text.
      while (p < end && (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9)) {
        addText(t[p]);
        p++;
      }
    }
    if (t.charCodeAt(p) === 33) {
      const ch = t.charCodeAt(p + 1);
      if (ch !== 115 && ch !== 114 && ch !== 97) {
        if (p + 1 >= end || ch === 125 || ch === 58) this.fail('fstringInvalidConversion', p + 1);
        this.fail('fstringInvalidConversion', p + 1);
      }
      conversion = ch as 115 | 114 | 97;
      p += 2;
      if (p >= end || (t.charCodeAt(p) !== 125 && t.charCodeAt(p) !== 58)) this.fail('fstringExpectingBrace', p);
    }
    if (t.charCodeAt(p) === 58) {
      p++;
      // The format spec runs to the matching '}' and may hold nested fields.
      const specStart = p;
      let d = 0;
      for (; p < end; p++) {
        const c = t.charCodeAt(p);
        if (c === 123) d++;
        else if (c === 125) {
          if (d === 0) break;
          d--;
        }
      }
      if (p >= end) this.fail('fstringExpectingBrace', end);
      const specParts: A.Expr[] = [];
      let acc = '';
      let accStart = specStart;
      const specFlush = (e: number): void => {
        if (acc !== '') specParts.push({ t: 'Constant', value: { k: 'str', v: acc }, s: accStart, e });
        acc = '';
      };
      this.fstringDepth++;
      try {
        this.fstringBody(specStart, p, raw, tokStart, specParts, (txt) => {
          if (acc === '') accStart = specStart;
          acc += txt;
        }, specFlush);
      } finally {
        this.fstringDepth--;
      }
      specFlush(p);
      formatSpec = { t: 'JoinedStr', values: specParts, s: specStart, e: p };
    }
    if (t.charCodeAt(p) !== 125) this.fail('fstringExpectingBrace', p);
    if (selfDoc && conversion === -1 && formatSpec === null) conversion = 114;
    flush(open);
    parts.push({ t: 'FormattedValue', value, conversion, formatSpec, s: open, e: p + 1 });
    return p + 1;
  }

  /**
   * Parse [start, end) of this source as one parenthesised expression (f-string fields).
   * CPython 3.11 parses the field as the separate text `(expr)` placed on the field's line:
   * its syntax errors show that text, columns within it, and an "f-string: " prefix.
   */
  protected parseSubExpression(start: number, end: number): A.Expr {
    const sub = new ExprParser(this.source, new Lexer(this.source, start, end, true));
    sub.baseLevel = 1;
    if (sub.k() === T.ENDMARKER) this.fail('fstringEmpty', end);
    try {
      const e = sub.k() === T.KW_YIELD ? sub.parseYield() : sub.parseStarExprs(true);
      if (sub.k() !== T.ENDMARKER) sub.failHere();
      return e;
    } catch (err) {
      if (!(err instanceof CompileError) || err instanceof FStringFieldError) throw err;
      const line = this.source.lineOf(start);
      const pad = '\n'.repeat(line - 1);
      const field = new Source(this.source.filename, `${pad}(${this.source.text.slice(start, end)})`);
      const map = (o: number): number => pad.length + 1 + Math.min(Math.max(o - start, -1), end - start);
      const d = err.diag;
      const message = d.message.startsWith('f-string') ? d.message : `f-string: ${d.message}`;
      throw new FStringFieldError(field, { ...d, message, offset: map(d.offset), end: d.end === undefined ? undefined : map(d.end), line: undefined, pyOffset: undefined });
    }
  }

  parseYield(): A.Expr {
    const s = this.pos();
    this.expect(T.KW_YIELD);
    if (this.eat(T.KW_FROM)) {
      const value = this.parseExpr();
      return { t: 'YieldFrom', value, s, e: this.prevEnd() };
    }
    if (!this.canStartExpr() || this.k() === T.KW_YIELD) return { t: 'Yield', value: null, s, e: this.prevEnd() };
    const value = this.parseStarExprs();
    return { t: 'Yield', value, s, e: this.prevEnd() };
  }

  private parseParen(): A.Expr {
    const s = this.pos();
    this.i++;
    if (this.eat(T.RPAR)) return { t: 'Tuple', elts: [], ctx: 'load', s, e: this.prevEnd(), parens: true };
    if (this.k() === T.DSTAR) {
      // invalid_group: '(' '**' expression ')'.
      const ds = this.i;
      const save = this.i;
      this.i++;
      let closes = false;
      try {
        this.parseExpr();
        closes = this.k() === T.RPAR;
      } catch (e) {
        if (!(e instanceof CompileError) || this.lx.hasFailed) throw e;
      }
      this.i = save;
      if (closes) this.fail('doubleStarHere', this.lx.start(ds), [], { end: this.lx.endOf(ds) });
    }
    if (this.k() === T.KW_YIELD) {
      const y = this.parseYield();
      this.expectClose(T.RPAR, ')');
      return y;
    }
    const first = this.parseStarNamed();
    if (this.k() === T.KW_FOR || this.k() === T.KW_ASYNC) {
      if (first.t === 'Starred') this.fail('iterableUnpackInComp', first.s, [], { end: first.e });
      const g = this.parseComprehensionTail(first, 'GeneratorExp', s);
      this.expectClose(T.RPAR, ')');
      g.e = this.prevEnd();
      return g;
    }
    if (this.k() === T.RPAR) {
      this.i++;
      // invalid_group (Grammar/python.gram): '(' starred_expression ')'.
      if (first.t === 'Starred') this.fail('starredNotAllowed', first.s, [], { end: first.e });
      // Parentheses only group; keep the inner node but remember the outer span for tuples.
      if (first.t === 'Tuple') return { ...first, parens: true };
      return first;
    }
    const elts = [first];
    let itemStart = first.s;
    while (this.eat(T.COMMA)) {
      if (this.k() === T.RPAR) break;
      itemStart = this.pos();
      elts.push(this.parseStarNamed());
    }
    this.expectClose(T.RPAR, ')', itemStart);
    return { t: 'Tuple', elts, ctx: 'load', s, e: this.prevEnd(), parens: true };
  }

  private parseListDisplay(): A.Expr {
    const s = this.pos();
    this.i++;
    if (this.eat(T.RSQB)) return { t: 'List', elts: [], ctx: 'load', s, e: this.prevEnd() };
    const first = this.parseStarNamed();
    if (this.k() === T.KW_FOR || this.k() === T.KW_ASYNC) {
      if (first.t === 'Starred') this.fail('iterableUnpackInComp', first.s, [], { end: first.e });
      const c = this.parseComprehensionTail(first, 'ListComp', s);
      this.expectClose(T.RSQB, ']');
      c.e = this.prevEnd();
      return c;
    }
    const elts = [first];
    let itemStart = first.s;
    while (this.eat(T.COMMA)) {
      if (this.k() === T.RSQB) break;
      itemStart = this.pos();
      elts.push(this.parseStarNamed());
    }
    this.expectClose(T.RSQB, ']', itemStart);
    return { t: 'List', elts, ctx: 'load', s, e: this.prevEnd() };
  }

  private parseBraceDisplay(): A.Expr {
    const s = this.pos();
    this.i++;
    if (this.eat(T.RBRACE)) return { t: 'Dict', keys: [], values: [], s, e: this.prevEnd() };
    if (this.k() === T.DSTAR) {
      const ds = this.pos();
      this.i++;
      const v = this.parseBitOr();
      if (this.k() === T.KW_FOR) this.fail('dictUnpackInComp', ds, [], { end: ds + 2 });
      return this.parseDictRest(s, [null], [v]);
    }
    const first = this.parseStarNamed();
    if (this.k() === T.COLON && first.t !== 'Starred') {
      if (this.kAt(1) === T.COMMA || this.kAt(1) === T.RBRACE) this.fail('dictValueMissing', this.pos(), [], { end: this.lx.endOf(this.i) });
      this.i++;
      const value = this.parseExpr();
      if (this.k() === T.KW_FOR || this.k() === T.KW_ASYNC) {
        const generators = this.parseComprehensionClauses();
        this.expectClose(T.RBRACE, '}');
        return { t: 'DictComp', key: first, value, generators, s, e: this.prevEnd() };
      }
      return this.parseDictRest(s, [first], [value]);
    }
    if (this.k() === T.KW_FOR || this.k() === T.KW_ASYNC) {
      if (first.t === 'Starred') this.fail('iterableUnpackInComp', first.s, [], { end: first.e });
      const c = this.parseComprehensionTail(first, 'SetComp', s);
      this.expectClose(T.RBRACE, '}');
      c.e = this.prevEnd();
      return c;
    }
    const elts = [first];
    let itemStart = first.s;
    while (this.eat(T.COMMA)) {
      if (this.k() === T.RBRACE) break;
      itemStart = this.pos();
      elts.push(this.parseStarNamed());
    }
    this.expectClose(T.RBRACE, '}', itemStart);
    return { t: 'Set', elts, s, e: this.prevEnd() };
  }

  private parseDictRest(s: number, keys: (A.Expr | null)[], values: A.Expr[]): A.Dict {
    let itemStart = s;
    while (this.eat(T.COMMA)) {
      if (this.k() === T.RBRACE) break;
      itemStart = this.pos();
      if (this.eat(T.DSTAR)) {
        keys.push(null);
        values.push(this.parseBitOr());
      } else {
        // A later key is parsed without the missing-comma check: CPython's kvpair error
        // below wins over it there.
        const outer = this.noInvalid;
        this.noInvalid = true;
        let key: A.Expr;
        try {
          key = this.parseExpr();
        } finally {
          this.noInvalid = outer;
        }
        keys.push(key);
        // invalid_kvpair (python.gram 3.11): a later key without ':' is reported at its
        // last character; a ':' with no value before ',' or '}' at the ':'.
        if (this.k() !== T.COLON) this.fail('dictKeyColon', key.e - 1, [], { end: key.e - 1 });
        if (this.kAt(1) === T.COMMA || this.kAt(1) === T.RBRACE) this.fail('dictValueMissing', this.pos(), [], { end: this.lx.endOf(this.i) });
        this.i++;
        values.push(this.parseExpr());
      }
    }
    this.expectClose(T.RBRACE, '}', itemStart);
    return { t: 'Dict', keys, values, s, e: this.prevEnd() };
  }

  protected parseComprehensionTail<K extends 'ListComp' | 'SetComp' | 'GeneratorExp'>(elt: A.Expr, t: K, s: number): A.ListComp | A.SetComp | A.GeneratorExp {
    const generators = this.parseComprehensionClauses();
    return { t, elt, generators, s, e: this.prevEnd() } as A.ListComp | A.SetComp | A.GeneratorExp;
  }

  private parseComprehensionClauses(): A.Comprehension[] {
    const gens: A.Comprehension[] = [];
    while (this.k() === T.KW_FOR || (this.k() === T.KW_ASYNC && this.kAt(1) === T.KW_FOR)) {
      const isAsync = this.eat(T.KW_ASYNC);
      this.expect(T.KW_FOR);
      const target = this.parseTargetList(T.KW_IN);
      this.setContext(target, 'store', 'for');
      this.expect(T.KW_IN);
      const iter = this.parseOr();
      const ifs: A.Expr[] = [];
      while (this.eat(T.KW_IF)) ifs.push(this.parseOr());
      gens.push({ target, iter, ifs, isAsync });
    }
    return gens;
  }

  /** star_targets up to (not including) `stop`: used by for-loops and comprehensions. */
  protected parseTargetList(stop: TokKind): A.Expr {
    const s = this.pos();
    const first = this.parseTargetAtom();
    if (this.k() !== T.COMMA) return first;
    const elts = [first];
    while (this.eat(T.COMMA)) {
      if (this.k() === stop) break;
      elts.push(this.parseTargetAtom());
    }
    return { t: 'Tuple', elts, ctx: 'store', s, e: this.prevEnd(), parens: false };
  }

  /** A single star_target (with-items: `with a as b, c as d`). */
  protected parseStarTarget(): A.Expr {
    return this.parseTargetAtom();
  }

  private parseTargetAtom(): A.Expr {
    if (this.k() === T.STAR) {
      const s = this.pos();
      this.i++;
      const value = this.parseTargetAtom();
      return { t: 'Starred', value, ctx: 'store', s, e: this.prevEnd() };
    }
    return this.parseBitOr();
  }

  parseLambda(): A.Lambda {
    const s = this.pos();
    this.expect(T.KW_LAMBDA);
    const args = this.parseParams(T.COLON, false);
    this.expect(T.COLON);
    const body = this.parseExpr();
    return { t: 'Lambda', args, body, s, e: this.prevEnd() };
  }

  /**
   * Parameter list up to `close` (')' for def, ':' for lambda): positional-only (`/`),
   * defaults, `*args` or bare `*`, keyword-only, `**kwargs`, annotations for def.
   */
  protected parseParams(close: TokKind, annotations: boolean): A.Arguments {
    const a: A.Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
    const seen = new Set<string>();
    let star = false;
    let bareStarPos = -1;
    const param = (): A.Arg => {
      const s = this.pos();
      const arg = this.name();
      if (seen.has(arg)) this.fail('duplicateArgument', s, [arg], { end: this.prevEnd() });
      seen.add(arg);
      let annotation: A.Expr | null = null;
      if (annotations && this.eat(T.COLON)) annotation = this.parseExpr();
      return { arg, annotation, s, e: this.prevEnd() };
    };
    while (this.k() !== close) {
      if (this.k() === T.SLASH) {
        if (star || a.posonlyargs.length > 0 || a.args.length === 0) this.failHere();
        this.i++;
        a.posonlyargs = a.args;
        a.args = [];
      } else if (this.k() === T.STAR) {
        if (star) this.failHere();
        const sp = this.pos();
        this.i++;
        star = true;
        if (this.k() === T.COMMA || this.k() === close) bareStarPos = sp;
        else {
          const s = this.pos();
          const arg = this.name();
          if (seen.has(arg)) this.fail('duplicateArgument', s, [arg]);
          seen.add(arg);
          let annotation: A.Expr | null = null;
          if (annotations && this.eat(T.COLON)) annotation = this.k() === T.STAR ? this.parseStarExpr() : this.parseExpr();
          a.vararg = { arg, annotation, s, e: this.prevEnd() };
        }
      } else if (this.k() === T.DSTAR) {
        this.i++;
        a.kwarg = param();
        if (this.eat(T.EQUAL)) this.failHere();
        this.eat(T.COMMA);
        if (this.k() !== close) this.failHere();
        break;
      } else {
        const p = param();
        let def: A.Expr | null = null;
        if (this.eat(T.EQUAL)) def = this.parseExpr();
        if (star) {
          a.kwonlyargs.push(p);
          a.kwDefaults.push(def);
        } else {
          a.args.push(p);
          if (def) a.defaults.push(def);
          else if (a.defaults.length > 0) this.fail('nonDefaultAfterDefault', p.s, [], { end: p.e });
        }
      }
      if (!this.eat(T.COMMA)) break;
    }
    if (bareStarPos >= 0 && a.kwonlyargs.length === 0) this.fail('namedArgsAfterStar', bareStarPos);
    if (a.posonlyargs.length > 0 || a.args.length > 0) {
      // Defaults apply to the last positional parameters across the '/' boundary.
    }
    return a;
  }

  // ---- assignment targets ---------------------------------------------------------------

  /**
   * Turn a parsed expression into an assignment/deletion target, checking it is one.
   * `how` selects CPython's message wording: a plain `target = value` statement adds the
   * "Maybe you meant '=='" hint (invalid_named_expression); chained assignments
   * ('chain'), for-loops, with-items and comprehensions do not.
   */
  setContext(e: A.Expr, ctx: 'store' | 'del', how: 'assign' | 'chain' | 'for' | 'del' | 'with' | 'aug' = 'assign'): void {
    switch (e.t) {
      case 'Name':
        e.ctx = ctx;
        return;
      case 'Attribute':
      case 'Subscript':
        e.ctx = ctx;
        return;
      case 'Starred':
        if (ctx === 'del') this.fail('cannotDelete', e.s, ['starred'], { end: e.e });
        e.ctx = ctx;
        this.setContext(e.value, ctx, how);
        return;
      case 'Tuple':
      case 'List':
        e.ctx = ctx;
        if (ctx === 'store') {
          let stars = 0;
          for (const x of e.elts) if (x.t === 'Starred') stars++;
          if (stars > 1) this.fail('multipleStarred', e.s, [], { end: e.e });
        }
        for (const x of e.elts) this.setContext(x, ctx, how);
        return;
      default: {
        const what = exprName(e);
        if (ctx === 'del') this.fail('cannotDelete', e.s, [what], { end: e.e });
        if (e.t === 'Yield' || e.t === 'YieldFrom') {
          // invalid_assignment: `yield_expr '='` (a bare yield as a target) has its own
          // message; a parenthesized one is an ordinary bad target (invalid_named_expression).
          const bare = !/\(\s*$/.test(this.source.text.slice(Math.max(0, e.s - 64), e.s));
          if ((how === 'assign' || how === 'chain') && bare) this.fail('assignToYield', e.s, [], { end: e.e });
          if (how !== 'assign') this.fail('cannotAssign', e.s, [what], { end: e.e });
        }
        if (how === 'assign' && e.t !== 'NamedExpr' && e.t !== 'Lambda' && e.t !== 'GeneratorExp' && e.t !== 'ListComp' && e.t !== 'SetComp' && e.t !== 'DictComp' && e.t !== 'Dict' && e.t !== 'Set' && e.t !== 'JoinedStr') {
          this.fail('cannotAssignHere', e.s, [what], { end: e.e });
        }
        this.fail('cannotAssign', e.s, [what], { end: e.e });
      }
    }
  }
}

/** Identifiers are NFKC-normalised (reference 2.3); ASCII ones are left alone. */
export function normalizeName(s: string): string {
  for (let j = 0; j < s.length; j++) {
    if (s.charCodeAt(j) > 127) return s.normalize('NFKC');
  }
  return s;
}
