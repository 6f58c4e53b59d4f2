// Container runtime: list.sort (runtime/core/listsort.ts), CPython's timsort step for step.
//
// A test-only runtime module adds a `cmplog` type (two value fields: an id and a value)
// whose `<` logs the ids it compares and can raise at the N-th comparison, and a key
// function mapping cmplog(id, v) to cmplog(id, v // 3). The fixtures (CPython 3.11, through
// scripts/gen-container-fixtures.py) give the exact sequence of comparisons and the final
// order for runs, duplicates, reverse=True, key functions and comparisons that raise
// mid-merge (the list must end as the same permutation CPython leaves).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, dword, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { EXC, LAYOUTS, LIST, PAYLOAD_MASK, TYPE_SLOTS, TYPEFLAG_BUILTIN, type TypeSlot, UNBOUND, VALUES } from '../../src/native/layout.js';
import { boxPtr, g, unboxPtr } from '../../src/native/macros.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { emitHeader, emitStr, emitTuple } from '../../src/native/statics.js';
import { loadRuntime, type Rt } from './harness.js';
import { fixtures, type J, Values } from './containers-values.js';

const LOG_WORDS = 1 << 17;

/** cmplog objects: +16 id, +24 value (small ints); `<` logs (id, id) pairs. */
const cmplogModule: RuntimeModule = {
  name: 'test-cmplog',
  routines: [
    {
      name: 'rt_test_cmplog_new',
      contract: 'rdi=id (small int), rsi=value (small int) -> rax=cmplog value; may allocate',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.push(rsi);
        a.mov(rdi, 32);
        a.lea(rsi, rip(sym('type_cmplog')));
        a.call(sym('rt_alloc'));
        a.mov(dword(mem(rax, 12)), 2);
        a.pop(rsi);
        a.pop(rdi);
        a.mov(qword(mem(rax, 16)), rdi);
        a.mov(qword(mem(rax, 24)), rsi);
        boxPtr(a, rax, rcx);
        a.ret();
      },
    },
    {
      name: 'rt_richcompare_cmplog',
      contract: 'rdi=cmplog, rsi=cmplog, edx=op (only <) -> True/False, logging both ids; EXC (ValueError) at the fail_at-th comparison',
      emit(a: Assembler<any>) {
        const raise = a.newLabel();
        a.mov(rax, g('test_cmplog_len'));
        a.lea(rcx, rip(sym('test_cmplog_buf')));
        a.mov(rdx, rdi);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, 16)));
        a.mov(qword(sib(rcx, rax, 8)), rdx);
        a.mov(rdx, rsi);
        unboxPtr(a, rdx);
        a.mov(rdx, qword(mem(rdx, 16)));
        a.mov(qword(sib(rcx, rax, 8, 8)), rdx);
        a.add(rax, 2);
        a.mov(g('test_cmplog_len'), rax);
        a.shr(rax, 1);
        a.cmp(rax, g('test_cmplog_fail_at'));
        a.je(raise);
        unboxPtr(a, rdi);
        unboxPtr(a, rsi);
        a.mov(rax, qword(mem(rdi, 24)));
        a.shl(rax, 16);
        a.mov(rcx, qword(mem(rsi, 24)));
        a.shl(rcx, 16);
        a.cmp(rax, rcx);
        a.mov(rax, g('rt_const_False'));
        a.cmovl(rax, g('rt_const_True'));
        a.ret();
        a.bind(raise);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('test_cmplog_boom')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
    {
      name: 'rt_test_cmplog_key',
      contract: 'vector ABI: args[0]=cmplog(id, v) -> cmplog(id, v // 3); first appends None to test_cmplog_victim when that is a list',
      emit(a: Assembler<any>) {
        const noVictim = a.newLabel();
        a.push(rdi);
        a.mov(rax, g('test_cmplog_victim'));
        a.test(rax, rax);
        a.je(noVictim);
        a.mov(rdi, rax);
        a.mov(rsi, g('rt_const_None'));
        a.call(sym('rt_list_append'));
        a.bind(noVictim);
        a.pop(rdi);
        a.mov(rax, qword(mem(rdi)));
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, 16)));
        a.mov(rax, qword(mem(rax, 24)));
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.cqo();
        a.mov(rcx, 3);
        a.idiv(rcx);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.mov(rcx, 0xfff9_0000_0000_0000n);
        a.or(rax, rcx);
        a.mov(rsi, rax);
        a.jmp(sym('rt_test_cmplog_new'));
      },
    },
  ],
  data: [
    // The type object, laid out as objects.ts does (this module comes after the generated ones).
    { name: 'test_cmplog_name', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'cmplog') },
    { name: 'test_cmplog_mro', section: 'rodata', align: 8, emit: (a) => emitTuple(a, [{ box: 'type_cmplog' }, { box: 'type_object' }]) },
    { name: 'test_cmplog_bases', section: 'rodata', align: 8, emit: (a) => emitTuple(a, [{ box: 'type_object' }]) },
    {
      name: 'type_cmplog',
      section: 'data',
      align: 16,
      emit(a) {
        emitHeader(a, 'type_type');
        for (const w of ['test_cmplog_name', 'test_cmplog_name', 'typename_builtins_module', 'test_cmplog_bases', 'test_cmplog_mro']) a.u64(sym(`box:${w}`));
        a.u64(UNBOUND); // dict
        a.u64(BigInt(TYPEFLAG_BUILTIN));
        a.u64(BigInt(LAYOUTS.fixed.id));
        a.u64(0n);
        a.u64(1n);
        a.u64(sym('type_object'));
        const slots: Partial<Record<TypeSlot, string>> = { repr: 'rt_repr_object', str: 'rt_str_object', hash: 'rt_hash_object', richcompare: 'rt_richcompare_cmplog' };
        for (const slot of TYPE_SLOTS) {
          const r = slots[slot];
          a.u64(r === undefined ? 0n : sym(r));
        }
      },
    },
    { name: 'test_cmplog_buf', section: 'bss', size: LOG_WORDS * 8 },
    { name: 'test_cmplog_len', section: 'bss', size: 8 },
    { name: 'test_cmplog_fail_at', section: 'data', emit: (a) => a.u64(0) },
    { name: 'test_cmplog_victim', section: 'data', emit: (a) => a.u64(0) },
    { name: 'test_cmplog_boom', section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode('boom\0')) },
    { name: 'test_cmplog_key_name', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'key') },
    {
      name: 'test_cmplog_key_fn',
      section: 'rodata',
      align: 16,
      emit(a) {
        emitHeader(a, 'type_builtin_function_or_method');
        a.u64(sym('rt_test_cmplog_key'));
        a.u64(sym('box:test_cmplog_key_name'));
        a.u64(UNBOUND);
        a.u64(0n);
      },
    },
  ],
};

let rt: Rt;
let v: Values;
beforeAll(() => {
  rt = loadRuntime([cmplogModule]);
  v = new Values(rt);
});
afterAll(() => rt.dispose());

interface SortCase {
  values: number[];
  reverse: boolean;
  key: boolean;
  fail_at?: number;
  log: number[];
  order: number[];
}

const idOf = (w: bigint) => Number(BigInt.asIntN(48, rt.img.readU64((w & PAYLOAD_MASK) + 16n) & PAYLOAD_MASK));

function run(c: SortCase) {
  const items = c.values.map((x, i) => rt.call('rt_test_cmplog_new', v.int(i), v.int(x)));
  const l = v.list(items);
  rt.img.writeU64(rt.addr('test_cmplog_len'), 0n);
  rt.img.writeU64(rt.addr('test_cmplog_fail_at'), BigInt(c.fail_at ?? 0));
  const key = c.key ? rt.addr('test_cmplog_key_fn') | 0xfffc_0000_0000_0000n : rt.none;
  const r = rt.call('rt_list_sort', l, key, c.reverse ? 1n : 0n);
  const n = Number(rt.img.readU64(rt.addr('test_cmplog_len')));
  const log = Array.from({ length: n }, (_, i) => Number(BigInt.asIntN(48, rt.img.readU64(rt.addr('test_cmplog_buf') + BigInt(8 * i)) & PAYLOAD_MASK)));
  const len = Number(rt.img.readU64((l & PAYLOAD_MASK) + BigInt(LIST.length)));
  const arr = (rt.img.readU64((l & PAYLOAD_MASK) + BigInt(LIST.items)) & PAYLOAD_MASK) + BigInt(VALUES.items);
  const order = Array.from({ length: len }, (_, i) => idOf(rt.img.readU64(arr + BigInt(8 * i))));
  return { r, log, order };
}

describe('list.sort', () => {
  const cases = fixtures.sorts as SortCase[];

  test(`every comparison and the final order equal CPython's (${cases.length} sorts)`, () => {
    for (const c of cases) {
      const what = `n=${c.values.length} reverse=${c.reverse} key=${c.key} fail_at=${c.fail_at}`;
      const { r, log, order } = run(c);
      expect(log, what).toEqual(c.log);
      expect(order, what).toEqual(c.order);
      if (c.fail_at !== undefined) {
        expect(r, what).toBe(EXC);
        expect(v.read(EXC)).toEqual({ exc: 'ValueError', args: ['boom'] });
      } else expect(r, what).toBe(0n);
    }
  });

  test('ints, floats and strs sort by value; stability with reverse', () => {
    const xs = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 613) - 300);
    const l = v.list(xs.map((x) => v.int(x)));
    expect(v.call('list', 'sort', l)).toBe(rt.none);
    expect(v.read(l)).toEqual([...xs].sort((p, q) => p - q));
    const fl = v.list(xs.map((x) => rt.float(x / 8)));
    v.call('list', 'sort', fl, [], { reverse: rt.true });
    expect((v.read(fl) as { float: string }[]).map((f) => Number(f.float))).toEqual([...xs].map((x) => x / 8).sort((p, q) => q - p));
    const words = ['pear', 'apple', 'fig', 'apple', 'Zed', 'é', 'app', ''];
    const sl = v.list(words.map((w) => v.str(w)));
    v.call('list', 'sort', sl);
    expect(v.read(sl)).toEqual([...words].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)));
  });

  test('a key function that changes the list: "list modified during sort", the items still sorted', () => {
    const l = v.list([3, 1, 2].map((x, i) => rt.call('rt_test_cmplog_new', v.int(i), v.int(x * 3))));
    rt.img.writeU64(rt.addr('test_cmplog_fail_at'), 0n);
    rt.img.writeU64(rt.addr('test_cmplog_victim'), l);
    const key = rt.addr('test_cmplog_key_fn') | 0xfffc_0000_0000_0000n;
    try {
      expect(rt.call('rt_list_sort', l, key, 0n)).toBe(EXC);
    } finally {
      rt.img.writeU64(rt.addr('test_cmplog_victim'), 0n);
    }
    expect(v.read(EXC)).toEqual({ exc: 'ValueError', args: ['list modified during sort'] });
    const len = Number(rt.img.readU64((l & PAYLOAD_MASK) + BigInt(LIST.length)));
    const arr = (rt.img.readU64((l & PAYLOAD_MASK) + BigInt(LIST.items)) & PAYLOAD_MASK) + BigInt(VALUES.items);
    expect(Array.from({ length: len }, (_, i) => idOf(rt.img.readU64(arr + BigInt(8 * i))))).toEqual([1, 2, 0]);
  });

  test.each([
    ['sort(1)', () => v.call('list', 'sort', v.list([]), [v.int(1)])],
    ['sort(foo=1)', () => v.call('list', 'sort', v.list([]), [], { foo: v.int(1) })],
    ['sort(reverse=1.5)', () => v.call('list', 'sort', v.list([]), [], { reverse: rt.float(1.5) })],
    ['sort(reverse=2**40)', () => v.call('list', 'sort', v.list([]), [], { reverse: v.int(2 ** 40) })],
    ['sort mixed', () => v.call('list', 'sort', v.list([v.int(1), v.str('a')]))],
  ])('%s raises as CPython', (key, f) => {
    expect(f()).toBe(EXC);
    expect(v.read(EXC)).toEqual(fixtures.errors[key] as J);
  });
});
