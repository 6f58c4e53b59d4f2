// Runtime core: str creation and output encoding, the string builder, exceptions with
// formatted messages, repr dispatch through type slots, calls of non-callables.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

describe('str core', () => {
  test.each(['', 'hello', 'héllo wörld', 'snow ☃ man', 'emoji 😀 and ÿ', '\u0000nul'])('utf-8 round trip %j', (text) => {
    const v = rt.str(text);
    expect(rt.decode(v)).toBe(text);
  });

  test('kinds and ascii flag follow the widest code point', () => {
    const kindOf = (t: string) => rt.img.read((rt.str(t) & 0xffff_ffff_ffffn) + 32n, 2);
    expect(Array.from(kindOf('abc'))).toEqual([1, 1]);
    expect(Array.from(kindOf('ÿ'))).toEqual([1, 0]);
    expect(Array.from(kindOf('☃'))).toEqual([2, 0]);
    expect(Array.from(kindOf('😀'))).toEqual([4, 0]);
  });

  test('malformed utf-8 decodes to U+FFFD per bad byte', () => {
    const bytes = new Uint8Array([0x61, 0xff, 0xc3, 0x62, 0xe2, 0x98]);
    rt.img.write(rt.scratch, bytes);
    expect(rt.decode(rt.call('rt_str_from_utf8', rt.scratch, BigInt(bytes.length)))).toBe('a\ufffd\ufffdb\ufffd\ufffd');
  });

  test('rt_str_encode_utf8 stops before a code point that does not fit', () => {
    const v = rt.str('aé☃😀z');
    const dst = rt.scratch + 4096n;
    const r = rt.call('rt_str_encode_utf8', v, 0n, dst, 64n);
    expect(new TextDecoder().decode(rt.img.read(dst, Number(r)))).toBe('aé☃😀z');
    // Capacity 6: a code point is only started while 4 bytes of room remain, so 'a' and 'é'
    // (3 bytes) go in and the snowman waits for the next call.
    const cut = rt.call('rt_str_encode_utf8', v, 0n, dst, 6n);
    expect(new TextDecoder().decode(rt.img.read(dst, Number(cut)))).toBe('aé');
  });

  test('string builder widens as code points arrive', () => {
    let b = rt.call('rt_sb_new', 0n);
    b = rt.call('rt_sb_append_cstr', b, rt.cstr('ab'));
    b = rt.call('rt_sb_append_cp', b, 0xe9n);
    b = rt.call('rt_sb_append_str', b, rt.str('☃x'));
    for (let i = 0; i < 100; i++) b = rt.call('rt_sb_append_cp', b, BigInt(0x30 + (i % 10)));
    b = rt.call('rt_sb_append_cp', b, 0x1f600n);
    const s = rt.call('rt_sb_finish', b);
    expect(rt.decode(s)).toBe(`abé☃x${'0123456789'.repeat(10)}😀`);
  });
});

describe('formatting and exceptions', () => {
  test.each([0n, 7n, -7n, 1234567890123n, 9223372036854775807n, -9223372036854775808n])('rt_fmt_i64 %s', (n) => {
    const dst = rt.scratch + 8192n;
    const len = rt.call('rt_fmt_i64', dst, BigInt.asUintN(64, n));
    expect(new TextDecoder().decode(rt.img.read(dst, Number(len)))).toBe(n.toString());
  });

  test.each([0n, 1n, 0xabcn, 0x7fff_0000_1234n, 0xffff_ffff_ffff_ffffn])('rt_fmt_hex %s', (n) => {
    const dst = rt.scratch + 8192n;
    const len = rt.call('rt_fmt_hex', dst, n);
    expect(new TextDecoder().decode(rt.img.read(dst, Number(len)))).toBe(`0x${n.toString(16)}`);
  });

  test('rt_raise_fmt: %s %U %T %N and %%', () => {
    const fmt = rt.cstr('%s|%U|%T|%N|100%%');
    const r = rt.call('rt_raise_fmt', rt.addr('type_ValueError'), fmt, rt.cstr('cs'), rt.str('ü'), rt.float(1.5), rt.addr('type_int'));
    expect(r).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'ValueError', args: ['cs|ü|float|int|100%'] });
  });

  test('rt_raise_fmt: %d and %R', () => {
    rt.call('rt_raise_fmt', rt.addr('type_TypeError'), rt.cstr('n=%d r=%R'), BigInt.asUintN(64, -42n), rt.none);
    expect(rt.raised()).toEqual({ exc: 'TypeError', args: ['n=-42 r=None'] });
  });

  test('rt_raise of a class instantiates it; of a non-exception raises TypeError', () => {
    expect(rt.call('rt_raise', rt.addr('type_KeyError') | 0xfffc_0000_0000_0000n)).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'KeyError', args: [] });
    expect(rt.call('rt_raise', rt.int(3))).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'TypeError', args: ['exceptions must derive from BaseException'] });
  });

  test('calling a non-callable raises CPython\'s TypeError', () => {
    expect(rt.call('rt_call', rt.int(1), 0n, 0n, 0n)).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'TypeError', args: ["'int' object is not callable"] });
  });
});

describe('repr through type slots', () => {
  test('singletons, bool, type objects', () => {
    expect(rt.decode(rt.call('rt_repr', rt.none))).toBe('None');
    expect(rt.decode(rt.call('rt_repr', rt.true))).toBe('True');
    expect(rt.decode(rt.call('rt_repr', rt.false))).toBe('False');
    expect(rt.decode(rt.call('rt_repr', rt.addr('type_ZeroDivisionError') | 0xfffc_0000_0000_0000n))).toBe("<class 'ZeroDivisionError'>");
  });

  test('tuples and exceptions', () => {
    const t = rt.call('rt_tuple_pack3', rt.none, rt.true, rt.call('rt_tuple_pack1', rt.false));
    expect(rt.decode(rt.call('rt_repr', t))).toBe('(None, True, (False,))');
    const e = rt.call('rt_exc_new', rt.addr('type_ValueError'), rt.call('rt_tuple_pack2', rt.none, rt.true));
    expect(rt.decode(rt.call('rt_repr', e))).toBe('ValueError(None, True)');
    expect(rt.decode(rt.call('rt_str', e))).toBe('(None, True)');
    const e1 = rt.call('rt_exc_new', rt.addr('type_KeyError'), rt.call('rt_tuple_pack1', rt.none));
    expect(rt.decode(rt.call('rt_repr', e1))).toBe('KeyError(None)');
    const e0 = rt.call('rt_exc_new', rt.addr('type_StopIteration'), rt.addr('obj_empty_tuple') | 0xfffc_0000_0000_0000n);
    expect(rt.decode(rt.call('rt_repr', e0))).toBe('StopIteration()');
    expect(rt.decode(rt.call('rt_str', e0))).toBe('');
  });

  test('deep nesting raises RecursionError instead of overflowing', () => {
    let t = rt.none;
    for (let i = 0; i < 1200; i++) t = rt.call('rt_tuple_pack1', t);
    expect(rt.call('rt_repr', t)).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'RecursionError', args: ['maximum recursion depth exceeded while getting the repr of an object'] });
    // Depth back to 0: the room left is the whole limit (protocol.ts rt_recursion_room).
    expect(rt.img.readU64(rt.addr('rt_recursion_room'))).toBe(rt.img.readU64(rt.addr('rt_recursion_limit')));
  });
});

describe('generic protocol', () => {
  test('rt_hash: small ints hash to themselves (-1 -> -2); unhashable raises', () => {
    expect(BigInt.asIntN(64, rt.call('rt_hash', rt.int(12345)))).toBe(12345n);
    expect(BigInt.asIntN(64, rt.call('rt_hash', rt.int(-1)))).toBe(-2n);
    expect(BigInt.asIntN(64, rt.call('rt_hash', rt.int(-(2n ** 47n))))).toBe(-(2n ** 47n));
    const h1 = rt.call('rt_hash', rt.none);
    expect(h1).toBe(rt.call('rt_hash', rt.none));
  });

  test('rt_truthy on numbers and singletons', () => {
    const t = (w: bigint) => Number(BigInt.asIntN(32, rt.call('rt_truthy', w) & 0xffffffffn));
    expect([t(rt.int(0)), t(rt.int(5)), t(rt.int(-1)), t(rt.float(0)), t(rt.float(-0)), t(rt.float(0.1)), t(rt.float(NaN))]).toEqual([0, 1, 1, 0, 0, 1, 1]);
    expect([t(rt.none), t(rt.true), t(rt.false)]).toEqual([0, 1, 0]);
    expect(t(rt.call('rt_tuple_pack1', rt.none))).toBe(1); // no bool/len slot on tuple yet: true
  });

  test('rt_eq: identity, small ints, floats, fallback to identity', () => {
    const eq = (x: bigint, y: bigint) => Number(BigInt.asIntN(32, rt.call('rt_eq', x, y) & 0xffffffffn));
    expect(eq(rt.int(3), rt.int(3))).toBe(1);
    expect(eq(rt.int(3), rt.int(4))).toBe(0);
    expect(eq(rt.float(0), rt.float(-0))).toBe(1);
    expect(eq(rt.float(1.5), rt.float(2.5))).toBe(0);
    expect(eq(rt.none, rt.none)).toBe(1);
    expect(eq(rt.none, rt.true)).toBe(0);
  });

  test('rt_richcompare: ordering unsupported types raises CPython\'s TypeError', () => {
    expect(rt.call('rt_richcompare', rt.none, rt.none, 0n)).toBe(EXC);
    expect(rt.raised()).toEqual({ exc: 'TypeError', args: ["'<' not supported between instances of 'NoneType' and 'NoneType'"] });
    expect(rt.decode(rt.call('rt_richcompare', rt.none, rt.none, 2n))).toBe(true);
    expect(rt.decode(rt.call('rt_richcompare', rt.none, rt.true, 3n))).toBe(true);
  });
});
