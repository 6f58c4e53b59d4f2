// Runtime: the core of bytes and bytearray (Objects/bytesobject.c, bytearrayobject.c of
// CPython 3.11): repr, comparison, hash, len, truth, indexing and slicing, iteration,
// membership, concatenation, and the bytearray type.
//
// A bytes object is `raw` (layout.ts BYTES: length, cached hash or -1, the bytes and a NUL).
// A bytearray (layout `fixed`, BYTEARRAY below) holds its contents as a bytes object that it
// replaces on mutation; append() over-allocates that object as CPython does and then fills
// it in place, so a loop of appends is linear. Reading operations on a bytearray run on that bytes object; results of
// bytearray slicing and concatenation are bytearrays, as in CPython. Comparisons mix bytes
// and bytearray freely. bytearray is unhashable (its hash slot raises TypeError).
//
// hash(b) is the runtime's str hash of the same code points (layout.ts strHash), so
// hash(b'ab') == hash('ab') as in CPython.

import { type Assembler, type Label, al, byte, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxInt, BYTES, LIST, SEQITER, TAG_OBJ, TYPE, TYPEFLAG_BUILTIN, typeSlot, UNBOUND, VALUES } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { type BiSpec, parseArgs, specData } from './bi_args.js';
import { cstr } from './exc.js';
import { SLICEOUT } from './slice.js';

/**
 * bytearray: its contents as a bytes value (replaced on mutation), and `cap`: 0, or (raw
 * count, below 2^48 so the collector reads it as a double) the data bytes that contents
 * object has room for when append() made it and nothing else has seen it, so append() can
 * grow it in place (CPython's amortized over-allocation, bytearrayobject.c). Every other
 * store of `bytes` resets `cap` to 0.
 */
export const BYTEARRAY = { bytes: 16, cap: 24, size: 32 } as const;
/** memoryview: the bytes or bytearray it views (the whole object; no format, shape or slicing views). */
export const MEMORYVIEW = { obj: 16, size: 24 } as const;

/** BINOPS indices used here. */
const OP_ADD = 0;
const OP_MUL = 2;
const CMP_EQ = 2;
const CMP_NE = 3;

/**
 * rax = raw address of the bytes behind the value in `v` (bytes; a bytearray's contents; a
 * memoryview's object's); else jumps to `other`. Clobbers rcx, rdx.
 */
export function bytesOf(a: Assembler<any>, v: typeof rdi, other: Label): void {
  const again = a.newLabel();
  const notArray = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, v);
  a.bind(again);
  a.mov(rcx, rax);
  a.shr(rcx, 48);
  a.cmp(ecx, TAG_OBJ);
  a.jne(other);
  unboxPtr(a, rax);
  a.mov(rcx, qword(mem(rax)));
  a.lea(rdx, rip(sym('type_bytes')));
  a.cmp(rcx, rdx);
  a.je(done);
  a.lea(rdx, rip(sym('type_bytearray')));
  a.cmp(rcx, rdx);
  a.jne(notArray);
  a.mov(rax, qword(mem(rax, BYTEARRAY.bytes)));
  unboxPtr(a, rax);
  a.jmp(done);
  a.bind(notArray);
  a.lea(rdx, rip(sym('type_memoryview')));
  a.cmp(rcx, rdx);
  a.jne(other);
  a.mov(rax, qword(mem(rax, MEMORYVIEW.obj)));
  a.jmp(again);
  a.bind(done);
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_bytes_alloc',
    contract: 'rdi=length -> rax=raw address of a new bytes object of that length (zero bytes, hash not computed); may allocate',
    emit(a: Assembler<any>) {
      a.push(rdi);
      a.lea(rdi, mem(rdi, BYTES.data + 1));
      a.lea(rsi, rip(sym('type_bytes')));
      a.call(sym('rt_alloc'));
      a.pop(rdi);
      a.mov(qword(mem(rax, BYTES.length)), rdi);
      a.mov(qword(mem(rax, BYTES.hash)), -1);
      a.ret();
    },
  },
  {
    name: 'rt_bytes_from_data',
    contract: 'rdi=address, rsi=length -> rax=bytes value with a copy of those bytes (the address may be inside a heap object: nothing moves); may allocate',
    emit(a: Assembler<any>) {
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(rdi, rsi);
      a.call(sym('rt_bytes_alloc'));
      a.lea(rdi, mem(rax, BYTES.data));
      a.mov(rsi, r12);
      a.mov(rcx, r13);
      a.rep_movsb();
      boxPtr(a, rax, rcx);
      epilogue(a, [r12, r13], 8);
    },
  },
  {
    name: 'rt_bytearray_wrap',
    contract: 'rdi=bytes value -> rax=new bytearray holding it; may allocate',
    emit(a: Assembler<any>) {
      a.push(rdi);
      a.mov(edi, BYTEARRAY.size);
      a.lea(rsi, rip(sym('type_bytearray')));
      a.call(sym('rt_alloc'));
      a.pop(rdi);
      a.mov(qword(mem(rax, BYTEARRAY.bytes)), rdi);
      boxPtr(a, rax, rcx);
      a.ret();
    },
  },
  ...(['bytes', 'bytearray'] as const).flatMap((t): RuntimeRoutine[] => [
    {
      name: `rt_len_${t}`,
      contract: `len slot of ${t} -> rax=its length; clobbers rax rcx rdx`,
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        bytesOf(a, rdi, none);
        a.mov(rax, qword(mem(rax, BYTES.length)));
        a.ret();
        a.bind(none);
        a.mov(rax, -1);
        a.ret();
      },
    },
    {
      name: `rt_bool_${t}`,
      contract: `bool slot of ${t} -> eax=1 unless empty; clobbers rax rcx rdx`,
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        bytesOf(a, rdi, none);
        a.cmp(qword(mem(rax, BYTES.length)), 0);
        a.setne(al);
        a.movzx(eax, al);
        a.ret();
        a.bind(none);
        a.xor(eax, eax);
        a.ret();
      },
    },
  ]),
  {
    name: 'rt_hash_bytes',
    contract: "hash slot of bytes: rdi=bytes -> rax=the runtime's str hash of the same code points (cached); clobbers rax rcx rdx rsi rdi r8; no alloc",
    emit(a: Assembler<any>) {
      const compute = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      unboxPtr(a, rdi);
      a.mov(rax, qword(mem(rdi, BYTES.hash)));
      a.cmp(rax, -1);
      a.je(compute);
      a.ret();
      a.bind(compute);
      a.mov(rcx, qword(mem(rdi, BYTES.length)));
      a.lea(rsi, mem(rdi, BYTES.data));
      a.mov(rax, 0xcbf29ce484222325n);
      a.mov(r8, 0x100000001b3n);
      a.push(rcx);
      a.bind(loop);
      a.test(rcx, rcx);
      a.je(done);
      a.movzx(edx, byte(mem(rsi)));
      a.xor(rax, rdx);
      a.imul(rax, r8);
      a.inc(rsi);
      a.dec(rcx);
      a.jmp(loop);
      a.bind(done);
      a.pop(rcx);
      a.xor(rax, rcx);
      for (const k of [0xff51afd7ed558ccdn, 0xc4ceb9fe1a85ec53n]) {
        a.mov(rdx, rax);
        a.shr(rdx, 33);
        a.xor(rax, rdx);
        a.mov(r8, k);
        a.imul(rax, r8);
      }
      a.mov(rdx, rax);
      a.shr(rdx, 33);
      a.xor(rax, rdx);
      a.mov(rdx, -2);
      a.cmp(rax, -1);
      a.cmove(rax, rdx);
      a.mov(qword(mem(rdi, BYTES.hash)), rax);
      a.ret();
    },
  },
  {
    name: 'rt_hash_bytearray',
    contract: "hash slot of bytearray -> -1 with TypeError \"unhashable type: 'bytearray'\"; may allocate",
    emit(a: Assembler<any>) {
      a.sub(rsp, 8);
      a.mov(rdx, rdi);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_unhashable')));
      a.call(sym('rt_raise_fmt'));
      a.add(rsp, 8);
      a.mov(rax, -1);
      a.ret();
    },
  },
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_richcompare_${t}`,
    contract: `richcompare slot of ${t}: rdi, rsi (bytes or bytearray on both sides, else NotImplemented), edx=CMPOPS index -> rax=bool (memcmp, then the lengths); clobbers caller-saved`,
    emit(a: Assembler<any>) {
      const notImpl = a.newLabel();
      const loop = a.newLabel();
      const decided = a.newLabel();
      const byLength = a.newLabel();
      prologue(a, [r12, r13, r14], 8);
      a.mov(r14d, edx);
      a.mov(r12, rsi);
      bytesOf(a, rdi, notImpl);
      a.mov(r13, rax);
      bytesOf(a, r12, notImpl);
      a.mov(r12, rax);
      // rax = sign of the comparison (-1, 0, 1)
      a.mov(r8, qword(mem(r13, BYTES.length)));
      a.mov(rcx, qword(mem(r12, BYTES.length)));
      a.cmp(rcx, r8);
      a.cmova(rcx, r8); // min length
      a.xor(edx, edx);
      a.bind(loop);
      a.cmp(rdx, rcx);
      a.jae(byLength);
      a.movzx(eax, byte(sib(r13, rdx, 1, BYTES.data)));
      a.movzx(edi, byte(sib(r12, rdx, 1, BYTES.data)));
      a.inc(rdx);
      a.sub(rax, rdi);
      a.je(loop);
      a.jmp(decided);
      a.bind(byLength);
      a.mov(rax, qword(mem(r13, BYTES.length)));
      a.sub(rax, qword(mem(r12, BYTES.length)));
      a.bind(decided);
      // eax/rax sign -> the answer for the operator (CMPOPS: < <= == != > >=)
      {
        const cmpTrue = a.newLabel();
        const cmpFalse = a.newLabel();
        const ops: [number, (l: Label) => void][] = [
          [0, (l) => a.jl(l)],
          [1, (l) => a.jle(l)],
          [CMP_EQ, (l) => a.je(l)],
          [CMP_NE, (l) => a.jne(l)],
          [4, (l) => a.jg(l)],
          [5, (l) => a.jge(l)],
        ];
        for (const [op, jcc] of ops) {
          const next = a.newLabel();
          a.cmp(r14d, op);
          a.jne(next);
          a.test(rax, rax);
          jcc(cmpTrue);
          a.jmp(cmpFalse);
          a.bind(next);
        }
        a.bind(cmpFalse);
        a.mov(rax, g('rt_const_False'));
        epilogue(a, [r12, r13, r14], 8);
        a.bind(cmpTrue);
        a.mov(rax, g('rt_const_True'));
        epilogue(a, [r12, r13, r14], 8);
      }
      a.bind(notImpl);
      a.mov(rax, g('rt_const_NotImplemented'));
      epilogue(a, [r12, r13, r14], 8);
    },
  })),
];

/** repr of the bytes at raw r12 into a builder (r13): b'...' as bytes_repr (quote choice, escapes). */
function emitRepr(a: Assembler<any>, t: 'bytes' | 'bytearray'): void {
  const useDouble = a.newLabel();
  const quoteChosen = a.newLabel();
  const loop = a.newLabel();
  const done = a.newLabel();
  // r14 = quote: ' unless the data has ' and no "
  a.mov(r14, 0x27);
  {
    const scan = a.newLabel();
    const scanned = a.newLabel();
    const noSingle = a.newLabel();
    a.xor(ecx, ecx);
    a.xor(edx, edx); // bit 0: has ', bit 1: has "
    a.bind(scan);
    a.cmp(rcx, qword(mem(r12, BYTES.length)));
    a.jae(scanned);
    a.movzx(eax, byte(sib(r12, rcx, 1, BYTES.data)));
    a.inc(rcx);
    a.cmp(eax, 0x27);
    a.jne(noSingle);
    a.or(edx, 1);
    a.bind(noSingle);
    a.cmp(eax, 0x22);
    a.jne(scan);
    a.or(edx, 2);
    a.jmp(scan);
    a.bind(scanned);
    a.cmp(edx, 1);
    a.je(useDouble);
    a.jmp(quoteChosen);
    a.bind(useDouble);
    a.mov(r14, 0x22);
    a.bind(quoteChosen);
  }
  const cp = (c: number | typeof esi): void => {
    a.mov(rdi, r13);
    if (typeof c === 'number') a.mov(esi, c);
    else if (c !== esi) a.mov(esi, c);
    a.call(sym('rt_sb_append_cp'));
    a.mov(r13, rax);
  };
  cp(0x62);
  a.mov(esi, r14d);
  cp(esi);
  a.xor(r15, r15);
  a.bind(loop);
  a.cmp(r15, qword(mem(r12, BYTES.length)));
  a.jae(done);
  a.movzx(ebx, byte(sib(r12, r15, 1, BYTES.data)));
  a.inc(r15);
  {
    const plain = a.newLabel();
    const hex = a.newLabel();
    const next = a.newLabel();
    const escapes: [number, number][] = [[0x09, 0x74], [0x0a, 0x6e], [0x0d, 0x72], [0x5c, 0x5c]];
    for (const [ch, letter] of escapes) {
      const no = a.newLabel();
      a.cmp(ebx, ch);
      a.jne(no);
      cp(0x5c);
      cp(letter);
      a.jmp(next);
      a.bind(no);
    }
    {
      const notQuote = a.newLabel();
      a.cmp(rbx, r14);
      a.jne(notQuote);
      cp(0x5c);
      a.mov(esi, r14d);
      cp(esi);
      a.jmp(next);
      a.bind(notQuote);
    }
    if (t === 'bytearray') {
      // bytearray_repr escapes ' even inside "..." (bytesobject.c's repr does not)
      const notSingle = a.newLabel();
      a.cmp(ebx, 0x27);
      a.jne(notSingle);
      cp(0x5c);
      cp(0x27);
      a.jmp(next);
      a.bind(notSingle);
    }
    a.cmp(ebx, 0x20);
    a.jb(hex);
    a.cmp(ebx, 0x7f);
    a.jae(hex);
    a.bind(plain);
    a.mov(esi, ebx);
    cp(esi);
    a.jmp(next);
    a.bind(hex);
    cp(0x5c);
    cp(0x78);
    a.lea(rax, rip(sym('bytes_hexdigits')));
    a.mov(ecx, ebx);
    a.shr(ecx, 4);
    a.movzx(esi, byte(sib(rax, rcx, 1)));
    cp(esi);
    a.lea(rax, rip(sym('bytes_hexdigits')));
    a.mov(ecx, ebx);
    a.and(ecx, 15);
    a.movzx(esi, byte(sib(rax, rcx, 1)));
    cp(esi);
    a.bind(next);
  }
  a.jmp(loop);
  a.bind(done);
  a.mov(esi, r14d);
  cp(esi);
}

const SAVED = [rbx, r12, r13, r14, r15] as const;

routines.push(
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_repr_${t}`,
    contract: `repr slot of ${t} -> rax=str ${t === 'bytes' ? "b'...'" : "bytearray(b'...')"} (bytes_repr: ' unless the data has ' and no ", \\t \\n \\r \\\\ escapes, \\xhh outside printable ASCII); may allocate`,
    emit(a: Assembler<any>) {
      const other = a.newLabel();
      prologue(a, SAVED, 0);
      bytesOf(a, rdi, other);
      a.bind(other);
      a.mov(r12, rax);
      a.mov(rdi, qword(mem(r12, BYTES.length)));
      a.lea(rdi, mem(rdi, 16));
      a.call(sym('rt_sb_new'));
      a.mov(r13, rax);
      if (t === 'bytearray') {
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('bytes_cs_bytearray')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
      }
      emitRepr(a, t);
      if (t === 'bytearray') {
        a.mov(rdi, r13);
        a.mov(esi, 0x29);
        a.call(sym('rt_sb_append_cp'));
        a.mov(r13, rax);
      }
      a.mov(rdi, r13);
      a.call(sym('rt_sb_finish'));
      epilogue(a, SAVED, 0);
    },
  })),
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_str_${t}`,
    contract: `str slot of ${t}: repr (CPython without -b)`,
    emit(a: Assembler<any>) {
      a.jmp(sym(`rt_repr_${t}`));
    },
  })),
);

routines.push(
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_getitem_${t}`,
    contract: `getitem slot of ${t}: rdi=${t}, rsi=int (negative from the end) or slice -> rax=int of the byte, a new ${t} for a slice, or EXC (IndexError "${t === 'bytes' ? 'index' : 'bytearray index'} out of range", TypeError "byte indices must be integers or slices, not str"); may allocate`,
    emit(a: Assembler<any>) {
      const FRAME = SLICEOUT.size + 8;
      const other = a.newLabel();
      const notInt = a.newLabel();
      const range = a.newLabel();
      const out = a.newLabel();
      const bad = a.newLabel();
      const sliceFail = a.newLabel();
      prologue(a, SAVED, FRAME);
      a.mov(r13, rsi);
      bytesOf(a, rdi, other);
      a.bind(other);
      a.mov(r12, rax);
      const retry = a.newLabel();
      a.bind(retry);
      a.mov(rdi, r13);
      a.call(sym('rt_int_to_i64'));
      a.cmp(edx, 2);
      a.je(notInt);
      a.test(edx, edx);
      a.jne(range);
      a.mov(rcx, qword(mem(r12, BYTES.length)));
      {
        const pos = a.newLabel();
        a.test(rax, rax);
        a.jns(pos);
        a.add(rax, rcx);
        a.bind(pos);
      }
      a.cmp(rax, rcx);
      a.jae(range);
      a.movzx(eax, byte(sib(r12, rax, 1, BYTES.data)));
      a.mov(rcx, boxInt(0n));
      a.or(rax, rcx);
      a.jmp(out);
      a.bind(range);
      a.lea(rdi, rip(sym('type_IndexError')));
      a.lea(rsi, rip(sym(`msg_${t}_index_range`)));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(notInt);
      {
        // a slice: copy the selected bytes
        const loop = a.newLabel();
        const done = a.newLabel();
        a.mov(rax, r13);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(bad);
        a.mov(rax, r13);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_slice')));
        a.cmp(rax, rcx);
        a.jne(bad);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(r12, BYTES.length)));
        a.mov(rdx, rsp);
        a.call(sym('rt_slice_indices_ex'));
        a.test(rax, rax);
        a.js(sliceFail);
        a.mov(rdi, rax);
        a.call(sym('rt_bytes_alloc'));
        a.mov(r14, rax);
        a.mov(rcx, qword(mem(rsp, SLICEOUT.start)));
        a.xor(edx, edx);
        a.bind(loop);
        a.cmp(rdx, qword(mem(r14, BYTES.length)));
        a.jae(done);
        a.movzx(eax, byte(sib(r12, rcx, 1, BYTES.data)));
        a.mov(byte(sib(r14, rdx, 1, BYTES.data)), al);
        a.add(rcx, qword(mem(rsp, SLICEOUT.step)));
        a.inc(rdx);
        a.jmp(loop);
        a.bind(done);
        a.mov(rax, r14);
        boxPtr(a, rax, rcx);
        if (t === 'bytearray') {
          a.mov(rdi, rax);
          a.call(sym('rt_bytearray_wrap'));
        }
        a.jmp(out);
      }
      a.bind(bad);
      {
        // an object with __index__ (the class's; builtinsub.ts rt_index_i64)
        const none = a.newLabel();
        a.mov(rdi, r13);
        a.call(sym('rt_index_i64'));
        a.cmp(edx, 1);
        a.je(range);
        a.cmp(edx, 2);
        a.je(none);
        a.test(edx, edx);
        a.jne(sliceFail);
        a.mov(rdi, rax);
        a.call(sym('rt_int_from_i64'));
        a.mov(r13, rax);
        a.jmp(retry);
        a.bind(none);
      }
      a.mov(rdx, r13);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym(`msg_${t}_indices`)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(sliceFail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, FRAME);
    },
  })),
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_iter_${t}`,
    contract: `iter slot of ${t} -> rax=${t === 'bytes' ? 'bytes_iterator' : 'bytearray_iterator'} over its bytes (ints); may allocate`,
    emit(a: Assembler<any>) {
      a.lea(rsi, rip(sym(`type_${t}_iterator`)));
      a.xor(edx, edx);
      a.jmp(sym('rt_cont_seqiter_new'));
    },
  })),
  ...(['bytes', 'bytearray'] as const).flatMap((t): RuntimeRoutine[] => [
    {
      name: `rt_iter_${t}_iterator`,
      contract: `iter slot of ${t}_iterator: rdi -> itself; clobbers rax`,
      emit(a: Assembler<any>) {
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: `rt_next_${t}_iterator`,
      contract: `next slot of ${t}_iterator -> rax=the next byte as an int, UNBOUND when exhausted; clobbers rax rcx rdx rdi`,
      emit(a: Assembler<any>) {
        const end = a.newLabel();
        const other = a.newLabel();
        a.push(rbx);
        a.mov(rbx, rdi);
        unboxPtr(a, rbx);
        a.mov(rdi, qword(mem(rbx, SEQITER.seq)));
        a.cmp(rdi, g('rt_const_unbound'));
        a.je(end);
        bytesOf(a, rdi, other);
        a.bind(other);
        a.mov(rdx, qword(mem(rbx, SEQITER.index)));
        a.cmp(rdx, qword(mem(rax, BYTES.length)));
        a.jae(end);
        a.inc(qword(mem(rbx, SEQITER.index)));
        a.movzx(eax, byte(sib(rax, rdx, 1, BYTES.data)));
        a.mov(rcx, boxInt(0n));
        a.or(rax, rcx);
        a.pop(rbx);
        a.ret();
        a.bind(end);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(qword(mem(rbx, SEQITER.seq)), rax);
        a.pop(rbx);
        a.ret();
      },
    },
  ]),
);


const NEW_SPECS = {
  bytes: { fname: 'bytes', style: 'CLINIC', min: 0, max: 3, posonly: 0, names: ['source', 'encoding', 'errors'] },
  bytearray: { fname: 'bytearray', style: 'CLINIC', min: 0, max: 3, posonly: 0, names: ['source', 'encoding', 'errors'] },
} as const satisfies Record<string, BiSpec>;

/** rax = the byte value (0..255) of the int-like in rdi; jumps to `fail` after raising. */
function byteValue(a: Assembler<any>, fail: Label, msg: string): void {
  const ok = a.newLabel();
  const range = a.newLabel();
  a.call(sym('rt_bi_index'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(rdi, rax);
  a.call(sym('rt_int_to_i64'));
  a.test(edx, edx);
  a.jne(range);
  a.cmp(rax, 255);
  a.jbe(ok);
  a.bind(range);
  a.lea(rdi, rip(sym('type_ValueError')));
  a.lea(rsi, rip(sym(msg)));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
  a.bind(ok);
}

routines.push(
  {
    name: 'rt_bytes_build',
    contract: "rdi=source, rsi=type value bytes or bytearray (for the messages) -> rax=bytes(source) for one argument: bytes as it is, a bytearray's contents, an int's count of zero bytes, the ints of an iterable; or EXC (TypeError \"string argument without an encoding\", \"cannot convert 'float' object to bytes\", ValueError \"negative count\", \"bytes must be in range(0, 256)\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      const notBytes = a.newLabel();
      const notInt = a.newLabel();
      const iterate = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      a.mov(qword(mem(rsp, 0)), rsi);
      bytesOf(a, r12, notBytes);
      {
        const copy = a.newLabel();
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        a.cmp(rax, rcx);
        a.jne(copy);
        a.mov(rax, r12); // exact bytes: itself
        a.jmp(out);
        a.bind(copy);
        bytesOf(a, r12, notBytes);
        a.lea(rdi, mem(rax, BYTES.data));
        a.mov(rsi, qword(mem(rax, BYTES.length)));
        a.call(sym('rt_bytes_from_data'));
        a.jmp(out);
      }
      a.bind(notBytes);
      {
        const notStr = a.newLabel();
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notStr);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bytes_str_no_encoding')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(notStr);
      }
      a.mov(rdi, r12);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(notInt);
      {
        const big = a.newLabel();
        const neg = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_int_to_i64'));
        a.test(edx, edx);
        a.jne(big);
        a.test(rax, rax);
        a.js(neg);
        a.mov(rdi, rax);
        a.call(sym('rt_bytes_alloc'));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(neg);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_bytes_negative')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(big);
        a.mov(rdx, r12);
        a.lea(rdi, rip(sym('type_OverflowError')));
        a.lea(rsi, rip(sym('msg_bytes_too_big')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
      }
      a.bind(notInt);
      // an iterable of ints: collect the byte values in a list, then copy them
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
      a.jne(iterate);
      // __bytes__ (bytes only), an object with __index__ counts zero bytes, else TypeError (runtime/core/bytesx.ts)
      a.mov(rdi, qword(mem(rsp, 0)));
      a.mov(rsi, r12);
      a.call(sym('rt_bytesx_build'));
      a.jmp(out);
      a.bind(iterate);
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        const fill = a.newLabel();
        const filled = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_cont_iter'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        a.xor(edi, edi);
        a.call(sym('rt_list_new'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r14, rax);
        a.bind(loop);
        a.mov(rdi, r13);
        a.call(sym('rt_cont_next'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(done);
        a.mov(rdi, rax);
        byteValue(a, fail, 'msg_bytes_bytes_range');
        a.mov(rcx, boxInt(0n));
        a.or(rax, rcx);
        a.mov(rdi, r14);
        a.mov(rsi, rax);
        a.call(sym('rt_list_append'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.jmp(loop);
        a.bind(done);
        // r14 = list of small ints: copy their low bytes
        a.mov(rax, r14);
        unboxPtr(a, rax);
        a.mov(rdi, qword(mem(rax, LIST.length)));
        a.call(sym('rt_bytes_alloc'));
        a.mov(r15, rax);
        a.mov(rax, r14);
        unboxPtr(a, rax);
        a.mov(rsi, qword(mem(rax, LIST.items)));
        unboxPtr(a, rsi);
        a.xor(ecx, ecx);
        a.bind(fill);
        a.cmp(rcx, qword(mem(r15, BYTES.length)));
        a.jae(filled);
        a.mov(rax, qword(sib(rsi, rcx, 8, VALUES.items)));
        a.mov(byte(sib(r15, rcx, 1, BYTES.data)), al);
        a.inc(rcx);
        a.jmp(fill);
        a.bind(filled);
        a.mov(rax, r15);
        boxPtr(a, rax, rcx);
        a.jmp(out);
      }
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_new_${t}`,
    contract: `new slot of ${t}: ${t}(source=b'', encoding, errors) -> rax=${t} value: empty, str.encode(encoding, errors) of a str, else rt_bytes_build; or EXC (TypeError "encoding without a string argument", "string argument without an encoding", "errors without a string argument"); subclasses get plain ${t} objects; may allocate, may raise`,
    emit(a: Assembler<any>) {
      const OUT = 0; // source, encoding, errors
      const FRAME = 24;
      const out = a.newLabel();
      const fail = a.newLabel();
      const built = a.newLabel();
      const noEncoding = a.newLabel();
      const isStr = a.newLabel();
      const typeError = a.newLabel();
      prologue(a, SAVED, FRAME);
      a.mov(rdi, rsi);
      a.mov(rsi, rdx);
      a.mov(rdx, rcx);
      parseArgs(a, NEW_SPECS[t], OUT, fail);
      a.mov(r12, qword(mem(rsp, OUT)));
      a.mov(rbx, UNBOUND);
      {
        const given = a.newLabel();
        a.cmp(r12, rbx);
        a.jne(given);
        a.xor(edi, edi);
        a.call(sym('rt_bytes_alloc'));
        boxPtr(a, rax, rcx);
        a.jmp(built);
        a.bind(given);
      }
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym('type_str')));
      a.call(sym('rt_isinstance_type'));
      a.mov(r13d, eax);
      a.cmp(qword(mem(rsp, OUT + 8)), rbx);
      a.je(noEncoding);
      a.test(r13d, r13d);
      a.jne(isStr);
      a.lea(rsi, rip(sym('msg_bytes_encoding_no_str')));
      a.jmp(typeError);
      a.bind(isStr);
      {
        // str.encode(encoding[, errors]) with the arguments in place (self = source)
        const two = a.newLabel();
        a.mov(esi, 3);
        a.cmp(qword(mem(rsp, OUT + 16)), rbx);
        a.jne(two);
        a.mov(esi, 2);
        a.bind(two);
        a.lea(rdi, mem(rsp, OUT));
        a.xor(edx, edx);
        a.call(sym('rt_str_meth_encode'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.jmp(built);
      }
      a.bind(noEncoding);
      {
        const noErrors = a.newLabel();
        a.cmp(qword(mem(rsp, OUT + 16)), rbx);
        a.je(noErrors);
        a.lea(rsi, rip(sym('msg_bytes_str_no_encoding')));
        a.test(r13d, r13d);
        a.jne(typeError);
        a.lea(rsi, rip(sym('msg_bytes_errors_no_str')));
        a.jmp(typeError);
        a.bind(noErrors);
      }
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym(`type_${t}`)));
      boxPtr(a, rsi, rcx);
      a.call(sym('rt_bytes_build'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.bind(built);
      if (t === 'bytearray') {
        a.mov(rdi, rax);
        a.call(sym('rt_bytearray_wrap'));
      }
      a.jmp(out);
      a.bind(typeError);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, FRAME);
    },
  })),
  {
    name: 'rt_bytearray_meth_append',
    contract: 'bytearray.append(item) (vector ABI) -> None after writing the byte into the spare room of the contents (BYTEARRAY.cap), or into a copy with room for len + len/8 + 3..6 more, or EXC (ValueError "byte must be in range(0, 256)", the index errors, TypeError for the argument count); may allocate, may raise',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, 8);
      {
        const ok = a.newLabel();
        a.cmp(rsi, 2);
        a.je(ok);
        a.lea(rdx, mem(rsi, -1));
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_bytes_append_args')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(fail);
        a.bind(ok);
      }
      a.mov(r12, qword(mem(rdi))); // self
      a.mov(rdi, qword(mem(rdi, 8)));
      byteValue(a, fail, 'msg_bytes_byte_range');
      a.mov(r13, rax);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(r14, qword(mem(rax, BYTEARRAY.bytes)));
      unboxPtr(a, r14);
      {
        // room left: write the byte in place (the data after it is zero: the NUL stays)
        const grow = a.newLabel();
        a.mov(rdx, qword(mem(r14, BYTES.length)));
        a.cmp(rdx, qword(mem(rax, BYTEARRAY.cap)));
        a.jae(grow);
        a.mov(rax, r13);
        a.mov(byte(sib(r14, rdx, 1, BYTES.data)), al);
        a.inc(qword(mem(r14, BYTES.length)));
        a.mov(rax, g('rt_const_None'));
        a.jmp(out);
        a.bind(grow);
      }
      // new capacity: n + n/8 + (n < 9 ? 3 : 6) + 1 (PyByteArray_Resize's growth)
      a.mov(rdi, qword(mem(r14, BYTES.length)));
      a.mov(rcx, rdi);
      a.shr(rcx, 3);
      a.lea(rdi, sib(rdi, rcx, 1, 4));
      {
        const small = a.newLabel();
        a.cmp(qword(mem(r14, BYTES.length)), 9);
        a.jb(small);
        a.add(rdi, 3);
        a.bind(small);
      }
      a.mov(rbx, rdi);
      a.call(sym('rt_bytes_alloc'));
      a.mov(r15, rax);
      a.mov(rcx, qword(mem(r14, BYTES.length)));
      a.lea(rdx, mem(rcx, 1));
      a.mov(qword(mem(r15, BYTES.length)), rdx);
      a.lea(rdi, mem(r15, BYTES.data));
      a.lea(rsi, mem(r14, BYTES.data));
      a.rep_movsb();
      a.mov(rax, r13);
      a.mov(byte(mem(rdi)), al);
      a.mov(rax, r15);
      boxPtr(a, rax, rcx);
      a.mov(rcx, r12);
      unboxPtr(a, rcx);
      a.mov(qword(mem(rcx, BYTEARRAY.bytes)), rax);
      a.mov(qword(mem(rcx, BYTEARRAY.cap)), rbx);
      a.mov(rax, g('rt_const_None'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
);

routines.push(
  ...(['bytes', 'bytearray'] as const).map((t): RuntimeRoutine => ({
    name: `rt_binop_${t}`,
    contract: `binop slot of ${t}: rdi=a, rsi=b (one of them a ${t}), edx=BINOPS index -> rax=a + b for a bytes or bytearray a and a bytes-like b (the type of a), a * n and n * a repeated for an int n, NotImplemented otherwise; may allocate`,
    emit(a: Assembler<any>) {
      const ni = a.newLabel();
      const out = a.newLabel();
      const mul = a.newLabel();
      const concatError = a.newLabel();
      const mulError = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(ebx, edx);
      // bytes % args and bytearray += / *= in place: runtime/core/bytesx.ts
      a.call(sym('rt_bytesx_binop'));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      a.and(ebx, 15);
      a.cmp(ebx, OP_MUL);
      a.je(mul);
      a.cmp(ebx, OP_ADD);
      a.jne(ni);
      {
        // the left operand must be bytes or bytearray (a memoryview has no +)
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(ni);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(r15, qword(mem(rax))); // type of a
        a.lea(rcx, rip(sym('type_memoryview')));
        a.cmp(r15, rcx);
        a.je(ni);
        bytesOf(a, r12, ni);
        a.mov(r12, rax);
        bytesOf(a, r13, concatError);
        a.mov(r13, rax);
        a.mov(rdi, qword(mem(r12, BYTES.length)));
        a.add(rdi, qword(mem(r13, BYTES.length)));
        a.call(sym('rt_bytes_alloc'));
        a.mov(r14, rax);
        a.lea(rdi, mem(r14, BYTES.data));
        a.lea(rsi, mem(r12, BYTES.data));
        a.mov(rcx, qword(mem(r12, BYTES.length)));
        a.rep_movsb();
        a.lea(rsi, mem(r13, BYTES.data));
        a.mov(rcx, qword(mem(r13, BYTES.length)));
        a.rep_movsb();
      }
      const boxed = a.newLabel();
      a.bind(boxed);
      a.mov(rax, r14);
      boxPtr(a, rax, rcx);
      {
        const plain = a.newLabel();
        a.lea(rcx, rip(sym('type_bytearray')));
        a.cmp(r15, rcx);
        a.jne(plain);
        a.mov(rdi, rax);
        a.call(sym('rt_bytearray_wrap'));
        a.bind(plain);
      }
      a.jmp(out);
      a.bind(mul);
      {
        // seq * n or n * seq: r12 = the sequence, r13 = the count
        const seqFirst = a.newLabel();
        const loop = a.newLabel();
        const done = a.newLabel();
        const tooBig = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_int_kind'));
        a.test(eax, eax);
        a.je(seqFirst);
        a.xchg(r12, r13);
        a.bind(seqFirst);
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(ni);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(r15, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_memoryview')));
        a.cmp(r15, rcx);
        a.je(ni);
        a.mov(rdi, r13);
        a.call(sym('rt_int_to_i64'));
        a.cmp(edx, 2);
        a.je(mulError);
        a.test(edx, edx);
        a.jne(tooBig);
        a.xor(ecx, ecx);
        a.test(rax, rax);
        a.cmovs(rax, rcx); // n < 0 repeats nothing
        a.mov(r13, rax);
        bytesOf(a, r12, ni);
        a.mov(r12, rax);
        a.mov(rax, qword(mem(r12, BYTES.length)));
        a.mul(r13);
        a.jc(tooBig);
        a.mov(rcx, 1n << 40n);
        a.cmp(rax, rcx);
        a.ja(tooBig);
        a.mov(rdi, rax);
        a.call(sym('rt_bytes_alloc'));
        a.mov(r14, rax);
        a.lea(rdi, mem(r14, BYTES.data));
        a.bind(loop);
        a.test(r13, r13);
        a.je(done);
        a.lea(rsi, mem(r12, BYTES.data));
        a.mov(rcx, qword(mem(r12, BYTES.length)));
        a.rep_movsb();
        a.dec(r13);
        a.jmp(loop);
        a.bind(done);
        a.jmp(boxed);
        a.bind(tooBig);
        a.lea(rdi, rip(sym('type_MemoryError')));
        a.lea(rsi, rip(sym('msg_bytes_empty')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      }
      // bytes + / * another builtin type: sq_concat's and sq_repeat's TypeErrors (a class
      // may still answer through its reflected dunder: NotImplemented for those).
      a.bind(concatError);
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
      a.je(ni);
      a.mov(rdx, r13);
      a.mov(rcx, r15);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_concat')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(mulError);
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
      a.je(ni);
      a.mov(rdx, r13);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_mul')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  })),
  ...(['bytes', 'bytearray', 'memoryview'] as const).map((t): RuntimeRoutine => ({
    name: `rt_contains_${t}`,
    contract: `contains slot of ${t}: rdi=container, rsi=item -> eax=1/0: an int is a byte value (ValueError "byte must be in range(0, 256)"), a bytes-like item a substring, an object with __index__ its byte value; -1 with TypeError "a bytes-like object is required, not 'str'"; may allocate, may raise (__index__)`,
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      const notInt = a.newLabel();
      const yes = a.newLabel();
      const no = a.newLabel();
      const bad = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r13, rsi);
      bytesOf(a, rdi, no);
      a.mov(r12, rax);
      a.mov(rdi, r13);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(notInt);
      a.mov(rdi, r13);
      byteValue(a, fail, 'msg_bytes_byte_range');
      const scanInt = a.newLabel();
      a.bind(scanInt);
      {
        const scan = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(scan);
        a.cmp(rcx, qword(mem(r12, BYTES.length)));
        a.jae(no);
        a.movzx(edx, byte(sib(r12, rcx, 1, BYTES.data)));
        a.inc(rcx);
        a.cmp(edx, eax);
        a.je(yes);
        a.jmp(scan);
      }
      a.bind(notInt);
      {
        // an object with __index__ is a byte value too (PyNumber_AsSsize_t first)
        const noIndex = a.newLabel();
        const badByte = a.newLabel();
        a.mov(rdi, r13);
        a.call(sym('rt_index_i64'));
        a.cmp(edx, 2);
        a.je(noIndex);
        a.cmp(edx, 1);
        a.je(badByte);
        a.test(edx, edx);
        a.jne(fail);
        a.cmp(rax, 255);
        a.jbe(scanInt);
        a.bind(badByte);
        a.lea(rdi, rip(sym('type_ValueError')));
        a.lea(rsi, rip(sym('msg_bytes_byte_range')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(fail);
        a.bind(noIndex);
      }
      bytesOf(a, r13, bad);
      a.mov(r13, rax);
      {
        // naive search of r13's bytes in r12's
        const outer = a.newLabel();
        const inner = a.newLabel();
        const next = a.newLabel();
        a.mov(r14, qword(mem(r12, BYTES.length)));
        a.sub(r14, qword(mem(r13, BYTES.length))); // last start
        a.js(no);
        a.xor(ebx, ebx); // start
        a.bind(outer);
        a.cmp(rbx, r14);
        a.jg(no);
        a.xor(ecx, ecx);
        a.bind(inner);
        a.cmp(rcx, qword(mem(r13, BYTES.length)));
        a.jae(yes);
        a.lea(rdx, mem(rbx, BYTES.data));
        a.add(rdx, rcx);
        a.movzx(eax, byte(sib(r12, rdx, 1)));
        a.cmp(al, byte(sib(r13, rcx, 1, BYTES.data)));
        a.jne(next);
        a.inc(rcx);
        a.jmp(inner);
        a.bind(next);
        a.inc(rbx);
        a.jmp(outer);
      }
      a.bind(bad);
      a.mov(rdx, r13);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
      a.call(sym('rt_raise_fmt'));
      a.bind(fail);
      a.mov(eax, -1);
      a.jmp(out);
      a.bind(yes);
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(no);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  })),
);

const MV_SPEC: BiSpec = { fname: 'memoryview', style: 'CLINIC', min: 1, max: 1, posonly: 0, names: ['object'] };

routines.push(
  {
    name: 'rt_new_memoryview',
    contract: "new slot of memoryview: memoryview(object) of a bytes, bytearray or memoryview -> rax=a view of its bytes, or EXC (TypeError \"memoryview: a bytes-like object is required, not 'str'\"); may allocate",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      const bad = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(rdi, rsi);
      a.mov(rsi, rdx);
      a.mov(rdx, rcx);
      parseArgs(a, MV_SPEC, 0, fail);
      a.mov(r12, qword(mem(rsp)));
      bytesOf(a, r12, bad);
      a.mov(edi, MEMORYVIEW.size);
      a.lea(rsi, rip(sym('type_memoryview')));
      a.call(sym('rt_alloc'));
      a.mov(qword(mem(rax, MEMORYVIEW.obj)), r12);
      boxPtr(a, rax, rcx);
      a.jmp(out);
      a.bind(bad);
      a.mov(rdx, r12);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_mv_need_bytes')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  {
    name: 'rt_len_memoryview',
    contract: 'len slot of memoryview -> rax=the length of the viewed bytes; clobbers rax rcx rdx',
    emit(a: Assembler<any>) {
      const none = a.newLabel();
      bytesOf(a, rdi, none);
      a.mov(rax, qword(mem(rax, BYTES.length)));
      a.ret();
      a.bind(none);
      a.mov(rax, -1);
      a.ret();
    },
  },
  {
    name: 'rt_repr_memoryview',
    contract: "repr slot of memoryview -> rax=str '<memory at 0x...>'; may allocate",
    emit(a: Assembler<any>) {
      a.sub(rsp, 24);
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(qword(mem(rsp)), rax);
      a.lea(rdi, rip(sym('msg_mv_repr')));
      a.mov(rsi, rsp);
      a.call(sym('rt_str_fmt'));
      a.add(rsp, 24);
      a.ret();
    },
  },
  {
    name: 'rt_getitem_memoryview',
    contract: "getitem slot of memoryview: an int index gives the byte as an int; a slice gives a memoryview of a copy of the selected bytes; or EXC (IndexError \"index out of range\"; other keys get bytes' TypeError where CPython says \"memoryview: invalid slice key\"); may allocate",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const checked = a.newLabel();
      const range = a.newLabel();
      prologue(a, [r12, r13], 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      // an int index out of range: memoryview's own message
      a.mov(rdi, r13);
      a.call(sym('rt_int_to_i64'));
      a.cmp(edx, 2);
      a.je(checked);
      a.test(edx, edx);
      a.jne(range);
      a.mov(r8, rax);
      bytesOf(a, r12, checked);
      a.mov(rcx, qword(mem(rax, BYTES.length)));
      {
        const pos = a.newLabel();
        a.test(r8, r8);
        a.jns(pos);
        a.add(r8, rcx);
        a.bind(pos);
      }
      a.cmp(r8, rcx);
      a.jb(checked);
      a.bind(range);
      a.lea(rdi, rip(sym('type_IndexError')));
      a.lea(rsi, rip(sym('msg_mv_index_range')));
      a.call(sym('rt_raise_cstr'));
      a.jmp(out);
      a.bind(checked);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_getitem_bytes'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(out); // an int
      a.mov(r13, rax);
      a.mov(edi, MEMORYVIEW.size);
      a.lea(rsi, rip(sym('type_memoryview')));
      a.call(sym('rt_alloc'));
      a.mov(qword(mem(rax, MEMORYVIEW.obj)), r13);
      boxPtr(a, rax, rcx);
      a.bind(out);
      epilogue(a, [r12, r13], 8);
    },
  },
  {
    name: 'rt_hash_memoryview',
    contract: "hash slot of memoryview -> rax=hash of the viewed bytes, or -1 with ValueError \"cannot hash writable memoryview object\" for a bytearray; may allocate (only to raise)",
    emit(a: Assembler<any>) {
      const writable = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rdi, qword(mem(rax, MEMORYVIEW.obj)));
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax)));
      a.lea(rcx, rip(sym('type_bytes')));
      a.cmp(rax, rcx);
      a.jne(writable);
      a.jmp(sym('rt_hash_bytes'));
      a.bind(writable);
      a.sub(rsp, 8);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_mv_hash_writable')));
      a.call(sym('rt_raise_cstr'));
      a.add(rsp, 8);
      a.mov(rax, -1);
      a.ret();
    },
  },
  {
    name: 'rt_iter_memoryview',
    contract: 'iter slot of memoryview -> rax=an iterator over its bytes (ints); may allocate',
    emit(a: Assembler<any>) {
      a.lea(rsi, rip(sym('type_bytes_iterator')));
      a.xor(edx, edx);
      a.jmp(sym('rt_cont_seqiter_new'));
    },
  },
  {
    name: 'rt_richcompare_memoryview',
    contract: 'richcompare slot of memoryview: == and != against bytes-like objects by content; NotImplemented otherwise',
    emit(a: Assembler<any>) {
      const ni = a.newLabel();
      a.cmp(edx, CMP_EQ);
      a.je(sym('rt_richcompare_bytes'));
      a.cmp(edx, CMP_NE);
      a.je(sym('rt_richcompare_bytes'));
      a.bind(ni);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.ret();
    },
  },
  {
    name: 'rt_mv_meth_tobytes',
    contract: 'memoryview.tobytes() (vector ABI) -> rax=bytes copy of the viewed bytes; may allocate',
    emit(a: Assembler<any>) {
      const other = a.newLabel();
      a.sub(rsp, 8);
      a.mov(rdi, qword(mem(rdi)));
      bytesOf(a, rdi, other);
      a.bind(other);
      a.lea(rdi, mem(rax, BYTES.data));
      a.mov(rsi, qword(mem(rax, BYTES.length)));
      a.call(sym('rt_bytes_from_data'));
      a.add(rsp, 8);
      a.ret();
    },
  },
  {
    name: 'rt_mv_meth_tolist',
    contract: 'memoryview.tolist() (vector ABI) -> rax=list of the byte values; may allocate',
    emit(a: Assembler<any>) {
      a.sub(rsp, 8);
      a.mov(rdi, qword(mem(rdi)));
      a.call(sym('rt_list_from_iterable'));
      a.add(rsp, 8);
      a.ret();
    },
  },
);

const METHODS: RuntimeMethod[] = [
  { type: 'bytearray', name: 'append', entry: 'rt_bytearray_meth_append' },
  { type: 'memoryview', name: 'tobytes', entry: 'rt_mv_meth_tobytes' },
  { type: 'memoryview', name: 'tolist', entry: 'rt_mv_meth_tolist' },
];

export const bytesObjModule: RuntimeModule = {
  name: 'bytesobj',
  types: [
    { name: 'bytearray', layout: 'fixed' },
    { name: 'memoryview', layout: 'fixed' },
    { name: 'bytes_iterator', layout: 'iterator' },
    { name: 'bytearray_iterator', layout: 'iterator' },
  ],
  builtins: [],
  methods: METHODS,
  routines,
  data: [
    ...specData(NEW_SPECS.bytes),
    ...specData(NEW_SPECS.bytearray),
    ...specData(MV_SPEC),
    cstr('msg_mv_need_bytes', "memoryview: a bytes-like object is required, not '%T'"),
    cstr('msg_mv_repr', '<memory at %p>'),
    cstr('msg_mv_hash_writable', 'cannot hash writable memoryview object'),
    cstr('msg_mv_index_range', 'index out of bounds on dimension 1'),
    cstr('msg_bytes_need_bytes_like', "a bytes-like object is required, not '%T'"),
    cstr('msg_bytes_empty', ''),
    cstr('msg_bytes_concat', "can't concat %T to %N"),
    cstr('msg_bytes_mul', "can't multiply sequence by non-int of type '%T'"),
    { name: 'bytes_hexdigits', section: 'rodata', align: 16, emit: (a) => a.bytes(new TextEncoder().encode('0123456789abcdef')) },
    cstr('bytes_cs_bytearray', 'bytearray('),
    cstr('msg_bytes_unhashable', "unhashable type: '%T'"),
    cstr('msg_bytes_index_range', 'index out of range'),
    cstr('msg_bytearray_index_range', 'bytearray index out of range'),
    cstr('msg_bytes_indices', "byte indices must be integers or slices, not %T"),
    cstr('msg_bytearray_indices', "bytearray indices must be integers or slices, not %T"),
    cstr('msg_bytes_byte_range', 'byte must be in range(0, 256)'),
    cstr('msg_bytes_bytes_range', 'bytes must be in range(0, 256)'),
    cstr('msg_bytes_str_no_encoding', 'string argument without an encoding'),
    cstr('msg_bytes_encoding_no_str', 'encoding without a string argument'),
    cstr('msg_bytes_errors_no_str', 'errors without a string argument'),
    cstr('msg_bytes_negative', 'negative count'),
    cstr('msg_bytes_too_big', "cannot fit '%T' into an index-sized integer"),
    cstr('msg_bytes_append_args', 'bytearray.append() takes exactly one argument (%d given)'),
  ] satisfies RuntimeDatum[],
};
