// int's methods and constructors against CPython 3.11 fixtures (scripts/gen-int-fixtures.py):
// every call of METHOD_CALLS made natively through rt_call on the method objects of
// typedict_int (mfn_int_<name>) and on the type objects int and bool, plus to_bytes and
// from_bytes over many values.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BYTES, EXC, OBJ_TAG_BITS, PAYLOAD_MASK } from '../../src/native/layout.js';
import { loadRuntime, type Rt } from './harness.js';

type Val =
  | { int: string } | { bool: boolean } | { float: string } | { bytes: string } | { str: string } | { none: true }
  | { class: 'int' | 'bool' } | { tuple: Val[] } | { list: Val[] };
type Outcome = { ok?: Val; exc?: string; msg?: string };
type Call = { name: string; target: Val; method: string | null; args: Val[]; kwargs: Record<string, Val> } & Outcome;

const fixture = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

let rt: Rt;
beforeAll(() => {
  rt = loadRuntime();
});
afterAll(() => rt.dispose());

const hexBytes = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));

function bytesValue(data: Uint8Array): bigint {
  const p = rt.call('rt_alloc', BigInt(BYTES.data + data.length + 1), rt.addr('type_bytes'));
  rt.img.writeU64(p + BigInt(BYTES.length), BigInt(data.length));
  rt.img.writeU64(p + BigInt(BYTES.hash), -1n);
  if (data.length > 0) rt.img.write(p + BigInt(BYTES.data), data);
  return p | OBJ_TAG_BITS;
}

function toWord(v: Val): bigint {
  if ('int' in v) return rt.bigint(BigInt(v.int));
  if ('bool' in v) return v.bool ? rt.true : rt.false;
  if ('float' in v) return BigInt(`0x${v.float}`);
  if ('bytes' in v) return bytesValue(hexBytes(v.bytes));
  if ('str' in v) return rt.str(v.str);
  if ('none' in v) return rt.none;
  if ('class' in v) return rt.addr(`type_${v.class}`) | OBJ_TAG_BITS;
  if ('list' in v && v.list.length === 0) return rt.call('rt_list_new', 0n);
  throw new Error(`no native value for ${JSON.stringify(v)}`);
}

function fromWord(w: bigint): Val {
  const name = rt.typeName(w);
  if (name === 'bytes') {
    const p = w & PAYLOAD_MASK;
    const n = Number(rt.img.readU64(p + BigInt(BYTES.length)));
    return { bytes: Array.from(rt.img.read(p + BigInt(BYTES.data), n), (b) => b.toString(16).padStart(2, '0')).join('') };
  }
  if (name === 'float') return { float: w.toString(16).padStart(16, '0') };
  if (name === 'tuple') {
    const d = rt.decode(w) as { tuple: unknown[] };
    return { tuple: d.tuple.map((_, i) => fromWord(rt.img.readU64((w & PAYLOAD_MASK) + 24n + 8n * BigInt(i)))) };
  }
  const d = rt.decode(w);
  if (typeof d === 'bigint') return { int: d.toString() };
  if (typeof d === 'boolean') return { bool: d };
  if (typeof d === 'string') return { str: d };
  throw new Error(`unexpected result ${name}`);
}

/** rt_call(f, args, n, kwnames) with the words in scratch memory. */
function call(f: bigint, pos: bigint[], kw: [string, bigint][]): bigint {
  const words = [...pos, ...kw.map(([, v]) => v)];
  const at = rt.scratch + 512n * 1024n;
  words.forEach((w, i) => rt.img.writeU64(at + 8n * BigInt(i), w));
  let kwnames = 0n;
  if (kw.length > 0) {
    const t = rt.call('rt_tuple_alloc', BigInt(kw.length));
    kw.forEach(([k], i) => rt.img.writeU64(t + 24n + 8n * BigInt(i), rt.str(k)));
    kwnames = t | OBJ_TAG_BITS;
  }
  return rt.call('rt_call', f, at, BigInt(words.length), kwnames);
}

function outcome(w: bigint): Outcome {
  if (w === EXC) {
    const e = rt.raised() as { exc: string; args: unknown[] };
    return { exc: e.exc, msg: e.args.length === 0 ? '' : String(e.args[0]) };
  }
  return { ok: fromWord(w) };
}

describe('int methods, int() and bool()', () => {
  test('fixture calls', () => {
    for (const c of fixture<Call>('int-methods.json')) {
      const target = toWord(c.target);
      const args = c.args.map(toWord);
      const kw = Object.entries(c.kwargs).map(([k, v]) => [k, toWord(v)] as [string, bigint]);
      let w: bigint;
      if (c.method === null) w = call(target, args, kw);
      else {
        const m = rt.addr(`mfn_int_${c.method}`) | OBJ_TAG_BITS;
        const isClass = 'class' in c.target;
        w = call(m, isClass && c.method !== 'from_bytes' ? args : [target, ...args], kw);
      }
      const want = c.exc !== undefined ? { exc: c.exc, msg: c.msg } : { ok: c.ok };
      const got = outcome(w);
      // The message quotes repr(bytes), which needs the bytes area's rt_repr_bytes.
      if (c.name === 'new_bytes_bad' && !rt.img.link.addresses.has('rt_repr_bytes')) {
        expect(got.exc).toBe(c.exc);
        continue;
      }
      expect({ name: c.name, ...got }).toEqual({ name: c.name, ...want });
    }
  });

  test('to_bytes over many values, lengths, orders and signedness', () => {
    const m = rt.addr('mfn_int_to_bytes') | OBJ_TAG_BITS;
    for (const c of fixture<{ v: string; length: number; order: string; signed: boolean } & { ok?: string; exc?: string; msg?: string }>('int-to-bytes.json')) {
      const w = call(m, [rt.bigint(BigInt(c.v)), rt.bigint(BigInt(c.length)), rt.str(c.order)], [['signed', c.signed ? rt.true : rt.false]]);
      const got = w === EXC ? outcome(w) : { ok: (fromWord(w) as { bytes: string }).bytes };
      expect({ ...c, ...got }).toEqual({ ...c });
    }
  });

  test('from_bytes over many byte strings, orders and signedness', () => {
    const m = rt.addr('mfn_int_from_bytes') | OBJ_TAG_BITS;
    const cls = rt.addr('type_int') | OBJ_TAG_BITS;
    for (const c of fixture<{ data: string; order: string; signed: boolean; ok?: string }>('int-from-bytes.json')) {
      const w = call(m, [cls, bytesValue(hexBytes(c.data)), rt.str(c.order)], [['signed', c.signed ? rt.true : rt.false]]);
      expect({ ...c, ok: String(rt.decode(w)) }).toEqual(c);
    }
  });

  test('the method objects are in int\'s type dict', () => {
    const dict = rt.img.readU64(rt.addr('type_int') + 56n);
    expect(rt.typeName(dict)).toBe('dict');
    for (const name of ['bit_length', 'to_bytes', 'from_bytes', '__round__', '__format__']) {
      expect(rt.typeName(rt.addr(`mfn_int_${name}`) | OBJ_TAG_BITS)).toBe('builtin_function_or_method');
    }
  });
});
