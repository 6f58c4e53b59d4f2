// Container runtime under the collector: a native routine grows a list, a dict and a set of
// fresh tuples (every step allocates; resizes copy tables), deletes dict entries, then runs
// a set intersection, a slice and a dict copy, with the collector forced at every free-list
// refill (rt_gc_stress). Only the machine stack holds the containers while it runs, so a
// routine that kept a pointer where the collector cannot see it (docs/native.md's rule)
// would have its objects freed and reused; the contents are checked against a model.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Assembler, edi, edx, mem, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, sym, xmm0 } from '../../src/asm/index.js';
import { boxInt, OBJ_TAG_BITS, UNBOUND } from '../../src/native/layout.js';
import { boxIntUnchecked, epilogue, prologue } from '../../src/native/macros.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { emitHeader, emitStr } from '../../src/native/statics.js';
import { loadRuntime, type Rt } from './harness.js';
import { type J, Values } from './containers-values.js';

const N = 1500;

const gcModule: RuntimeModule = {
  name: 'test-containers-gc',
  data: [
    { name: 'test_gc_quarter', section: 'rodata', align: 8, emit: (a) => a.f64(0.25) },
    { name: 'test_gc_key_name', section: 'rodata', align: 8, emit: (a) => emitStr(a, 'key') },
    {
      name: 'test_gc_key_fn',
      section: 'rodata',
      align: 16,
      emit(a) {
        emitHeader(a, 'type_builtin_function_or_method');
        a.u64(sym('test_gc_key'));
        a.u64(sym('box:test_gc_key_name'));
        a.u64(UNBOUND);
        a.u64(0n);
      },
    },
  ],
  routines: [
    {
      name: 'test_gc_build',
      contract: 'rdi=n -> rax=((list, dict, set), (set & set(list), list[::2], dict.copy()))',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(rbp, rdi);
        a.xor(edi, edi);
        a.call(sym('rt_list_new'));
        a.mov(r12, rax);
        a.call(sym('rt_dict_new'));
        a.mov(r13, rax);
        a.call(sym('rt_set_new'));
        a.mov(r14, rax);
        a.xor(r15, r15);
        const loop = a.label();
        const done = a.newLabel();
        a.cmp(r15, rbp);
        a.jae(done);
        // t = (i, i % 97), appended, d[t] = i, s.add(t)
        a.mov(rax, r15);
        a.xor(edx, edx);
        a.mov(rcx, 97);
        a.div(rcx);
        a.mov(rsi, rdx);
        boxIntUnchecked(a, rsi, rcx);
        a.mov(rdi, r15);
        boxIntUnchecked(a, rdi, rcx);
        a.call(sym('rt_tuple_pack2'));
        a.mov(rbx, rax);
        a.mov(rdi, r12);
        a.mov(rsi, rbx);
        a.call(sym('rt_list_append'));
        a.mov(rdi, r13);
        a.mov(rsi, rbx);
        a.mov(rdx, r15);
        boxIntUnchecked(a, rdx, rcx);
        a.call(sym('rt_dict_setitem'));
        a.mov(rdi, r14);
        a.mov(rsi, rbx);
        a.call(sym('rt_set_add'));
        // Every third step (i > 0) deletes the previous tuple's key: del d[l[i - 1]].
        const keep = a.newLabel();
        a.mov(rax, r15);
        a.xor(edx, edx);
        a.mov(rcx, 3);
        a.div(rcx);
        a.test(rdx, rdx);
        a.jne(keep);
        a.test(r15, r15);
        a.je(keep);
        a.lea(rsi, mem(r15, -1));
        boxIntUnchecked(a, rsi, rcx);
        a.mov(rdi, r12);
        a.call(sym('rt_getitem_list'));
        a.mov(rdi, r13);
        a.mov(rsi, rax);
        a.call(sym('rt_delitem_dict'));
        a.bind(keep);
        a.inc(r15);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r12);
        a.call(sym('rt_set_from_iterable'));
        a.mov(rdi, r14);
        a.mov(rsi, rax);
        a.call(sym('rt_set_intersection'));
        a.mov(r15, rax);
        a.mov(rdi, UNBOUND);
        a.mov(rsi, UNBOUND);
        a.mov(rdx, boxInt(2n));
        a.call(sym('rt_slice_new'));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_cont_getslice'));
        a.mov(rbx, rax);
        a.mov(rdi, r13);
        a.call(sym('rt_dict_copy'));
        a.mov(rdi, r15);
        a.mov(rsi, rbx);
        a.mov(rdx, rax);
        a.call(sym('rt_tuple_pack3'));
        a.mov(r15, rax);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.call(sym('rt_tuple_pack3'));
        a.mov(rdi, rax);
        a.mov(rsi, r15);
        a.call(sym('rt_tuple_pack2'));
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'test_gc_key',
      contract: 'vector ABI: args[0]=x -> (x,) (an allocating sort key)',
      emit(a: Assembler<any>) {
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_tuple_pack1'));
      },
    },
    {
      name: 'test_gc_sort',
      contract: 'rdi=n -> rax=list of n floats (i * 7919 % n) / 4, sorted with key=lambda x: (x,) and reverse=True',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(rbp, rdi);
        a.xor(edi, edi);
        a.call(sym('rt_list_new'));
        a.mov(r12, rax);
        a.xor(r15, r15);
        const loop = a.label();
        const done = a.newLabel();
        a.cmp(r15, rbp);
        a.jae(done);
        a.imul(rax, r15, 7919);
        a.xor(edx, edx);
        a.div(rbp);
        a.cvtsi2sd(xmm0, rdx);
        a.mulsd(xmm0, qword(rip(sym('test_gc_quarter'))));
        a.movq(rsi, xmm0);
        a.mov(rdi, r12);
        a.call(sym('rt_list_append'));
        a.inc(r15);
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('test_gc_key_fn')));
        a.mov(rcx, OBJ_TAG_BITS);
        a.or(rsi, rcx);
        a.mov(edx, 1);
        a.call(sym('rt_list_sort'));
        a.mov(rax, r12);
        epilogue(a, saved, 8);
      },
    },
  ],
};

let rt: Rt;
let v: Values;
beforeAll(() => {
  rt = loadRuntime([gcModule], { gc: true });
  v = new Values(rt);
});
afterAll(() => rt.dispose());

describe('containers under the collector', () => {
  test('every object survives collections during growth, deletion, set algebra and slicing', () => {
    const collections = () => rt.img.readU64(rt.addr('rt_gc_stat'));
    const before = collections();
    rt.img.writeU64(rt.addr('rt_gc_stress'), 1n);
    let r: bigint;
    try {
      // rt_gc_enter: the machine stack below it is scanned (from JavaScript it would not be).
      r = rt.call('rt_gc_enter', rt.addr('test_gc_build'), BigInt(N), 0n, 0n, 0n);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
      rt.img.writeU64(rt.addr('rt_gc_inhibit'), 1n); // nothing collects while JavaScript reads
    }
    expect(collections() - before).toBeGreaterThan(10n);
    const [[list, dict, set], [inter, half, copy]] = (v.read(r) as { t: { t: J[] }[] }).t.map((t) => t.t) as [J[], J[]];
    const tuples: J[] = Array.from({ length: N }, (_, i) => ({ t: [i, i % 97] }));
    expect(list).toEqual(tuples);
    const kept: [J, J][] = [];
    for (let i = 0; i < N; i++) kept.push([tuples[i]!, i]);
    const deleted = new Set<number>();
    for (let i = 3; i < N; i += 3) deleted.add(i - 1);
    const model = kept.filter(([, i]) => !deleted.has(i as number));
    expect(dict).toEqual({ dict: model });
    expect(copy).toEqual({ dict: model });
    const sorted = (xs: J[]) => [...xs].sort((p, q) => ((p as { t: number[] }).t[0]! - (q as { t: number[] }).t[0]!));
    expect(sorted((set as { set: J[] }).set)).toEqual(tuples);
    expect(sorted((inter as { set: J[] }).set)).toEqual(tuples);
    expect(half).toEqual(tuples.filter((_, i) => i % 2 === 0));
  });

  test('list.sort with an allocating key keeps keys, values and merge buffers alive', () => {
    const n = 3000;
    rt.img.writeU64(rt.addr('rt_gc_inhibit'), 0n);
    rt.img.writeU64(rt.addr('rt_gc_stress'), 1n);
    let r: bigint;
    try {
      r = rt.call('rt_gc_enter', rt.addr('test_gc_sort'), BigInt(n), 0n, 0n, 0n);
    } finally {
      rt.img.writeU64(rt.addr('rt_gc_stress'), 0n);
      rt.img.writeU64(rt.addr('rt_gc_inhibit'), 1n);
    }
    const got = (v.read(r) as { float: string }[]).map((f) => Number(f.float));
    const want = Array.from({ length: n }, (_, i) => ((i * 7919) % n) / 4).sort((p, q) => q - p);
    expect(got).toEqual(want);
  });
});
