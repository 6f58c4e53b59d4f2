/**
 * Reading the CPython oracle fixtures written by scripts/gen-numeric-fixtures.py, and
 * comparing results with them. The encoding is documented at the top of that script.
 *
 * Tests collect every mismatch of a fixture section and assert the list is empty, so one
 * failing case shows its inputs, our result and CPython's.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NumericError, PyInt, normInt } from '../../src/interp/numeric/errors.js';
import { bitsToDouble, doubleToBits } from '../../src/interp/numeric/bits.js';

/** An encoded fixture value. */
export type Enc = string | null | Enc[] | { t: Enc[] } | { d: [string, Enc][] } | { l: Enc[] };

/** The parsed JSON of tests/numeric/fixtures/<name>. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadFixture(name: string): any {
  const url = new URL(`./fixtures/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}

/** 'i:123' -> canonical int */
export function decInt(e: Enc): PyInt {
  if (typeof e !== 'string' || !e.startsWith('i:')) throw new Error(`not an int: ${JSON.stringify(e)}`);
  return normInt(BigInt(e.slice(2)));
}

/** 'f:<bits>' -> float */
export function decFloat(e: Enc): number {
  if (typeof e !== 'string' || !e.startsWith('f:')) throw new Error(`not a float: ${JSON.stringify(e)}`);
  return bitsToDouble(BigInt('0x' + e.slice(2)));
}

/** 's:text' -> text */
export function decStr(e: Enc): string {
  if (typeof e !== 'string' || !e.startsWith('s:')) throw new Error(`not a str: ${JSON.stringify(e)}`);
  return e.slice(2);
}

/** 'c:<bits>:<bits>' -> {re, im} */
export function decComplex(e: Enc): { re: number; im: number } {
  if (typeof e !== 'string' || !e.startsWith('c:')) throw new Error(`not a complex: ${JSON.stringify(e)}`);
  const [, a, b] = e.split(':');
  return { re: bitsToDouble(BigInt('0x' + a)), im: bitsToDouble(BigInt('0x' + b)) };
}

function sha1(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 20);
}

function isCanonicalInt(v: unknown): v is PyInt {
  if (typeof v === 'bigint') return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER);
  return typeof v === 'number' && Number.isSafeInteger(v) && !Object.is(v, -0);
}

function sameFloat(a: unknown, b: number): boolean {
  if (typeof a !== 'number') return false;
  if (Number.isNaN(b)) return Number.isNaN(a);
  return doubleToBits(a) === doubleToBits(b);
}

/** Why `actual` does not match the encoded expected value, or null when it does. */
export function mismatch(actual: unknown, expected: Enc): string | null {
  if (typeof expected === 'string') {
    const tag = expected.slice(0, 2);
    const body = expected.slice(2);
    switch (tag) {
      case 'i:':
        if (!isCanonicalInt(actual)) return `expected canonical int ${body}, got ${show(actual)}`;
        return String(actual) === body ? null : `expected ${body}, got ${show(actual)}`;
      case 'h:':
        if (!isCanonicalInt(actual)) return `expected canonical int, got ${show(actual)}`;
        return sha1(String(actual)) === body ? null : `int hash mismatch for ${show(actual)}`;
      case 'f:':
        return sameFloat(actual, decFloat(expected)) ? null : `expected float ${decFloat(expected)}, got ${show(actual)}`;
      case 's:':
        return actual === body ? null : `expected ${JSON.stringify(body)}, got ${show(actual)}`;
      case 'H:':
        return typeof actual === 'string' && sha1(actual) === body ? null : `str hash mismatch for ${show(actual)}`;
      case 'B:':
        return actual === (body === 'True') ? null : `expected ${body}, got ${show(actual)}`;
      case 'c:': {
        const c = decComplex(expected);
        const a = actual as { re?: unknown; im?: unknown } | null;
        if (a === null || typeof a !== 'object') return `expected complex, got ${show(actual)}`;
        return sameFloat(a.re, c.re) && sameFloat(a.im, c.im) ? null : `expected (${c.re}, ${c.im}), got ${show(actual)}`;
      }
      case 'b:': {
        if (!(actual instanceof Uint8Array)) return `expected bytes, got ${show(actual)}`;
        return Buffer.from(actual).toString('hex') === body ? null : `expected bytes ${body}, got ${show(actual)}`;
      }
      default:
        throw new Error(`bad fixture tag ${expected}`);
    }
  }
  if (expected === null) return actual === null || actual === undefined ? null : `expected None, got ${show(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `expected tuple, got ${show(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i]!);
      if (m !== null) return `[${i}]: ${m}`;
    }
    return null;
  }
  throw new Error('bad expected value');
}

/** JSON-ish text of a value for failure messages (bigints and -0 kept visible). */
export function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v instanceof Uint8Array) return `bytes(${Buffer.from(v).toString('hex')})`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${show(x)}`).join(', ')}}`;
  return String(v);
}

/**
 * Run `f` and compare with the encoded expectation (a value or "E:Kind:message").
 * Returns a failure description, or null.
 */
export function check(label: string, f: () => unknown, expected: Enc): string | null {
  const err = typeof expected === 'string' && expected.startsWith('E:') ? expected.slice(2) : null;
  let actual: unknown;
  try {
    actual = f();
  } catch (e) {
    // NumericError, or a test double's Python exception (an Error with a `kind`).
    const kind = e instanceof NumericError ? e.kind : (e as { kind?: unknown }).kind;
    if (!(e instanceof Error) || typeof kind !== 'string') return `${label}: threw ${show(e)}`;
    const got = `${kind}:${e.message}`;
    return got === err ? null : `${label}: raised ${got}, expected ${err ?? JSON.stringify(expected)}`;
  }
  if (err !== null) return `${label}: returned ${show(actual)}, expected ${err}`;
  const m = mismatch(actual, expected);
  return m === null ? null : `${label}: ${m}`;
}

/** Collects failures; `done()` gives at most `max` of them for the assertion. */
export class Failures {
  readonly list: string[] = [];
  count = 0;
  add(f: string | null): void {
    if (f !== null) {
      this.count++;
      if (this.list.length < 25) this.list.push(f);
    }
  }
  done(): string[] {
    return this.count > this.list.length ? [...this.list, `... ${this.count} failures in all`] : this.list;
  }
}
