/**
 * The format-spec mini-language (format(), str.format, f-strings) for int, float and str,
 * as CPython 3.11's Python/formatter_unicode.c implements it.
 *
 * Role: `int.__format__`, `float.__format__`, `str.__format__` (complex.__format__ lives
 * in complex.ts and reuses the layout helpers exported here). The interpreter splits
 * "{field!conv:spec}" itself and calls these with the spec text.
 *
 *   spec ::= [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * Layout of a formatted number (calc_number_widths; only one padding is non-empty):
 *
 *   <lpadding><sign><prefix><spadding><grouped digits><decimal point><remainder><rpadding>
 *
 * Zero padding with '=' alignment is not padding: the zeros are inserted as digits, so
 * they get separators too (format(1234, '08,') == '0,001,234').
 * Widths, fills and precisions count code points. 'n' uses the C locale (no grouping,
 * '.' decimal point), which is what CPython has unless a program calls setlocale.
 */

import { NumericError, PyInt, memoryError } from './errors.js';
import { doubleToString, DtoaCode } from './dtoa.js';
import { intToBaseString, intToDecimalString } from './intstr.js';
import { intToFloat } from './int.js';
import { cpLength, cpPrefix, decimalValue } from './unicode.js';

/** Alignment of a field. */
export type Align = '<' | '>' | '=' | '^';

/** Thousands grouping: none, ',' every 3, '_' every 3, '_' every 4 (b/o/x/X). */
export type Grouping = 'none' | 'comma' | 'underscore' | 'underscore4';

/** A parsed format spec (InternalFormatSpec). width/precision are -1 when absent. */
export interface FormatSpec {
  readonly fill: string;
  readonly align: Align;
  readonly sign: '' | '+' | '-' | ' ';
  readonly noNeg0: boolean;
  readonly alternate: boolean;
  readonly width: number;
  readonly grouping: Grouping;
  readonly precision: number;
  /** One code point, or '' for none. */
  readonly type: string;
}

function valueError(msg: string): NumericError {
  return new NumericError('ValueError', msg);
}

const SSIZE_MAX = (1n << 63n) - 1n;
const INT_MAX = 2147483647;

function isAlign(c: string | undefined): c is Align {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

/** "'%c'" for printable ASCII, else "'\x%x'" (CPython's two message variants). */
function typeCharText(t: string): string {
  const cp = t.codePointAt(0)!;
  return cp > 32 && cp < 128 ? `'${t}'` : `'\\x${cp.toString(16)}'`;
}

function thousandsError(g: Grouping, type: string): NumericError {
  const c = g === 'comma' ? ',' : '_';
  return valueError(`Cannot specify '${c}' with ${typeCharText(type)}.`);
}

/** ValueError "Unknown format code 'x' for object of type 'T'". */
export function unknownFormatCode(type: string, typeName: string): NumericError {
  return valueError(`Unknown format code ${typeCharText(type)} for object of type '${cpPrefix(typeName, 200)}'`);
}

/** get_integer: decimal digits (any Unicode Nd) at cps[pos]; [value, next pos, count]. */
function readInteger(cps: string[], pos: number): [number, number, number] {
  let text = '';
  let i = pos;
  for (; i < cps.length; i++) {
    const d = decimalValue(cps[i]!.codePointAt(0)!);
    if (d < 0) break;
    text += String(d);
  }
  if (text.length === 0) return [0, i, 0];
  if (text.length > 18 && BigInt(text) > SSIZE_MAX) throw valueError('Too many decimal digits in format string');
  return [Number(text), i, text.length];
}

/**
 * parse_internal_render_format_spec: the spec parsed with the type's defaults, plus the
 * type-independent checks ("Invalid format specifier ...", grouping vs type).
 */
export function parseFormatSpec(spec: string, typeName: string, defaultType: string, defaultAlign: Align): FormatSpec {
  const cps = Array.from(spec);
  const end = cps.length;
  let pos = 0;
  let fill = ' ';
  let align: Align = defaultAlign;
  let fillGiven = false;
  let alignGiven = false;
  if (end >= 2 && isAlign(cps[1])) {
    align = cps[1];
    fill = cps[0]!;
    fillGiven = alignGiven = true;
    pos = 2;
  } else if (end >= 1 && isAlign(cps[0])) {
    align = cps[0];
    alignGiven = true;
    pos = 1;
  }
  let sign: FormatSpec['sign'] = '';
  const s = cps[pos];
  if (s === '+' || s === '-' || s === ' ') {
    sign = s;
    pos++;
  }
  let noNeg0 = false;
  if (cps[pos] === 'z') {
    noNeg0 = true;
    pos++;
  }
  let alternate = false;
  if (cps[pos] === '#') {
    alternate = true;
    pos++;
  }
  if (!fillGiven && cps[pos] === '0') {
    // Backwards-compatible zero padding: fill '0', and '=' alignment for numbers.
    fill = '0';
    if (!alignGiven && defaultAlign === '>') align = '=';
    pos++;
  }
  let [width, p1, nw] = readInteger(cps, pos);
  pos = p1;
  if (nw === 0) width = -1;
  let grouping: Grouping = 'none';
  if (cps[pos] === ',') {
    grouping = 'comma';
    pos++;
  }
  if (cps[pos] === '_') {
    if (grouping !== 'none') throw valueError("Cannot specify both ',' and '_'.");
    grouping = 'underscore';
    pos++;
  }
  if (cps[pos] === ',' && grouping === 'underscore') throw valueError("Cannot specify both ',' and '_'.");
  let precision = -1;
  if (cps[pos] === '.') {
    pos++;
    const [pv, p2, np] = readInteger(cps, pos);
    pos = p2;
    if (np === 0) throw valueError('Format specifier missing precision');
    precision = pv;
  }
  if (end - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${cpPrefix(typeName, 200)}'`);
  }
  const type = end - pos === 1 ? cps[pos]! : defaultType;
  if (grouping !== 'none') {
    switch (type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        // PEP 515: '_' groups every four digits in bin/oct/hex.
        if (grouping === 'underscore') {
          grouping = 'underscore4';
          break;
        }
        throw thousandsError(grouping, type);
      default:
        throw thousandsError(grouping, type);
    }
  }
  return { fill, align, sign, noNeg0, alternate, width, grouping, precision, type };
}

/** Longest padding we build; beyond it CPython raises MemoryError and V8 cannot hold the string. */
const MAX_PAD = 1 << 29;

/** `n` copies of the fill character (MemoryError for absurd widths, as CPython). */
function pad(fill: string, n: number): string {
  if (n <= 0) return '';
  if (n > MAX_PAD) throw memoryError();
  return fill.repeat(n);
}

const GROUP_LEN: Record<Grouping, number> = { none: 0, comma: 3, underscore: 3, underscore4: 4 };
const GROUP_SEP: Record<Grouping, string> = { none: '', comma: ',', underscore: '_', underscore4: '_' };

/**
 * _PyUnicode_InsertThousandsGrouping: digits with separators, left-padded with zeros (in
 * whole groups, separators included) to at least minWidth characters.
 */
function insertGrouping(digits: string, minWidth: number, grouping: Grouping): string {
  const groupLen = GROUP_LEN[grouping];
  const sep = GROUP_SEP[grouping];
  minWidth = Math.max(0, minWidth);
  let remaining = digits.length;
  let pos = digits.length;
  const pieces: string[] = []; // right to left
  let useSep = false;
  const take = (len: number): void => {
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    pieces.push('0'.repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : ''));
    useSep = true;
    remaining -= nChars;
    pos -= nChars;
  };
  let broken = false;
  if (groupLen > 0) {
    for (;;) {
      const len = Math.min(groupLen, Math.max(remaining, minWidth, 1));
      take(len);
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        broken = true;
        break;
      }
      minWidth -= sep.length;
    }
  }
  if (!broken) take(Math.max(remaining, minWidth, 1));
  return pieces.reverse().join('');
}

/** The parts of a number before layout (sign excluded: `negative` says whether there is one). */
export interface NumberParts {
  readonly negative: boolean;
  /** '0x' etc., empty when none. */
  readonly prefix: string;
  /** Integer digits to group (empty for 'c'). */
  readonly digits: string;
  readonly hasDecimal: boolean;
  /** Everything after the decimal point (or after the digits): fraction, exponent, '%'. */
  readonly remainder: string;
}

/**
 * calc_number_widths + fill_number: lay a number out in its field. `grouping` is the
 * grouping to apply (the caller resolves 'n' to none); `upper` upper-cases prefix and
 * digits ('X'). `spec.sign` may be overridden (complex imaginary parts force '+').
 */
export function layoutNumber(
  parts: NumberParts,
  spec: Pick<FormatSpec, 'fill' | 'align' | 'sign' | 'width'>,
  grouping: Grouping,
  upper: boolean,
): string {
  if (spec.width > MAX_PAD) throw memoryError();
  let sign = '';
  if (spec.sign === '+') sign = parts.negative ? '-' : '+';
  else if (spec.sign === ' ') sign = parts.negative ? '-' : ' ';
  else if (parts.negative) sign = '-';
  const nonDigit = sign.length + parts.prefix.length + (parts.hasDecimal ? 1 : 0) + parts.remainder.length;
  const minWidth = spec.fill === '0' && spec.align === '=' ? spec.width - nonDigit : 0;
  let grouped =
    parts.digits.length === 0
      ? ''
      : grouping === 'none' && minWidth <= parts.digits.length
        ? parts.digits
        : insertGrouping(parts.digits, minWidth, grouping);
  let prefix = parts.prefix;
  if (upper) {
    grouped = grouped.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  const padding = spec.width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding >> 1;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      case '>':
        lpad = padding;
        break;
    }
  }
  const f = spec.fill;
  return (
    pad(f, lpad) + sign + prefix + pad(f, spad) + grouped + (parts.hasDecimal ? '.' : '') + parts.remainder + pad(f, rpad)
  );
}

/** calc_padding + fill_padding: `text` (nchars code points) padded to width. */
export function padField(text: string, nchars: number, width: number, align: Align, fill: string): string {
  const total = width >= 0 && width > nchars ? width : nchars;
  const lpad = align === '>' ? total - nchars : align === '^' ? (total - nchars) >> 1 : 0;
  const rpad = total - nchars - lpad;
  return pad(fill, lpad) + text + pad(fill, rpad);
}

/** parse_number: split "ddd[.fff][e+xx][%]" (sign removed) into digits/decimal/remainder. */
export function splitNumber(s: string, negative: boolean): NumberParts {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const hasDecimal = s[i] === '.';
  return { negative, prefix: '', digits: s.slice(0, i), hasDecimal, remainder: s.slice(hasDecimal ? i + 1 : i) };
}

/**
 * format(x, spec) for an int (int.__format__); typeName names the type in messages
 * ('bool' for True/False). An empty spec means str(x): for bool and int subclasses the
 * caller must use their str() instead of this decimal text.
 */
export function formatInt(x: PyInt, spec: string, typeName = 'int'): string {
  if (spec.length === 0) return intToDecimalString(x);
  const f = parseFormatSpec(spec, typeName, 'd', '>');
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return formatLongInternal(x, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatInternal(intToFloat(x), f);
    default:
      throw unknownFormatCode(f.type, typeName);
  }
}

function formatLongInternal(x: PyInt, f: FormatSpec): string {
  if (f.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof x === 'bigint' && (x > 9223372036854775807n || x < -9223372036854775808n)) {
      throw new NumericError('OverflowError', 'Python int too large to convert to C long');
    }
    if (x < 0 || x > 0x10ffff) throw new NumericError('OverflowError', '%c arg not in range(0x110000)');
    const ch = String.fromCodePoint(Number(x));
    return layoutNumber({ negative: false, prefix: '', digits: '', hasDecimal: false, remainder: ch }, f, 'none', false);
  }
  let text: string;
  let prefixLen = 0;
  switch (f.type) {
    case 'b':
      text = intToBaseString(x, 2, true);
      prefixLen = 2;
      break;
    case 'o':
      text = intToBaseString(x, 8, true);
      prefixLen = 2;
      break;
    case 'x':
    case 'X':
      text = intToBaseString(x, 16, true);
      prefixLen = 2;
      break;
    default:
      text = intToDecimalString(x);
      break;
  }
  const negative = text[0] === '-';
  const body = negative ? text.slice(1) : text;
  const parts: NumberParts = {
    negative,
    prefix: f.alternate ? body.slice(0, prefixLen) : '',
    digits: body.slice(prefixLen),
    hasDecimal: false,
    remainder: '',
  };
  return layoutNumber(parts, f, f.type === 'n' ? 'none' : f.grouping, f.type === 'X');
}

/** The (code, precision, flags) that format_float_internal hands to PyOS_double_to_string. */
export interface FloatRendering {
  readonly code: DtoaCode;
  readonly precision: number;
  readonly addDot0: boolean;
  readonly percent: boolean;
}

/** format_float_internal's type resolution; shared with complex formatting. */
export function floatRendering(f: FormatSpec, forComplex: boolean): FloatRendering {
  if (f.precision > INT_MAX) throw valueError('precision too big');
  let type = f.type;
  let defaultPrecision = 6;
  let addDot0 = false;
  let percent = false;
  if (type === '') {
    // No type: like repr without precision, else like 'g' (with at least one digit after
    // the point for floats, e.g. format(1.0, '.3') == '1.0').
    addDot0 = !forComplex;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  if (type === '%') {
    type = 'f';
    percent = true;
  }
  let precision = f.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  return { code: type as DtoaCode, precision, addDot0, percent };
}

function formatFloatInternal(x: number, f: FormatSpec): string {
  const r = floatRendering(f, false);
  if (r.percent) x *= 100; // a float multiplication, as CPython does
  let s = doubleToString(x, r.code, r.precision, { addDot0: r.addDot0, alt: f.alternate, noNeg0: f.noNeg0 });
  if (r.percent) s += '%';
  // CPython's fast path, and ours: nothing to lay out.
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.type !== 'n' && f.grouping === 'none') return s;
  const negative = s[0] === '-';
  const parts = splitNumber(negative ? s.slice(1) : s, negative);
  return layoutNumber(parts, f, f.type === 'n' ? 'none' : f.grouping, false);
}

/** format(x, spec) for a float (float.__format__); an empty spec is str(x). */
export function formatFloat(x: number, spec: string, typeName = 'float'): string {
  if (spec.length === 0) return doubleToString(x, 'r', 0, { addDot0: true });
  const f = parseFormatSpec(spec, typeName, '', '>');
  switch (f.type) {
    case '':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return formatFloatInternal(x, f);
    default:
      throw unknownFormatCode(f.type, typeName);
  }
}

/** format(s, spec) for a str (str.__format__). */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  if (spec.length === 0) return s;
  const f = parseFormatSpec(spec, typeName, 's', '<');
  if (f.type !== 's') throw unknownFormatCode(f.type, typeName);
  if (f.sign === ' ') throw valueError('Space not allowed in string format specifier');
  if (f.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let len = cpLength(s);
  let text = s;
  if (f.precision >= 0 && len >= f.precision) {
    text = cpPrefix(s, f.precision);
    len = f.precision;
  }
  return padField(text, len, f.width, f.align, f.fill);
}
