// Container runtime: slice objects and the normalization of a slice against a length.
//
// A slice (type `slice`, layout `fixed` with three value fields, layout.ts SLICE) holds
// start, stop and step as given, None where omitted. Sequences slice through
// `rt_slice_indices_ex` (CPython's PySlice_GetIndicesEx = PySlice_Unpack followed by
// PySlice_AdjustIndices): indices are converted to i64 clamped to the i64 range, the step is
// checked ("slice step cannot be zero"), and the result is start, stop, step and the number
// of items selected. slice.indices() follows _PySlice_GetLongIndices (exact for any int).
// Slices are unhashable in 3.11. Comparisons compare (start, stop, step) tuples.

import { type Assembler, dword, eax, edi, edx, esi, mem, qword, r8, r12, r13, r14, r14d, r15, rax, rbp, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { SLICE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifExc, ifNotExact } from './listshared.js';
import { sliceIndexTail } from './builtinsub.js';

const I64_MAX = 0x7fff_ffff_ffff_ffffn;

const SPEC_NEW = argSpec('slice', 'VAR', 1, 3);
const SPEC_INDICES = argSpec('slice.indices', 'O');

/** Offsets in the out-record of rt_slice_unpack / rt_slice_indices_ex. */
export const SLICEOUT = { start: 0, stop: 8, step: 16, length: 24, size: 32 } as const;

export const sliceModule: RuntimeModule = {
  name: 'slice',
  types: [{ name: 'slice', layout: 'fixed' }],
  methods: [{ type: 'slice', name: 'indices', entry: 'rt_slice_meth_indices' }],
  routines: [
    {
      name: 'rt_slice_new',
      contract: 'rdi=start, rsi=stop, rdx=step (UNBOUND for omitted: None) -> rax=slice value; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(edi, SLICE.size);
        a.lea(rsi, rip(sym('type_slice')));
        a.call(sym('rt_alloc'));
        a.mov(dword(mem(rax, 12)), 3); // fixed layout: aux = number of value fields
        const fields = [[r12, SLICE.start], [r13, SLICE.stop], [r14, SLICE.step]] as const;
        for (const [r, off] of fields) {
          const given = a.newLabel();
          a.cmp(r, g('rt_const_unbound'));
          a.jne(given);
          a.mov(r, g('rt_const_None'));
          a.bind(given);
          a.mov(qword(mem(rax, off)), r);
        }
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_slice_index',
      contract: 'rdi=slice bound (int, bool, None, an object with __index__), rsi=value for None -> rax=i64 (ints beyond i64 clamp to its range), edx=0; or edx=1 with TypeError raised (or what __index__ raised); may allocate, may raise (__index__)',
      emit(a: Assembler<any>) {
        // _PyEval_SliceIndex: None keeps the default, integers clip, anything else is an error.
        const notNone = a.newLabel();
        const bad = a.newLabel();
        const clip = a.newLabel();
        a.cmp(rdi, g('rt_const_None'));
        a.jne(notNone);
        a.mov(rax, rsi);
        a.xor(edx, edx);
        a.ret();
        a.bind(notNone);
        a.call(sym('rt_cont_index'));
        a.cmp(edx, 1);
        a.je(clip);
        a.ja(bad);
        a.ret();
        a.bind(clip);
        // rax = sign: +1 -> INT64_MAX, -1 -> INT64_MIN.
        const neg = a.newLabel();
        a.mov(rcx, I64_MAX);
        a.test(rax, rax);
        a.js(neg);
        a.mov(rax, rcx);
        a.xor(edx, edx);
        a.ret();
        a.bind(neg);
        a.mov(rax, rcx);
        a.not(rax);
        a.xor(edx, edx);
        a.ret();
        // an object with __index__: its int, read again (builtinsub.ts)
        a.bind(bad);
        sliceIndexTail(a, notNone, 'msg_slice_indices');
      },
    },
    {
      name: 'rt_slice_unpack',
      contract: 'rdi=slice value, rsi=out record (SLICEOUT: start, stop, step) -> rax=0, or -1 with TypeError/ValueError raised (PySlice_Unpack: step None -> 1, zero step refused, bounds clipped to i64); may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const fail = a.newLabel();
        const out = a.newLabel();
        const stepOk = a.newLabel();
        const posStep = a.newLabel();
        const haveDefaults = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(rdi, qword(mem(r12, SLICE.step)));
        a.mov(esi, 1);
        a.call(sym('rt_slice_index'));
        a.test(edx, edx);
        a.jne(fail);
        a.test(rax, rax);
        a.jne(stepOk);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_slice_step_zero')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(fail);
        a.bind(stepOk);
        // step < -INT64_MAX becomes -INT64_MAX, so that -step cannot overflow.
        a.mov(rcx, I64_MAX);
        a.neg(rcx);
        a.cmp(rax, rcx);
        a.cmovl(rax, rcx);
        a.mov(qword(mem(r13, SLICEOUT.step)), rax);
        // Defaults: start 0 / INT64_MAX, stop INT64_MAX / INT64_MIN for a positive / negative step.
        a.test(rax, rax);
        a.jns(posStep);
        a.mov(rsi, I64_MAX);
        a.jmp(haveDefaults);
        a.bind(posStep);
        a.xor(esi, esi);
        a.bind(haveDefaults);
        a.mov(rdi, qword(mem(r12, SLICE.start)));
        a.call(sym('rt_slice_index'));
        a.test(edx, edx);
        a.jne(fail);
        a.mov(qword(mem(r13, SLICEOUT.start)), rax);
        a.mov(rsi, I64_MAX);
        a.cmp(qword(mem(r13, SLICEOUT.step)), 0);
        const stopDefault = a.newLabel();
        a.jg(stopDefault);
        a.not(rsi); // INT64_MIN
        a.bind(stopDefault);
        a.mov(rdi, qword(mem(r12, SLICE.stop)));
        a.call(sym('rt_slice_index'));
        a.test(edx, edx);
        a.jne(fail);
        a.mov(qword(mem(r13, SLICEOUT.stop)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, saved);
        a.bind(fail);
        a.mov(rax, -1);
        a.jmp(out);
      },
    },
    {
      name: 'rt_slice_adjust',
      contract: 'rdi=out record (SLICEOUT) with unpacked start, stop, step; rsi=sequence length (>= 0) -> rax=number of items selected; start and stop adjusted in place (PySlice_AdjustIndices); clobbers rax rcx rdx r8; no alloc',
      emit(a: Assembler<any>) {
        // r8 = step; rcx = value being adjusted.
        a.mov(r8, qword(mem(rdi, SLICEOUT.step)));
        for (const off of [SLICEOUT.start, SLICEOUT.stop]) {
          const nonNeg = a.newLabel();
          const done = a.newLabel();
          const inRange = a.newLabel();
          a.mov(rcx, qword(mem(rdi, off)));
          a.test(rcx, rcx);
          a.jns(nonNeg);
          a.add(rcx, rsi);
          a.jns(done);
          // Still negative: -1 for a negative step, else 0.
          a.mov(rcx, r8);
          a.sar(rcx, 63);
          a.jmp(done);
          a.bind(nonNeg);
          a.cmp(rcx, rsi);
          a.jl(inRange);
          // At or past the end: length - 1 for a negative step, else length.
          a.mov(rcx, r8);
          a.sar(rcx, 63);
          a.add(rcx, rsi);
          a.bind(inRange);
          a.bind(done);
          a.mov(qword(mem(rdi, off)), rcx);
        }
        // Length: (stop - start - 1) / step + 1 when the range is non-empty.
        const negStep = a.newLabel();
        const empty = a.newLabel();
        const divide = a.newLabel();
        a.mov(rax, qword(mem(rdi, SLICEOUT.stop)));
        a.mov(rcx, qword(mem(rdi, SLICEOUT.start)));
        a.test(r8, r8);
        a.js(negStep);
        a.cmp(rcx, rax);
        a.jge(empty);
        a.sub(rax, rcx);
        a.mov(rcx, r8);
        a.jmp(divide);
        a.bind(negStep);
        a.cmp(rax, rcx);
        a.jge(empty);
        a.sub(rcx, rax);
        a.mov(rax, rcx);
        a.mov(rcx, r8);
        a.neg(rcx);
        a.bind(divide);
        a.dec(rax);
        a.xor(edx, edx);
        a.div(rcx);
        a.inc(rax);
        a.ret();
        a.bind(empty);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_slice_indices_ex',
      contract: 'rdi=slice value, rsi=sequence length (>= 0), rdx=out record (SLICEOUT: start, stop, step, length) -> rax=number of items selected, or -1 with the error raised (PySlice_GetIndicesEx); may allocate (only to raise)',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rsi);
        a.mov(r13, rdx);
        a.mov(rsi, rdx);
        a.call(sym('rt_slice_unpack'));
        a.test(rax, rax);
        a.jne(out);
        a.mov(rdi, r13);
        a.mov(rsi, r12);
        a.call(sym('rt_slice_adjust'));
        a.mov(qword(mem(r13, SLICEOUT.length)), rax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_repr_slice',
      contract: 'rdi=slice value -> rax=str "slice(start, stop, step)" or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(edi, 32);
        a.call(sym('rt_sb_new'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_slice_open')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        const fields = [SLICE.start, SLICE.stop, SLICE.step];
        fields.forEach((off, i) => {
          a.mov(rdi, qword(mem(r12, off)));
          callChecked(a, 'rt_repr', out);
          a.mov(rdi, r13);
          a.mov(rsi, rax);
          a.call(sym('rt_sb_append_str'));
          a.mov(rdi, rax);
          a.lea(rsi, rip(sym(i < 2 ? 'str_slice_sep' : 'str_slice_close')));
          a.call(sym('rt_sb_append_cstr'));
          a.mov(r13, rax);
        });
        a.mov(rdi, r13);
        a.call(sym('rt_sb_finish'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_hash_slice',
      contract: "rdi=slice value -> rax=-1 with TypeError \"unhashable type: 'slice'\" (slices are unhashable in 3.11); may allocate",
      emit(a: Assembler<any>) {
        a.sub(rsp, 8);
        a.mov(rdx, rdi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_unhashable')));
        a.call(sym('rt_raise_fmt'));
        a.add(rsp, 8);
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: 'rt_richcompare_slice',
      contract: 'rdi=slice, rsi=other, edx=CMPOPS index -> rax=comparison of (start, stop, step) tuples, NotImplemented for a non-slice, or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14, r15] as const;
        const ni = a.newLabel();
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14d, edx);
        ifNotExact(a, r13, 'slice', rax, rcx, ni);
        const pack = (v: typeof r12): void => {
          a.mov(rax, v);
          unboxPtr(a, rax);
          a.mov(rdi, qword(mem(rax, SLICE.start)));
          a.mov(rsi, qword(mem(rax, SLICE.stop)));
          a.mov(rdx, qword(mem(rax, SLICE.step)));
          a.call(sym('rt_tuple_pack3'));
        };
        pack(r12);
        a.mov(r15, rax);
        pack(r13);
        a.mov(rsi, rax);
        a.mov(rdi, r15);
        a.mov(edx, r14d);
        a.call(sym('rt_richcompare'));
        a.jmp(out);
        a.bind(ni);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_getattr_slice',
      contract: 'rdi=slice value, rsi=name str -> rax=start, stop or step, or UNBOUND for other names; no alloc',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        unboxPtr(a, r13);
        for (const f of ['start', 'stop', 'step'] as const) {
          const next = a.newLabel();
          a.mov(rdi, r13);
          a.lea(rsi, rip(sym(`str_slice_attr_${f}`)));
          a.call(sym('rt_cont_streq'));
          a.test(eax, eax);
          a.je(next);
          a.mov(rax, qword(mem(r12, SLICE[f])));
          a.jmp(out);
          a.bind(next);
        }
        a.mov(rax, g('rt_const_unbound'));
        a.bind(out);
        epilogue(a, saved);
      },
    },
    {
      name: 'rt_new_slice',
      contract: 'the new slot of slice: rdi=type, rsi=args, rdx=nargs, rcx=kwnames or 0 -> slice(stop) / slice(start, stop[, step]) or EXC; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        const two = a.newLabel();
        const three = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rsi);
        a.lea(r13, mem(rdx, 1)); // checkArgs counts a self argument
        checkArgs(a, SPEC_NEW, r13, rcx, out);
        a.mov(rdx, g('rt_const_unbound'));
        a.cmp(r13, 3);
        a.je(two);
        a.ja(three);
        a.mov(rsi, qword(mem(r12)));
        a.mov(rdi, rdx);
        a.call(sym('rt_slice_new'));
        a.jmp(out);
        a.bind(three);
        a.mov(rdx, qword(mem(r12, 16)));
        a.bind(two);
        a.mov(rdi, qword(mem(r12)));
        a.mov(rsi, qword(mem(r12, 8)));
        a.call(sym('rt_slice_new'));
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_slice_meth_indices',
      contract: 'slice.indices(length) (vector ABI) -> (start, stop, step) tuple of ints or EXC (_PySlice_GetLongIndices); may allocate',
      emit(a: Assembler<any>) {
        // Locals: [rsp] length, [rsp+8] step (i64), [rsp+16] lower, [rsp+24] upper,
        // [rsp+32] step value for the result, [rsp+40] start, [rsp+48] stop.
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        const typeErr = a.newLabel();
        prologue(a, saved, 56);
        a.mov(r12, rdi);
        checkArgs(a, SPEC_INDICES, rsi, rdx, out);
        a.mov(rbp, qword(mem(r12)));
        unboxPtr(a, rbp); // the slice (raw)
        // length = index(arg); it must be >= 0.
        a.mov(rdi, qword(mem(r12, 8)));
        a.call(sym('rt_cont_index'));
        a.test(edx, edx);
        a.jne(typeErr);
        a.test(rax, rax);
        const lenOk = a.newLabel();
        a.jns(lenOk);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_slice_negative_length')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(lenOk);
        a.mov(qword(mem(rsp)), rax);
        // step: None -> 1; zero refused; only its sign matters for the bounds, and a big
        // step is returned as given.
        const stepNone = a.newLabel();
        const stepKnown = a.newLabel();
        a.mov(rdi, qword(mem(rbp, SLICE.step)));
        a.cmp(rdi, g('rt_const_None'));
        a.je(stepNone);
        a.call(sym('rt_cont_index'));
        a.cmp(edx, 1);
        a.ja(typeErr);
        const stepSmall = a.newLabel();
        a.jb(stepSmall);
        a.mov(qword(mem(rsp, 8)), rax); // the sign stands for the step
        a.mov(rax, qword(mem(rbp, SLICE.step)));
        a.mov(qword(mem(rsp, 32)), rax);
        a.jmp(stepKnown);
        a.bind(stepSmall);
        a.test(rax, rax);
        const stepNonZero = a.newLabel();
        a.jne(stepNonZero);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_slice_step_zero')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(stepNonZero);
        a.mov(qword(mem(rsp, 8)), rax);
        a.mov(rdi, rax);
        a.call(sym('rt_cont_box_i64'));
        ifExc(a, out);
        a.mov(qword(mem(rsp, 32)), rax);
        a.jmp(stepKnown);
        a.bind(stepNone);
        a.mov(qword(mem(rsp, 8)), 1);
        a.mov(rax, 0xfff9_0000_0000_0001n);
        a.mov(qword(mem(rsp, 32)), rax);
        a.bind(stepKnown);
        // lower, upper = (-1, length - 1) for a negative step, else (0, length).
        a.mov(rax, qword(mem(rsp)));
        a.mov(rcx, qword(mem(rsp, 8)));
        a.sar(rcx, 63);
        a.mov(qword(mem(rsp, 16)), rcx);
        a.add(rax, rcx);
        a.mov(qword(mem(rsp, 24)), rax);
        // start (default lower / upper for a positive / negative step), stop (upper / lower).
        for (const [field, slot, posDefault] of [['start', 40, 16], ['stop', 48, 24]] as const) {
          const isNone = a.newLabel();
          const clampLow = a.newLabel();
          const clampHigh = a.newLabel();
          const done = a.newLabel();
          const small = a.newLabel();
          a.mov(rdi, qword(mem(rbp, SLICE[field])));
          a.cmp(rdi, g('rt_const_None'));
          a.je(isNone);
          a.call(sym('rt_cont_index'));
          a.cmp(edx, 1);
          a.ja(typeErr);
          a.jb(small);
          // Beyond i64: positive clamps to upper, negative to lower.
          a.test(rax, rax);
          a.js(clampLow);
          a.jmp(clampHigh);
          a.bind(small);
          const nonNeg = a.newLabel();
          a.test(rax, rax);
          a.jns(nonNeg);
          a.add(rax, qword(mem(rsp)));
          a.cmp(rax, qword(mem(rsp, 16)));
          a.jl(clampLow);
          a.jmp(done);
          a.bind(nonNeg);
          a.cmp(rax, qword(mem(rsp, 24)));
          a.jg(clampHigh);
          a.jmp(done);
          a.bind(isNone);
          const negDefault = a.newLabel();
          a.cmp(qword(mem(rsp, 8)), 0);
          a.jl(negDefault);
          a.mov(rax, qword(mem(rsp, posDefault)));
          a.jmp(done);
          a.bind(negDefault);
          a.mov(rax, qword(mem(rsp, posDefault === 16 ? 24 : 16)));
          a.jmp(done);
          a.bind(clampLow);
          a.mov(rax, qword(mem(rsp, 16)));
          a.jmp(done);
          a.bind(clampHigh);
          a.mov(rax, qword(mem(rsp, 24)));
          a.bind(done);
          a.mov(rdi, rax);
          a.call(sym('rt_cont_box_i64'));
          ifExc(a, out);
          a.mov(qword(mem(rsp, slot)), rax);
        }
        a.mov(rdi, qword(mem(rsp, 40)));
        a.mov(rsi, qword(mem(rsp, 48)));
        a.mov(rdx, qword(mem(rsp, 32)));
        a.call(sym('rt_tuple_pack3'));
        a.jmp(out);
        a.bind(typeErr);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_slice_indices')));
        a.call(sym('rt_raise_cstr'));
        a.bind(fail);
        a.bind(out);
        epilogue(a, saved, 56);
      },
    },
  ],
  data: [
    argSpecDatum(SPEC_NEW),
    argSpecDatum(SPEC_INDICES),
    cstr('msg_slice_indices', 'slice indices must be integers or None or have an __index__ method'),
    cstr('msg_slice_step_zero', 'slice step cannot be zero'),
    cstr('msg_slice_negative_length', 'length should not be negative'),
    cstr('str_slice_open', 'slice('),
    cstr('str_slice_sep', ', '),
    cstr('str_slice_close', ')'),
    ...(['start', 'stop', 'step'] as const).map((f) => ({ name: `str_slice_attr_${f}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => emitStr(a, f) })),
  ],
};
