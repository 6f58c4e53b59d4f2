// Token kinds.
//
// The lexer produces (kind, start, end) triples over the source buffer; this file defines
// the kinds. Keywords and operators each get their own kind so the parser compares small
// integers, never substrings. Soft keywords (match, case, _, type) stay NAME and are
// recognised by the parser from context, as in CPython's PEG grammar.

export const T = {
  ENDMARKER: 0,
  NAME: 1,
  NUMBER: 2,
  STRING: 3,
  NEWLINE: 4,
  INDENT: 5,
  DEDENT: 6,
  /** A stray printable ASCII character ($, ?, `): CPython's tokenizer hands it to the parser, which rejects it. */
  ERRORTOKEN: 7,
  // operators and delimiters
  LPAR: 10, RPAR: 11, LSQB: 12, RSQB: 13, LBRACE: 14, RBRACE: 15,
  COMMA: 16, COLON: 17, SEMI: 18, DOT: 19, ELLIPSIS: 20, ARROW: 21,
  EQUAL: 22, COLONEQUAL: 23,
  PLUS: 24, MINUS: 25, STAR: 26, SLASH: 27, DSLASH: 28, PERCENT: 29, AT: 30,
  DSTAR: 31, LSHIFT: 32, RSHIFT: 33, AMPER: 34, VBAR: 35, CIRCUMFLEX: 36, TILDE: 37,
  LESS: 38, GREATER: 39, LESSEQ: 40, GREATEREQ: 41, EQEQ: 42, NOTEQ: 43,
  PLUSEQ: 44, MINUSEQ: 45, STAREQ: 46, SLASHEQ: 47, DSLASHEQ: 48, PERCENTEQ: 49,
  ATEQ: 50, DSTAREQ: 51, LSHIFTEQ: 52, RSHIFTEQ: 53, AMPEREQ: 54, VBAREQ: 55,
  CIRCUMFLEXEQ: 56,
  EXCLAMATION: 57,
  // keywords
  KW_FALSE: 70, KW_NONE: 71, KW_TRUE: 72, KW_AND: 73, KW_AS: 74, KW_ASSERT: 75,
  KW_ASYNC: 76, KW_AWAIT: 77, KW_BREAK: 78, KW_CLASS: 79, KW_CONTINUE: 80, KW_DEF: 81,
  KW_DEL: 82, KW_ELIF: 83, KW_ELSE: 84, KW_EXCEPT: 85, KW_FINALLY: 86, KW_FOR: 87,
  KW_FROM: 88, KW_GLOBAL: 89, KW_IF: 90, KW_IMPORT: 91, KW_IN: 92, KW_IS: 93,
  KW_LAMBDA: 94, KW_NONLOCAL: 95, KW_NOT: 96, KW_OR: 97, KW_PASS: 98, KW_RAISE: 99,
  KW_RETURN: 100, KW_TRY: 101, KW_WHILE: 102, KW_WITH: 103, KW_YIELD: 104,
} as const;

export type TokKind = (typeof T)[keyof typeof T];

export const KEYWORDS: ReadonlyMap<string, TokKind> = new Map<string, TokKind>([
  ['False', T.KW_FALSE], ['None', T.KW_NONE], ['True', T.KW_TRUE], ['and', T.KW_AND],
  ['as', T.KW_AS], ['assert', T.KW_ASSERT], ['async', T.KW_ASYNC], ['await', T.KW_AWAIT],
  ['break', T.KW_BREAK], ['class', T.KW_CLASS], ['continue', T.KW_CONTINUE],
  ['def', T.KW_DEF], ['del', T.KW_DEL], ['elif', T.KW_ELIF], ['else', T.KW_ELSE],
  ['except', T.KW_EXCEPT], ['finally', T.KW_FINALLY], ['for', T.KW_FOR], ['from', T.KW_FROM],
  ['global', T.KW_GLOBAL], ['if', T.KW_IF], ['import', T.KW_IMPORT], ['in', T.KW_IN],
  ['is', T.KW_IS], ['lambda', T.KW_LAMBDA], ['nonlocal', T.KW_NONLOCAL], ['not', T.KW_NOT],
  ['or', T.KW_OR], ['pass', T.KW_PASS], ['raise', T.KW_RAISE], ['return', T.KW_RETURN],
  ['try', T.KW_TRY], ['while', T.KW_WHILE], ['with', T.KW_WITH], ['yield', T.KW_YIELD],
]);

/** Operators, longest first within each leading character (the lexer tries them in order). */
export const OPERATORS: readonly (readonly [string, TokKind])[] = [
  ['**=', T.DSTAREQ], ['//=', T.DSLASHEQ], ['>>=', T.RSHIFTEQ], ['<<=', T.LSHIFTEQ], ['...', T.ELLIPSIS],
  ['->', T.ARROW], [':=', T.COLONEQUAL], ['**', T.DSTAR], ['//', T.DSLASH], ['<<', T.LSHIFT],
  ['>>', T.RSHIFT], ['<=', T.LESSEQ], ['>=', T.GREATEREQ], ['==', T.EQEQ], ['!=', T.NOTEQ],
  ['+=', T.PLUSEQ], ['-=', T.MINUSEQ], ['*=', T.STAREQ], ['/=', T.SLASHEQ], ['%=', T.PERCENTEQ],
  ['@=', T.ATEQ], ['&=', T.AMPEREQ], ['|=', T.VBAREQ], ['^=', T.CIRCUMFLEXEQ],
  ['(', T.LPAR], [')', T.RPAR], ['[', T.LSQB], [']', T.RSQB], ['{', T.LBRACE], ['}', T.RBRACE],
  [',', T.COMMA], [':', T.COLON], [';', T.SEMI], ['.', T.DOT], ['=', T.EQUAL], ['+', T.PLUS],
  ['-', T.MINUS], ['*', T.STAR], ['/', T.SLASH], ['%', T.PERCENT], ['@', T.AT], ['&', T.AMPER],
  ['|', T.VBAR], ['^', T.CIRCUMFLEX], ['~', T.TILDE], ['<', T.LESS], ['>', T.GREATER],
  ['!', T.EXCLAMATION],
];

const names = new Map<number, string>();
for (const [k, v] of Object.entries(T)) names.set(v, k);
for (const [text, kind] of OPERATORS) names.set(kind, text);
for (const [text, kind] of KEYWORDS) names.set(kind, text);

/** Display text of a token kind, for diagnostics and token dumps. */
export function tokName(kind: TokKind): string {
  return names.get(kind) ?? `?${kind}`;
}

export function isKeyword(kind: number): boolean {
  return kind >= T.KW_FALSE && kind <= T.KW_YIELD;
}
