// The native str runtime against CPython 3.11: every case of
// tests/native/fixtures/str_cases.json (scripts/gen-str-fixtures.py) replayed through
// the runtime's slots, method entries and builtins, results and exact error messages.
// Every str result is also checked to be canonical (narrowest kind, exact ascii flag).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXC, LIST, PAYLOAD_MASK, TUPLE, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { Decoded, Rt } from './harness.js';
import { Builder, decodeValue, expected, type FixValue, loadCases, loadStrRuntime, type StrCase, strForm } from './strfixture.js';

let rt: Rt;
let b: Builder;
beforeAll(() => {
  rt = loadStrRuntime();
  b = new Builder(rt);
});
afterAll(() => rt.dispose());

const cases = loadCases();
const byOp = new Map<string, StrCase[]>();
for (const c of cases) {
  const list = byOp.get(c.op) ?? [];
  list.push(c);
  byOp.set(c.op, list);
}

const CMP = ['lt', 'le', 'eq', 'ne', 'gt', 'ge'];
const BUILTINS: Record<string, string> = { ord: 'rt_builtin_ord', chr: 'rt_builtin_chr', ascii: 'rt_builtin_ascii' };

/** Run one case; returns the result word (EXC when it raised) or a decoded value. */
function run(c: StrCase): bigint | { decoded: Decoded } {
  const self = b.value(c.self);
  const args = c.args.map((x) => b.value(x));
  const kw = Object.entries(c.kw ?? {}).map(([k, v]) => [k, b.value(v)] as [string, bigint]);
  switch (c.op) {
    case 'repr':
      return rt.call('rt_repr_str', self);
    case 'format_str':
      return rt.call('rt_format_str', self, args[0]!);
    case 'ascii':
    case 'ord':
    case 'chr':
      return b.callVector(BUILTINS[c.op]!, undefined, c.op === 'ascii' ? [self] : args);
    case 'len':
      return { decoded: rt.call('rt_len_str', self) };
    case 'iter': {
      const it = rt.call('rt_iter_str', self);
      const out: Decoded[] = [];
      for (;;) {
        const w = rt.call('rt_next_str_iterator', it);
        if (w === UNBOUND) break;
        out.push(rt.decode(w));
      }
      return { decoded: { list: out } };
    }
    case 'getitem':
      return rt.call('rt_getitem_str', self, args[0]!);
    case 'getslice': {
      const unbound = (w: bigint) => (w === rt.none ? UNBOUND : w);
      const sl = rt.call('rt_slice_new', unbound(args[0]!), unbound(args[1]!), unbound(args[2]!));
      return rt.call('rt_getitem_str', self, sl);
    }
    case 'slice': {
      const [start, stop, step] = c.args.map((x) => BigInt.asUintN(64, BigInt((x as { i: string }).i)));
      return rt.call('rt_str_getslice', self, start!, stop!, step!);
    }
    case 'contains': {
      const r = BigInt.asIntN(32, rt.call('rt_contains_str', self, args[0]!) & 0xffffffffn);
      return r < 0n ? EXC : { decoded: r === 1n };
    }
    case 'concat':
      return rt.call('rt_binop_str', self, args[0]!, 0n);
    case 'repeat':
      return rt.call('rt_binop_str', self, args[0]!, 2n);
    case 'new': {
      const kwnames = kw.length === 0 ? 0n : b.tuple(kw.map(([k]) => b.str(k)));
      const all = [...args, ...kw.map(([, v]) => v)];
      return rt.call('rt_new_str', rt.addr('type_str') | 0xfffc_0000_0000_0000n, b.words(all), BigInt(all.length), kwnames);
    }
    case 'maketrans':
      return b.callVector('rt_str_meth_maketrans', undefined, args);
    case 'percent':
      return rt.call('rt_binop_str', self, args[0]!, 5n);
    default:
      if (CMP.includes(c.op)) return rt.call('rt_richcompare_str', self, args[0]!, BigInt(CMP.indexOf(c.op)));
      return b.callVector(`rt_str_meth_${c.op}`, self, args, kw);
  }
}

function entryOf(op: string): string {
  if (op === 'repr') return 'rt_repr_str';
  if (op === 'format_str') return 'rt_format_str';
  if (BUILTINS[op]) return BUILTINS[op]!;
  if (op === 'percent') return 'rt_str_percent';
  if (op === 'new') return 'rt_new_str';
  if (op === 'getslice') return 'rt_slice_new';
  if (['len', 'iter', 'getitem', 'slice', 'contains', 'concat', 'repeat', ...CMP].includes(op)) return 'rt_len_str';
  return `rt_str_meth_${op}`;
}

function has(name: string): boolean {
  try {
    rt.addr(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Routines of other runtime areas a case needs: ints shown through str()/repr() (inside
 * containers, under %s/%r/%a) need the int runtime's repr, ints beyond i64 under %x/%o its
 * format slot, floats beyond i64 under %d its float conversion.
 */
function needs(c: StrCase): string[] {
  const out = new Set<string>();
  const text = typeof c.self === 'string' ? c.self : '';
  const hexOct = /%[-+ #0-9.*]*[xXo]/.test(text);
  const shown = /%[-+ #0-9.*]*[sra]/.test(text) || c.op === 'format' || c.op === 'new';
  const walk = (v: FixValue, nested: boolean): void => {
    if (v === null || typeof v !== 'object') return;
    if ('i' in v) {
      const n = BigInt(v.i);
      const big = n >= 1n << 63n || n < -(1n << 63n);
      if (nested || shown || big) out.add('rt_repr_int');
      if (big && hexOct) out.add('rt_format_int');
    } else if ('f' in v) {
      if (Math.abs(Number(v.f)) >= 2 ** 63) out.add('rt_int_from_double');
    } else if ('t' in v) v.t.forEach((x) => walk(x, nested || c.op !== 'percent'));
    else if ('l' in v) v.l.forEach((x) => walk(x, true));
    else if ('d' in v) v.d.forEach(([k, x]) => {
      walk(k, true);
      walk(x, true);
    });
  };
  c.args.forEach((x) => walk(x, false));
  return [...out];
}

/** The result word and, for a list or tuple, its item words. */
function strWords(w: bigint): bigint[] {
  const t = rt.typeName(w);
  const p = w & PAYLOAD_MASK;
  if (t === 'tuple') {
    const n = Number(rt.img.readU64(p + BigInt(TUPLE.length)));
    return Array.from({ length: n }, (_, i) => rt.img.readU64(p + BigInt(TUPLE.items + 8 * i)));
  }
  if (t === 'list') {
    const n = Number(rt.img.readU64(p + BigInt(LIST.length)));
    const items = rt.img.readU64(p + BigInt(LIST.items)) & PAYLOAD_MASK;
    return Array.from({ length: n }, (_, i) => rt.img.readU64(items + BigInt(VALUES.items + 8 * i)));
  }
  return [w];
}

/** A str result (or a str inside a list or tuple result) is canonical. */
function canonical(w: bigint, path: string, bad: string[]): void {
  const t = rt.typeName(w);
  if (t !== 'str') return;
  const [kind, ascii] = strForm(rt, w);
  const text = rt.decode(w) as string;
  const max = Array.from(text).reduce((m, ch) => Math.max(m, ch.codePointAt(0)!), 0);
  const want = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  if (kind !== want || ascii !== (max < 0x80 ? 1 : 0)) bad.push(`${path}: kind ${kind} ascii ${ascii} for ${JSON.stringify(text)}`);
}

describe.each([...byOp.keys()])('%s', (op) => {
  test(`${byOp.get(op)!.length} cases match CPython`, (ctx) => {
    if (!has(entryOf(op))) {
      ctx.skip();
      return;
    }
    const failures: string[] = [];
    // Subscripting tuples in format fields needs the containers' tuple getitem slot.
    const tupleItems = has('rt_getitem_tuple');
    for (const c of byOp.get(op)!) {
      if (!tupleItems && op === 'format' && typeof c.self === 'string' && c.self.includes('[') && c.args.some((x) => typeof x === 'object' && x !== null && 't' in x)) continue;
      if ((op === 'percent' || op === 'format' || op === 'new') && !needs(c).every(has)) continue;
      const r = run(c);
      let got: Decoded;
      if (typeof r === 'bigint') {
        got = r === EXC ? { raised: rt.raised() } : decodeValue(rt, r);
        if (r !== EXC) for (const w of strWords(r)) canonical(w, JSON.stringify(c), failures);
      } else got = r.decoded;
      const want: Decoded = c.e ? { raised: { exc: c.e[0], args: c.e[1] === '' ? [] : [c.e[1]] } } : expected(c.r!);
      try {
        expect(got).toEqual(want);
      } catch {
        failures.push(`${JSON.stringify(c)}\n   got ${JSON.stringify(got, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
      }
      if (failures.length >= 12) break;
    }
    expect(failures).toEqual([]);
  });
});
