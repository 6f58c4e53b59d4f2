/**
 * Python complex numbers on pairs of doubles: repr, parsing, arithmetic that needs care
 * (multiplication, division, power, abs), hashing and format().
 *
 * Role: the interpreter's complex type delegates here; operands of other numeric types
 * are converted to complex (float x -> (x, 0.0)) by the caller first, as CPython's
 * TO_COMPLEX does. Algorithms follow CPython 3.11 Objects/complexobject.c:
 * _Py_c_quot divides by the larger of |b.real|, |b.imag| (Smith's method); complex_pow
 * uses repeated squaring for integral exponents |n| <= 100 and the polar form otherwise;
 * errno-style outcomes become ZeroDivisionError "0.0 to a negative or complex power" and
 * OverflowError "complex exponentiation". libm calls are the correctly rounded ones of
 * libm.ts (glibc agrees except in rare hard cases).
 */

import { NumericError, PyInt, normInt, toBig } from './errors.js';
import { signBit } from './bits.js';
import { doubleToString } from './dtoa.js';
import { crAtan2, crCos, crExp, crHypot, crLog, crPow, crSin } from './libm.js';
import { floatHash } from './int.js';
import { parseFloatPrefix, removeUnderscores } from './floatstr.js';
import { isAsciiSpace, pyStrRepr, transformDecimalAndSpace } from './unicode.js';
import {
  FormatSpec,
  floatRendering,
  layoutNumber,
  padField,
  parseFormatSpec,
  splitNumber,
  unknownFormatCode,
} from './format.js';

/** A complex value. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

function c(re: number, im: number): Complex {
  return { re, im };
}

/** repr(z) == str(z): '(1+2j)', '2j', '-2j', '(-0-0j)', '(nan+infj)', '(1e+16+1j)'. */
export function complexRepr(z: Complex): string {
  if (z.re === 0 && !signBit(z.re)) return doubleToString(z.im, 'r', 0) + 'j';
  return '(' + doubleToString(z.re, 'r', 0) + doubleToString(z.im, 'r', 0, { sign: true }) + 'j)';
}

/** a + b */
export function complexAdd(a: Complex, b: Complex): Complex {
  return c(a.re + b.re, a.im + b.im);
}

/** a - b */
export function complexSub(a: Complex, b: Complex): Complex {
  return c(a.re - b.re, a.im - b.im);
}

/** -a */
export function complexNeg(a: Complex): Complex {
  return c(-a.re, -a.im);
}

/** a * b (_Py_c_prod: the textbook formula, no IEEE special-casing). */
export function complexMul(a: Complex, b: Complex): Complex {
  return c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}

/** _Py_c_quot; null where CPython sets errno = EDOM (division by zero). */
function quot(a: Complex, b: Complex): Complex | null {
  const absBr = Math.abs(b.re);
  const absBi = Math.abs(b.im);
  if (absBr >= absBi) {
    if (absBr === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom);
  }
  return c(NaN, NaN); // a NaN in b
}

/** a / b; ZeroDivisionError "complex division by zero". */
export function complexDiv(a: Complex, b: Complex): Complex {
  const r = quot(a, b);
  if (r === null) throw new NumericError('ZeroDivisionError', 'complex division by zero');
  return r;
}

const ONE: Complex = c(1, 0);

/** c_powu: x**n for n >= 1 by repeated squaring, in CPython's multiplication order. */
function powu(x: Complex, n: number): Complex {
  let r = ONE;
  let p = x;
  for (let mask = 1; mask <= n; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = complexMul(r, p);
    p = complexMul(p, p);
  }
  return r;
}

type PowOutcome = { readonly z: Complex; readonly edom: boolean };

/** _Py_c_pow: the polar-form power, with its EDOM cases. */
function polarPow(a: Complex, b: Complex): PowOutcome {
  if (b.re === 0 && b.im === 0) return { z: ONE, edom: false };
  if (a.re === 0 && a.im === 0) return { z: c(0, 0), edom: b.im !== 0 || b.re < 0 };
  const vabs = crHypot(a.re, a.im);
  let len = crPow(vabs, b.re);
  const at = crAtan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= crExp(at * b.im);
    phase += b.im * crLog(vabs);
  }
  // cos/sin of an infinite phase set errno = EDOM in C.
  const edom = phase === Infinity || phase === -Infinity;
  return { z: c(len * crCos(phase), len * crSin(phase)), edom };
}

/**
 * a ** b (complex_pow). ZeroDivisionError "0.0 to a negative or complex power" for a zero
 * base with a negative or complex exponent; OverflowError "complex exponentiation" when a
 * part of the result is infinite.
 */
export function complexPow(a: Complex, b: Complex): Complex {
  let out: PowOutcome;
  if (b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100) {
    const n = b.re;
    if (n > 0) out = { z: powu(a, n), edom: false };
    else {
      const q = quot(ONE, n === 0 ? ONE : powu(a, -n));
      out = q === null ? { z: c(0, 0), edom: true } : { z: q, edom: false };
    }
  } else {
    out = polarPow(a, b);
  }
  if (out.edom) throw new NumericError('ZeroDivisionError', '0.0 to a negative or complex power');
  const { re, im } = out.z;
  if (re === Infinity || re === -Infinity || im === Infinity || im === -Infinity) {
    throw new NumericError('OverflowError', 'complex exponentiation');
  }
  return out.z;
}

/** abs(z): hypot with C99's infinities; OverflowError "absolute value too large". */
export function complexAbs(z: Complex): number {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    if (z.re === Infinity || z.re === -Infinity) return Infinity;
    if (z.im === Infinity || z.im === -Infinity) return Infinity;
    return NaN;
  }
  const r = crHypot(z.re, z.im);
  if (r === Infinity) throw new NumericError('OverflowError', 'absolute value too large');
  return r;
}

/** The imaginary-part multiplier of complex hashes (sys.hash_info.imag). */
const HASH_IMAG = 1000003n;

/** hash(z): hash(re) + 1000003 * hash(im) in wrapping 64-bit arithmetic, -1 -> -2. */
export function complexHash(z: Complex): PyInt {
  const h = BigInt.asIntN(64, toBig(floatHash(z.re)) + HASH_IMAG * toBig(floatHash(z.im)));
  return h === -1n ? -2 : normInt(h);
}

/**
 * complex(s) for a str. ValueError "complex() arg is a malformed string", or
 * "could not convert string to complex: 's'" when underscores are misplaced.
 * Accepts <float>, <float>j, <float><signed float>j, <float><sign>j, <sign>j, j,
 * optionally in parentheses, with surrounding whitespace.
 */
export function complexFromString(s: string): Complex {
  const t = removeUnderscores(transformDecimalAndSpace(s));
  if (t === null) throw new NumericError('ValueError', `could not convert string to complex: ${pyStrRepr(s)}`);
  const malformed = (): NumericError => new NumericError('ValueError', 'complex() arg is a malformed string');
  const n = t.length;
  let i = 0;
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  let bracket = false;
  if (t[i] === '(') {
    bracket = true;
    i++;
    while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  }
  let x = 0;
  let y = 0;
  const isJ = (k: number): boolean => t[k] === 'j' || t[k] === 'J';
  const first = parseFloatPrefix(t, i);
  if (first.end !== i) {
    i = first.end;
    if (t[i] === '+' || t[i] === '-') {
      x = first.value;
      const second = parseFloatPrefix(t, i);
      if (second.end !== i) {
        y = second.value;
        i = second.end;
      } else {
        y = t[i] === '+' ? 1 : -1;
        i++;
      }
      if (!isJ(i)) throw malformed();
      i++;
    } else if (isJ(i)) {
      i++;
      y = first.value;
    } else {
      x = first.value;
    }
  } else {
    if (t[i] === '+' || t[i] === '-') {
      y = t[i] === '+' ? 1 : -1;
      i++;
    } else {
      y = 1;
    }
    if (!isJ(i)) throw malformed();
    i++;
  }
  while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  if (bracket) {
    if (t[i] !== ')') throw malformed();
    i++;
    while (i < n && isAsciiSpace(t.charCodeAt(i))) i++;
  }
  if (i !== n) throw malformed();
  return c(x, y);
}

/**
 * format(z, spec) (format_complex_internal): types e E f F g G n and none; no '%',
 * no zero padding ("Zero padding is not allowed in complex format specifier"), no '='.
 * Without a type it looks like str(z) (parentheses unless the real part is +0.0).
 */
export function formatComplex(z: Complex, spec: string, typeName = 'complex'): string {
  if (spec.length === 0) return complexRepr(z);
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
      break;
    default:
      throw unknownFormatCode(f.type, typeName);
  }
  const r = floatRendering(f, true);
  if (f.fill === '0') throw new NumericError('ValueError', 'Zero padding is not allowed in complex format specifier');
  if (f.align === '=') {
    throw new NumericError('ValueError', "'=' alignment flag is not allowed in complex format specifier");
  }
  let skipRe = false;
  let parens = false;
  if (f.type === '') {
    if (z.re === 0 && !signBit(z.re)) skipRe = true;
    else parens = true;
  }
  const flags = { alt: f.alternate, noNeg0: f.noNeg0 };
  const reText = doubleToString(z.re, r.code, r.precision, flags);
  const imText = doubleToString(z.im, r.code, r.precision, flags);
  const grouping = f.type === 'n' ? 'none' : f.grouping;
  // Each part without padding; the imaginary one always signed unless it stands alone.
  const bare: Pick<FormatSpec, 'fill' | 'align' | 'sign' | 'width'> = { fill: ' ', align: '<', sign: f.sign, width: -1 };
  const part = (text: string, sign: FormatSpec['sign']): string => {
    const negative = text[0] === '-';
    return layoutNumber(splitNumber(negative ? text.slice(1) : text, negative), { ...bare, sign }, grouping, false);
  };
  const re = skipRe ? '' : part(reText, f.sign);
  const im = part(imText, skipRe ? f.sign : '+');
  const body = (parens ? '(' : '') + re + im + 'j' + (parens ? ')' : '');
  return padField(body, body.length, f.width, f.align, f.fill);
}
