/**
 * The few Unicode facts the numeric parsers and formatters need, as CPython 3.11 defines
 * them: decimal digit values (Unicode general category Nd), whitespace
 * (Py_UNICODE_ISSPACE), printability for str repr (Py_UNICODE_ISPRINTABLE), and
 * code-point counting (a JS string holds astral characters as surrogate pairs; Python
 * counts code points).
 *
 * Known difference: Node's ICU may know a newer Unicode version than CPython 3.11
 * (Unicode 14.0), so digits/printables added after 14.0 are classified by Node's tables.
 */

const ND = /^\p{Nd}$/u;
const NONPRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's str.isspace for one code point (Py_UNICODE_ISSPACE: bidi WS/B/S or Zs). */
export function isPySpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x1f);
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** C's isspace in the "C" locale, which CPython's number parsers use (Py_ISSPACE). */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Decimal value 0..9 of a code point with Unicode category Nd, else -1
 * (Py_UNICODE_TODECIMAL). Nd characters come in contiguous runs of whole 0..9 blocks
 * (a Unicode stability guarantee), so the value is the offset from the run start mod 10.
 */
export function decimalValue(cp: number): number {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : -1;
  if (!ND.test(String.fromCodePoint(cp))) return -1;
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII kept, other whitespace -> ' ',
 * other decimal digits -> '0'..'9'; the first other character becomes '?' and ends the
 * result (the parsers then fail on it).
 */
export function transformDecimalAndSpace(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else {
      const d = decimalValue(cp);
      if (d < 0) return out + '?';
      out += String.fromCharCode(48 + d);
    }
  }
  return out;
}

/** Number of code points in s (Python's len). */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first n code points of s (Python's s[:n] for n >= 0). */
export function cpPrefix(s: string, n: number): string {
  let i = 0;
  let k = 0;
  while (k < n && i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
    k++;
  }
  return s.slice(0, i);
}

/** Python's str.isprintable for one code point. */
export function isPrintable(cp: number): boolean {
  if (cp === 32) return true;
  if (cp < 127) return cp > 32;
  return !NONPRINTABLE.test(String.fromCodePoint(cp));
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** repr() of a Python str, as CPython's unicode_repr writes it (used in error messages). */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp === quote.charCodeAt(0) || cp === 92) out += '\\' + String.fromCharCode(cp);
    else if (cp === 9) out += '\\t';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp < 32 || cp === 127) out += '\\x' + hex(cp, 2);
    else if (cp < 127) out += String.fromCharCode(cp);
    else if (isPrintable(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x100) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** repr() truncated like CPython's "%.200R" (to n code points). */
export function pyStrReprTrunc(s: string, n: number): string {
  return cpPrefix(pyStrRepr(s), n);
}
