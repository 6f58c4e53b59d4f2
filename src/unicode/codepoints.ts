// Code point iteration over JS strings.
//
// Role: the one place src/unicode turns a JS string (UTF-16) into the code point
// sequence Python sees. A valid surrogate pair is one astral code point; a lone
// surrogate stays a code point of its own (U+D800-U+DFFF), as in a Python str.

/** The code points of a JS string. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    out.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}

/** True when every UTF-16 unit is below 0x80. */
export function isAsciiString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
