/**
 * printf-style string formatting: `fmt % args` for str (CPython 3.11 PyUnicode_Format).
 *
 * Role: the interpreter's BINARY_OP % on a str left operand. Object-model questions (is
 * args a tuple, a mapping, what is str(v), int(v), float(v)) go through `PercentHooks`;
 * everything else (the conversion-spec grammar, flags, width/precision, number
 * rendering, padding, and every error message) is here.
 *
 *   %[(key)][flags][width|*][.precision|.*][h|l|L]type     flags: - + space # 0
 *
 * The parser keeps CPython's position/count bookkeeping (fmtpos, fmtcnt) so the odd
 * corners behave identically: '%' at the end is "incomplete format", '% %' consumes an
 * argument, an argument is fetched before an unknown type char is reported, and
 * '%(a)s %s' % {'a': 1} runs out of arguments. Indexes in messages count code points.
 */

import { NumericError, PyInt, memoryError } from './errors.js';
import { doubleToString, DtoaCode } from './dtoa.js';
import { intToBaseString, intToDecimalString } from './intstr.js';
import { cpLength, cpPrefix } from './unicode.js';

/** Conversion characters that take an integer. */
export type PercentIntConv = 'd' | 'i' | 'u' | 'o' | 'x' | 'X';

/** What percentFormat needs from the object model. */
export interface PercentHooks {
  /** The items when args is a tuple (exactly, or a subclass), else null. */
  tupleItems(args: unknown): readonly unknown[] | null;
  /**
   * PyMapping_Check(args) && !str: true for dicts, lists and other objects with
   * __getitem__, false for str (only asked when args is not a tuple).
   */
  isMapping(args: unknown): boolean;
  /** mapping[key] for '%(key)s'; throws the interpreter's own KeyError. */
  getItem(mapping: unknown, key: string): unknown;
  /** str(v), repr(v), ascii(v) */
  str(v: unknown): string;
  repr(v: unknown): string;
  ascii(v: unknown): string;
  /**
   * The int for %d %i %u (int(v) for numbers) or %o %x %X (operator.index(v)). For
   * non-numbers throw `percentIntTypeError(conv, typeName)`.
   */
  toInt(v: unknown, conv: PercentIntConv): PyInt;
  /** float(v) for %e %f %g ...; for non-numbers throw `percentFloatTypeError(typeName)`. */
  toFloat(v: unknown): number;
  /** For %c: v as an int (ints and __index__ objects), v itself if it is a str, else null. */
  charArg(v: unknown): PyInt | string | null;
  /** For '*' width/precision: v if it is an int (bool included), else null. */
  starArg(v: unknown): PyInt | null;
}

/** TypeError "%d format: a real number is required, not str" (or "an integer" for o/x/X). */
export function percentIntTypeError(conv: PercentIntConv, typeName: string): NumericError {
  const what = conv === 'o' || conv === 'x' || conv === 'X' ? 'an integer is required' : 'a real number is required';
  return new NumericError('TypeError', `%${conv} format: ${what}, not ${cpPrefix(typeName, 200)}`);
}

/** TypeError "must be real number, not str" (PyFloat_AsDouble on a non-number). */
export function percentFloatTypeError(typeName: string): NumericError {
  return new NumericError('TypeError', `must be real number, not ${cpPrefix(typeName, 50)}`);
}

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

/** One conversion spec being processed (unicode_format_arg_t). */
interface Arg {
  ch: number; // UTF-16 unit at the current position (0 past the end)
  flags: number;
  width: number;
  prec: number;
  sign: boolean;
}

/** _PyUnicode_FormatLong: digits of an int for %d/%o/%x/%X with precision and '#'. */
function formatLong(v: PyInt, alt: boolean, prec: number, type: PercentIntConv): string {
  let s: string;
  let nonDigits = 0;
  switch (type) {
    case 'd':
    case 'i':
    case 'u':
      s = intToDecimalString(v);
      break;
    case 'o':
      s = intToBaseString(v, 8, alt);
      if (alt) nonDigits = 2;
      break;
    case 'x':
    case 'X':
      s = intToBaseString(v, 16, alt);
      if (alt) nonDigits = 2;
      break;
  }
  const neg = s[0] === '-';
  if (neg) nonDigits += 1;
  const numDigits = s.length - nonDigits;
  if (prec > 1 << 29) throw memoryError();
  if (prec > numDigits) s = s.slice(0, nonDigits) + '0'.repeat(prec - numDigits) + s.slice(nonDigits);
  if (type === 'X') s = s.toUpperCase();
  return s;
}

/**
 * fmt % args for a str fmt. Raises NumericError with CPython's TypeError / ValueError /
 * OverflowError messages; errors from hooks propagate unchanged.
 */
export function percentFormat(fmt: string, args: unknown, hooks: PercentHooks): string {
  const len = fmt.length;
  const read = (i: number): number => (i < len ? fmt.charCodeAt(i) : 0);
  const items = hooks.tupleItems(args);
  let arglen = items !== null ? items.length : -1;
  let argidx = items !== null ? 0 : -2;
  let curArgs: unknown = args;
  let curItems = items;
  const dict = items === null && hooks.isMapping(args) ? args : null;
  let fmtpos = 0;
  let fmtcnt = len;
  let out = '';

  const typeError = (m: string): NumericError => new NumericError('TypeError', m);
  const valueError = (m: string): NumericError => new NumericError('ValueError', m);

  const nextArg = (): unknown => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? curArgs : curItems![i];
    }
    throw typeError('not enough arguments for format string');
  };

  const starValue = (isWidth: boolean): number => {
    const v = hooks.starArg(nextArg());
    if (v === null) throw typeError('* wants int');
    const limit = isWidth ? 9223372036854775807n : 2147483647n;
    const big = typeof v === 'bigint' ? v : BigInt(v);
    if (big > limit || big < -limit - 1n) {
      throw new NumericError('OverflowError', `Python int too large to convert to C ${isWidth ? 'ssize_t' : 'int'}`);
    }
    return Number(v);
  };

  /** unicode_format_arg_parse */
  const parseArg = (arg: Arg): void => {
    if (read(fmtpos) === 40 /* ( */) {
      if (dict === null) throw typeError('format requires a mapping');
      ++fmtpos;
      --fmtcnt;
      const keystart = fmtpos;
      let pcount = 1;
      while (pcount > 0 && --fmtcnt >= 0) {
        arg.ch = read(fmtpos);
        if (arg.ch === 41) --pcount;
        else if (arg.ch === 40) ++pcount;
        fmtpos++;
      }
      if (fmtcnt < 0 || pcount > 0) throw valueError('incomplete format key');
      const key = fmt.slice(keystart, fmtpos - 1);
      curArgs = hooks.getItem(dict, key);
      curItems = null;
      arglen = -1;
      argidx = -2;
    }
    while (--fmtcnt >= 0) {
      arg.ch = read(fmtpos++);
      if (arg.ch === 45) arg.flags |= F_LJUST;
      else if (arg.ch === 43) arg.flags |= F_SIGN;
      else if (arg.ch === 32) arg.flags |= F_BLANK;
      else if (arg.ch === 35) arg.flags |= F_ALT;
      else if (arg.ch === 48) arg.flags |= F_ZERO;
      else break;
    }
    if (arg.ch === 42 /* * */) {
      arg.width = starValue(true);
      if (arg.width < 0) {
        arg.flags |= F_LJUST;
        arg.width = -arg.width;
      }
      if (--fmtcnt >= 0) arg.ch = read(fmtpos++);
    } else if (arg.ch >= 48 && arg.ch <= 57) {
      arg.width = arg.ch - 48;
      while (--fmtcnt >= 0) {
        arg.ch = read(fmtpos++);
        if (arg.ch < 48 || arg.ch > 57) break;
        if (arg.width > (Number.MAX_SAFE_INTEGER - (arg.ch - 48)) / 10) throw valueError('width too big');
        arg.width = arg.width * 10 + (arg.ch - 48);
      }
    }
    if (arg.ch === 46 /* . */) {
      arg.prec = 0;
      if (--fmtcnt >= 0) arg.ch = read(fmtpos++);
      if (arg.ch === 42) {
        arg.prec = starValue(false);
        if (arg.prec < 0) arg.prec = 0;
        if (--fmtcnt >= 0) arg.ch = read(fmtpos++);
      } else if (arg.ch >= 48 && arg.ch <= 57) {
        arg.prec = arg.ch - 48;
        while (--fmtcnt >= 0) {
          arg.ch = read(fmtpos++);
          if (arg.ch < 48 || arg.ch > 57) break;
          if (arg.prec > (2147483647 - (arg.ch - 48)) / 10) throw valueError('precision too big');
          arg.prec = arg.prec * 10 + (arg.ch - 48);
        }
      }
    }
    // "h", "l" and "L" length modifiers are accepted and ignored.
    if (fmtcnt >= 0 && (arg.ch === 104 || arg.ch === 108 || arg.ch === 76)) {
      if (--fmtcnt >= 0) arg.ch = read(fmtpos++);
    }
    if (fmtcnt < 0) throw valueError('incomplete format');
  };

  /** unicode_format_arg_format: fetch the argument, then convert it to text. */
  const formatArg = (arg: Arg): string => {
    const v = nextArg();
    const ch = String.fromCharCode(arg.ch);
    switch (ch) {
      case 's':
        return hooks.str(v);
      case 'r':
        return hooks.repr(v);
      case 'a':
        return hooks.ascii(v);
      case 'i':
      case 'd':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const n = hooks.toInt(v, ch);
        arg.sign = true;
        return formatLong(n, (arg.flags & F_ALT) !== 0, arg.prec, ch);
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const x = hooks.toFloat(v);
        arg.sign = true;
        const prec = arg.prec < 0 ? 6 : arg.prec;
        return doubleToString(x, ch as DtoaCode, prec, { alt: (arg.flags & F_ALT) !== 0 });
      }
      case 'c': {
        const cv = hooks.charArg(v);
        if (typeof cv === 'string') {
          if (cpLength(cv) !== 1) throw typeError('%c requires int or char');
          return cv;
        }
        if (cv === null) throw typeError('%c requires int or char');
        if (cv < 0 || cv > 0x10ffff) throw new NumericError('OverflowError', '%c arg not in range(0x110000)');
        return String.fromCodePoint(Number(cv));
      }
      default: {
        // Report the whole code point and a code-point index, as CPython sees the string.
        const cp = fmt.codePointAt(fmtpos - 1) ?? 0;
        const shown = cp >= 31 && cp <= 126 ? String.fromCharCode(cp) : '?';
        const index = cpLength(fmt.slice(0, fmtpos - 1));
        throw valueError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
      }
    }
  };

  /** unicode_format_arg_output: sign, '0x'/'0o' prefix, padding. */
  const output = (arg: Arg, str: string): void => {
    if (arg.width > 1 << 29) throw memoryError(); // CPython cannot allocate it either
    const fill = arg.sign && (arg.flags & F_ZERO) !== 0 ? '0' : ' ';
    let n = cpLength(str);
    if (
      (arg.width === -1 || arg.width <= n) &&
      (arg.prec === -1 || arg.prec >= n) &&
      (arg.flags & (F_SIGN | F_BLANK)) === 0
    ) {
      out += str;
      return;
    }
    const chs = String.fromCharCode(arg.ch);
    if ((chs === 's' || chs === 'r' || chs === 'a') && arg.prec >= 0 && n > arg.prec) n = arg.prec;
    let body = cpPrefix(str, n); // n code points starting at pindex (0 for now)
    let signchar = '';
    if (arg.sign) {
      const c0 = body[0];
      if (c0 === '-' || c0 === '+') {
        signchar = c0;
        body = body.slice(1);
        n--;
      } else if ((arg.flags & F_SIGN) !== 0) signchar = '+';
      else if ((arg.flags & F_BLANK) !== 0) signchar = ' ';
      else arg.sign = false;
    }
    if (arg.width < n) arg.width = n;
    if (arg.sign) {
      if (fill !== ' ') out += signchar;
      if (arg.width > n) arg.width--;
    }
    // The '0x' / '0X' / '0o' prefix of the alternate form goes before zero padding.
    const altPrefix = (arg.flags & F_ALT) !== 0 && (chs === 'x' || chs === 'X' || chs === 'o');
    if (altPrefix) {
      if (fill !== ' ') {
        out += '0' + chs;
        body = body.slice(2);
      }
      arg.width -= 2;
      if (arg.width < 0) arg.width = 0;
      n -= 2;
    }
    if (arg.width > n && (arg.flags & F_LJUST) === 0) {
      out += fill.repeat(arg.width - n);
      arg.width = n;
    }
    if (fill === ' ') {
      if (arg.sign) out += signchar;
      if (altPrefix) {
        out += '0' + chs;
        body = body.slice(2);
      }
    }
    out += body;
    if (arg.width > n) out += ' '.repeat(arg.width - n);
  };

  while (--fmtcnt >= 0) {
    if (read(fmtpos) !== 37 /* % */) {
      const start = fmtpos++;
      while (fmtcnt >= 0 && read(fmtpos) !== 37) {
        fmtpos++;
        fmtcnt--;
      }
      if (fmtcnt < 0) fmtpos--;
      out += fmt.slice(start, fmtpos);
      continue;
    }
    fmtpos++;
    const arg: Arg = { ch: read(fmtpos), flags: 0, width: -1, prec: -1, sign: false };
    if (arg.ch === 37) {
      fmtpos++;
      fmtcnt--;
      out += '%';
      continue;
    }
    parseArg(arg);
    output(arg, formatArg(arg));
    if (dict !== null && argidx < arglen) {
      throw typeError('not all arguments converted during string formatting');
    }
  }
  if (argidx < arglen && dict === null) {
    throw typeError('not all arguments converted during string formatting');
  }
  return out;
}
