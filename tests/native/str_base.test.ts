// str runtime base (runtime/core/strbase.ts): canonical construction, the static
// 1-character strs, kind conversion, hashing against layout.ts strHash, equality and
// ordering against JavaScript's code point order, raw substring search.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OBJ_TAG_BITS, PAYLOAD_MASK, STR, strHash } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

const cps = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
const kindOf = (v: bigint) => rt.img.read((v & PAYLOAD_MASK) + BigInt(STR.kind), 2);
const dataOf = (v: bigint) => (v & PAYLOAD_MASK) + BigInt(STR.data);

/** Write code points of kind k into scratch memory; returns the address. */
function putCps(list: number[], k: 1 | 2 | 4, at = 65536n): bigint {
  const buf = new Uint8Array(list.length * k + 8);
  const dv = new DataView(buf.buffer);
  list.forEach((c, i) => (k === 1 ? dv.setUint8(i, c) : k === 2 ? dv.setUint16(2 * i, c, true) : dv.setUint32(4 * i, c, true)));
  const addr = rt.scratch + at;
  rt.img.write(addr, buf);
  return addr;
}

const SAMPLES = ['', 'a', 'abc', 'hello world, this is longer than sixteen bytes', 'é', 'ÿ€', 'snow ☃ man', 'emoji 😀 x', '\u0000', 'aé', '日本語テキスト', 'x'.repeat(37) + '😀'];

describe('construction', () => {
  test.each(SAMPLES)('rt_str_new_from narrows %j from every kind', (text) => {
    const list = cps(text);
    const max = list.reduce((m, c) => Math.max(m, c), 0);
    const want = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    for (const k of [1, 2, 4] as const) {
      if (k < want) continue;
      const v = rt.call('rt_str_new_from', putCps(list, k), BigInt(list.length), BigInt(k));
      expect(rt.decode(v)).toBe(text);
      expect(Array.from(kindOf(v))).toEqual([want, max < 0x80 ? 1 : 0]);
    }
  });

  test('empty and Latin-1 single characters are static', () => {
    expect(rt.call('rt_str_new_from', putCps([], 1), 0n, 1n)).toBe(rt.img.readU64(rt.addr('const_str_empty')));
    const a1 = rt.call('rt_str_new_from', putCps([0xe9], 4), 1n, 4n);
    const a2 = rt.call('rt_str_char', 0xe9n);
    expect(a1).toBe(a2);
    expect(a1).toBe((rt.addr('str_chars') + 0xe9n * 48n) | OBJ_TAG_BITS);
    expect(rt.decode(rt.call('rt_str_char', 0x263an))).toBe('☺');
    expect(rt.decode(rt.call('rt_str_char', 0x1f600n))).toBe('😀');
    for (let cp = 0; cp < 256; cp++) expect(rt.decode(rt.call('rt_str_char', BigInt(cp)))).toBe(String.fromCodePoint(cp));
  });

  test('rt_str_substr re-narrows and returns the str itself when whole', () => {
    const s = rt.str('ab☃cd');
    expect(rt.call('rt_str_substr', s, 0n, 5n)).toBe(s);
    const ab = rt.call('rt_str_substr', s, 0n, 2n);
    expect(rt.decode(ab)).toBe('ab');
    expect(Array.from(kindOf(ab))).toEqual([1, 1]);
    expect(rt.decode(rt.call('rt_str_substr', s, 2n, 4n))).toBe('☃c');
    expect(rt.call('rt_str_substr', s, 3n, 3n)).toBe(rt.img.readU64(rt.addr('const_str_empty')));
  });

  test('rt_str_copy_cps converts between all kinds', () => {
    const list = [0x41, 0xe9, 0x7f];
    for (const sk of [1, 2, 4] as const) {
      for (const dk of [1, 2, 4] as const) {
        const src = putCps(list, sk);
        const dst = rt.scratch + 131072n;
        rt.call('rt_str_copy_cps', dst, BigInt(dk), src, BigInt(sk), 3n);
        const b = rt.img.read(dst, 3 * dk);
        const dv = new DataView(b.buffer, b.byteOffset);
        const got = [0, 1, 2].map((i) => (dk === 1 ? dv.getUint8(i) : dk === 2 ? dv.getUint16(2 * i, true) : dv.getUint32(4 * i, true)));
        expect(got).toEqual(list);
      }
    }
  });

  test('rt_str_orchars bounds the widest code point', () => {
    for (const list of [[], [1], [0x80, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x7f], Array(20).fill(0x41).concat([0x100]), [0x10ffff, 0]]) {
      const max = list.reduce((m, c) => Math.max(m, c), 0);
      const k = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
      const or = Number(rt.call('rt_str_orchars', putCps(list, k), BigInt(list.length), BigInt(k)));
      expect(or).toBe(list.reduce((m, c) => m | c, 0));
    }
  });
});

describe('hash, equality, ordering', () => {
  test.each(SAMPLES)('rt_hash_str equals strHash for %j', (text) => {
    const v = rt.str(text);
    expect(BigInt.asIntN(64, rt.call('rt_hash_str', v))).toBe(strHash(text));
    // cached the second time
    expect(BigInt.asIntN(64, rt.img.readU64((v & PAYLOAD_MASK) + BigInt(STR.hash)))).toBe(strHash(text));
    expect(BigInt.asIntN(64, rt.call('rt_hash_str', v))).toBe(strHash(text));
  });

  test('static strs are hashed without writing', () => {
    const v = rt.call('rt_str_char', 0x61n);
    expect(BigInt.asIntN(64, rt.call('rt_hash_str', v))).toBe(strHash('a'));
  });

  const pairs: [string, string][] = [];
  const pool = ['', 'a', 'b', 'aa', 'ab', 'abc', 'abd', 'Z', 'é', 'ée', '☃', '☃a', 'a☃', '😀', 'abcdefghijklmnop', 'abcdefghijklmnoq', 'abcdefghijklmnopq', 'x'.repeat(20) + 'é', 'x'.repeat(20) + '☃', '\uffff', '\u{10000}'];
  for (const x of pool) for (const y of pool) pairs.push([x, y]);

  test('rt_str_eq and rt_str_cmp agree with code point order on every pair', () => {
    const cmpJs = (x: string, y: string): number => {
      const a = cps(x);
      const b = cps(y);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
      return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
    };
    const vals = new Map(pool.map((p) => [p, rt.str(p)]));
    for (const [x, y] of pairs) {
      const a = vals.get(x)!;
      const b = rt.str(y);
      expect(Number(rt.call('rt_str_eq', a, b)), `${x} == ${y}`).toBe(x === y ? 1 : 0);
      expect(Number(BigInt.asIntN(32, rt.call('rt_str_cmp', a, b) & 0xffffffffn)), `${x} cmp ${y}`).toBe(cmpJs(x, y));
    }
  });
});

describe('raw search', () => {
  const cases: [string, string][] = [
    ['hello world', 'o'], ['hello world', 'world'], ['hello world', 'xyz'], ['aaaa', 'aa'], ['abababa', 'aba'],
    ['x'.repeat(40) + 'needle' + 'x'.repeat(40), 'needle'], ['☃☃a☃b', '☃b'], ['😀😀x😀', '😀'], ['ab', 'abc'], ['a'.repeat(100), 'a'.repeat(99) + 'b'],
    ['y'.repeat(33) + '☃', '☃'], ['éé' + 'z'.repeat(30) + 'é', 'é'],
  ];
  test.each(cases)('find/rfind in %j of %j', (hay, needle) => {
    const h = cps(hay);
    const n = cps(needle);
    const k = Math.max(...h, ...n) < 0x100 ? 1 : Math.max(...h, ...n) < 0x10000 ? 2 : 4;
    const ha = putCps(h, k as 1 | 2 | 4, 65536n);
    const na = putCps(n, k as 1 | 2 | 4, 262144n);
    const jsIndex = (from: 'first' | 'last') => {
      let r = -1;
      for (let i = 0; i + n.length <= h.length; i++) {
        if (n.every((c, j) => h[i + j] === c)) {
          r = i;
          if (from === 'first') break;
        }
      }
      return r;
    };
    expect(BigInt.asIntN(64, rt.call('rt_str_find_raw', ha, BigInt(h.length), na, BigInt(n.length), BigInt(k)))).toBe(BigInt(jsIndex('first')));
    expect(BigInt.asIntN(64, rt.call('rt_str_rfind_raw', ha, BigInt(h.length), na, BigInt(n.length), BigInt(k)))).toBe(BigInt(jsIndex('last')));
  });

  test('rt_str_memchr finds every position in every kind (vector and tail paths)', () => {
    for (const k of [1, 2, 4] as const) {
      for (const n of [1, 7, 8, 15, 16, 17, 40]) {
        const list = Array.from({ length: n }, (_, i) => (k === 1 ? 0x61 : k === 2 ? 0x3a3 : 0x1f600) + (i % 3));
        const addr = putCps(list, k);
        for (let pos = 0; pos < n; pos++) {
          const probe = [...list];
          const needle = k === 1 ? 0x7a : k === 2 ? 0x3b1 : 0x1f700;
          probe[pos] = needle;
          putCps(probe, k);
          expect(Number(rt.call('rt_str_memchr', addr, BigInt(n), BigInt(needle), BigInt(k)))).toBe(pos);
        }
        expect(BigInt.asIntN(64, rt.call('rt_str_memchr', addr, BigInt(n), 0x2n, BigInt(k)))).toBe(-1n);
      }
    }
  });
});
