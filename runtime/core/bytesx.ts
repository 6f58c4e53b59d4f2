// Runtime: the bytes and bytearray features written in Python (runtime/nativelib/_edgepyc_bytes.py):
// bytes % formatting (PEP 461), hex()/fromhex(), the bytearray mutators (extend, insert,
// pop, remove, clear, reverse, item and slice assignment and deletion, += and *=), copy()
// and __alloc__(), startswith/endswith with a tuple, and the codecs the runtime has no
// routines for (UTF-16, UTF-32, utf-8-sig: str.encode in strencode.ts and bytes.decode in
// bytescodec.ts call _edgepyc_bytes.encode/decode for an encoding they do not know).
//
// Role: each entry here forwards its arguments, unchanged, to the function of the same
// role in _edgepyc_bytes, imported through `rt_bytesx_chain` (emitted by the program
// builder, program.ts BYTES_MODULE; count 0 when no module of the program can make a bytes
// object, and then these paths raise SystemError naming the missing module). That module's
// frames are hidden from tracebacks, so its errors look like the C methods' of CPython.
//
// A bytearray mutator in Python returns `(contents, result)`: `contents` (a bytes object,
// or None when unchanged) becomes the bytearray's BYTEARRAY.bytes here, in place, so every
// reference to the bytearray sees it (`b2 = b; b2 += x` mutates b), and `result` is the
// method's return value.
//
// Invariants: the forwarded argument vectors are value words the collector scans (the
// caller's, or words on the machine stack, scanned conservatively); the bytearray whose
// contents are replaced is args[0], alive in that vector across the call.

import { type Assembler, eax, ecx, edx, mem, qword, r12, r13, r14, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { TUPLE } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { INPLACE } from '../../src/bytecode/ops.js';
import { BYTEARRAY } from './bytesobj.js';
import { staticStr } from './descrkit.js';
import { cstr } from './exc.js';

/** BINOPS indices (src/bytecode/ops.ts). */
const OP_ADD = 0;
const OP_MUL = 2;
const OP_MOD = 5;

/** Python functions of _edgepyc_bytes called from here. */
const PY_NAMES = ['encode', 'decode', 'startswith', 'endswith', 'mod', 'hex', 'fromhex', 'ba_extend', 'ba_insert', 'ba_pop', 'ba_remove', 'ba_clear', 'ba_reverse', 'ba_copy', 'ba_alloc', 'ba_setitem', 'ba_delitem', 'ba_iadd', 'ba_imul', 'build'] as const;
type PyName = (typeof PY_NAMES)[number];

/** Methods forwarded with the vector ABI: [type, method name, Python function, mutator?, kind]. */
const METHODS: readonly (readonly [string, string, PyName, boolean, RuntimeMethod['kind']])[] = [
  ['bytes', 'hex', 'hex', false, 'method'],
  ['bytearray', 'hex', 'hex', false, 'method'],
  ['bytes', 'fromhex', 'fromhex', false, 'classmethod'],
  ['bytearray', 'fromhex', 'fromhex', false, 'classmethod'],
  ['bytearray', 'extend', 'ba_extend', true, 'method'],
  ['bytearray', 'insert', 'ba_insert', true, 'method'],
  ['bytearray', 'pop', 'ba_pop', true, 'method'],
  ['bytearray', 'remove', 'ba_remove', true, 'method'],
  ['bytearray', 'clear', 'ba_clear', true, 'method'],
  ['bytearray', 'reverse', 'ba_reverse', true, 'method'],
  ['bytearray', 'copy', 'ba_copy', false, 'method'],
  ['bytearray', '__alloc__', 'ba_alloc', false, 'method'],
];

const entryOf = (t: string, m: string): string => `rt_bytesx_${t}_${m.replace(/_/g, '')}`;

/**
 * Emit: rax = _edgepyc_bytes.<name>(*args) with the vector ABI already in rsi (args),
 * rdx (nargs), rcx (kwnames | 0); may allocate, may raise.
 */
function forward(a: Assembler<any>, name: PyName): void {
  a.mov(rdi, g(`bx_s_${name}.v`));
  a.call(sym('rt_bytesx_call'));
}

/**
 * Emit, after a mutator's forward (rax = its `(contents, result)` tuple or EXC, r12 = the
 * bytearray value): store contents unless None, rax = result. Jumps to `out` on EXC.
 */
function storeContents(a: Assembler<any>, out: ReturnType<Assembler<any>['newLabel']>): void {
  const same = a.newLabel();
  a.cmp(rax, g('rt_const_exc'));
  a.je(out);
  unboxPtr(a, rax);
  a.mov(rcx, qword(mem(rax, TUPLE.items)));
  a.cmp(rcx, g('rt_const_None'));
  a.je(same);
  a.mov(rdx, r12);
  unboxPtr(a, rdx);
  a.mov(qword(mem(rdx, BYTEARRAY.bytes)), rcx);
  a.mov(qword(mem(rdx, BYTEARRAY.cap)), 0);
  a.bind(same);
  a.mov(rax, qword(mem(rax, TUPLE.items + 8)));
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_bytesx_call',
    contract: 'rdi=str value naming a function of _edgepyc_bytes, rsi=args, rdx=nargs, rcx=kwnames | 0 -> rax=its result or EXC (SystemError when the program does not link the module); may allocate, may raise',
    emit(a) {
      const saved = [r12, r13, r14] as const;
      const out = a.newLabel();
      const missing = a.newLabel();
      prologue(a, saved, 8 + 8);
      a.mov(qword(mem(rsp, 0)), rdi);
      a.mov(r12, rsi);
      a.mov(r13, rdx);
      a.mov(r14, rcx);
      a.cmp(qword(rip(sym('rt_bytesx_chain'))), 0);
      a.je(missing);
      a.lea(rdi, rip(sym('rt_bytesx_chain')));
      a.call(sym('rt_import_chain'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, qword(mem(rsp, 0)));
      a.call(sym('rt_getattr'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.mov(rdx, r13);
      a.mov(rcx, r14);
      a.call(sym('rt_call'));
      a.jmp(out);
      a.bind(missing);
      a.lea(rdi, rip(sym('type_SystemError')));
      a.lea(rsi, rip(sym('cstr_bx_missing')));
      a.call(sym('rt_raise_cstr'));
      a.bind(out);
      epilogue(a, saved, 8 + 8);
    },
  },
  ...METHODS.map(([t, m, py, mutator]): RuntimeRoutine => ({
    name: entryOf(t, m),
    contract: `${t}.${m} with the vector ABI: _edgepyc_bytes.${py}(*args)${mutator ? ', storing the new contents in args[0]' : ''}; may allocate, may raise`,
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12], 0);
      a.mov(r12, qword(mem(rdi)));
      a.mov(rcx, rdx);
      a.mov(rdx, rsi);
      a.mov(rsi, rdi);
      forward(a, py);
      if (mutator) storeContents(a, out);
      a.bind(out);
      epilogue(a, [r12], 0);
    },
  })),
  ...([['setitem', 'ba_setitem', 3], ['delitem', 'ba_delitem', 2]] as const).map(([slot, py, n]): RuntimeRoutine => ({
    name: `rt_${slot}_bytearray`,
    contract: `${slot} slot of bytearray: rdi=bytearray, rsi=key${n === 3 ? ', rdx=value' : ''} -> rax=0 or EXC (_edgepyc_bytes.${py}); may allocate, may raise`,
    emit(a) {
      const out = a.newLabel();
      prologue(a, [r12], 24);
      a.mov(r12, rdi);
      a.mov(qword(mem(rsp, 0)), rdi);
      a.mov(qword(mem(rsp, 8)), rsi);
      a.mov(qword(mem(rsp, 16)), n === 3 ? rdx : rsi);
      a.mov(rsi, rsp);
      a.mov(edx, n);
      a.xor(ecx, ecx);
      forward(a, py);
      storeContents(a, out);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12], 24);
    },
  })),
  {
    name: 'rt_bytesx_binop',
    contract: 'rdi=a, rsi=b, edx=BINOPS index (+INPLACE) of a bytes or bytearray binop -> rax=bytes % args (_edgepyc_bytes.mod) when a is the bytes-like left operand of %, a itself after bytearray += / *= in place, else UNBOUND (not handled here); may allocate, may raise',
    emit(a) {
      const out = a.newLabel();
      const no = a.newLabel();
      const inplace = a.newLabel();
      const call = a.newLabel();
      prologue(a, [r12, r13], 24);
      a.mov(r12, rdi);
      a.mov(qword(mem(rsp, 0)), rdi);
      a.mov(qword(mem(rsp, 8)), rsi);
      // the left operand must be bytes or bytearray itself (not a subclass, not the right operand)
      a.mov(rax, rdi);
      a.shr(rax, 48);
      a.cmp(eax, 0xfffc);
      a.jne(no);
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(r13, qword(mem(rax)));
      a.mov(eax, edx);
      a.and(eax, INPLACE - 1);
      a.cmp(eax, OP_MOD);
      a.jne(inplace);
      a.lea(rcx, rip(sym('type_bytes')));
      a.cmp(r13, rcx);
      a.je(call);
      a.lea(rcx, rip(sym('type_bytearray')));
      a.cmp(r13, rcx);
      a.jne(no);
      a.bind(call);
      a.mov(rsi, rsp);
      a.mov(edx, 2);
      a.xor(ecx, ecx);
      forward(a, 'mod');
      a.jmp(out);
      a.bind(inplace);
      a.test(edx, INPLACE);
      a.je(no);
      a.lea(rcx, rip(sym('type_bytearray')));
      a.cmp(r13, rcx);
      a.jne(no);
      {
        const mul = a.newLabel();
        a.cmp(eax, OP_MUL);
        a.je(mul);
        a.cmp(eax, OP_ADD);
        a.jne(no);
        a.mov(rsi, rsp);
        a.mov(edx, 2);
        a.xor(ecx, ecx);
        forward(a, 'ba_iadd');
        storeContents(a, out);
        a.jmp(out);
        a.bind(mul);
        a.mov(rsi, rsp);
        a.mov(edx, 2);
        a.xor(ecx, ecx);
        forward(a, 'ba_imul');
        storeContents(a, out);
        a.jmp(out);
      }
      a.bind(no);
      a.mov(rax, g('rt_const_unbound'));
      a.bind(out);
      epilogue(a, [r12, r13], 24);
    },
  },
  ...(['bytes', 'bytearray'] as const).flatMap((t) =>
    (['startswith', 'endswith'] as const).map((m): RuntimeRoutine => ({
      name: `rt_bytesx_${t}_${m}`,
      contract: `${t}.${m} with the vector ABI: with a tuple of prefixes (args[1]), _edgepyc_bytes.${m}(*args) (CPython's loop: the first match wins before a later item is checked); otherwise rt_${t}_meth_${m}; may allocate, may raise`,
      emit(a) {
        const native = a.newLabel();
        a.cmp(rsi, 2);
        a.jb(native);
        a.mov(rax, qword(mem(rdi, 8)));
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, 0xfffc);
        a.jne(native);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax)));
        a.lea(rcx, rip(sym('type_tuple')));
        a.cmp(rax, rcx);
        a.jne(native);
        a.mov(rcx, rdx);
        a.mov(rdx, rsi);
        a.mov(rsi, rdi);
        a.mov(rdi, g(`bx_s_${m}.v`));
        a.jmp(sym('rt_bytesx_call'));
        a.bind(native);
        a.jmp(sym(`rt_${t}_meth_${m}`));
      },
    })),
  ),
  {
    name: 'rt_bytesx_build',
    contract: 'rdi=type value (bytes or bytearray), rsi=source object bytes()/bytearray() cannot convert natively -> rax=_edgepyc_bytes.build(type, source): the bytes of an __index__ count, else its TypeError; may allocate, may raise',
    emit(a) {
      prologue(a, [], 16);
      a.mov(qword(mem(rsp, 0)), rdi);
      a.mov(qword(mem(rsp, 8)), rsi);
      a.mov(rsi, rsp);
      a.mov(edx, 2);
      a.xor(ecx, ecx);
      forward(a, 'build');
      epilogue(a, [], 16);
    },
  },
];

const methods: RuntimeMethod[] = METHODS.map(([t, m, , , kind]) => ({ type: t, name: m, entry: entryOf(t, m), kind }));

const data: RuntimeDatum[] = [
  ...PY_NAMES.flatMap((n) => staticStr(`bx_s_${n}`, n)),
  cstr('cstr_bx_missing', 'the bytes features of _edgepyc_bytes are not linked into this program'),
];

export const bytesxModule: RuntimeModule = {
  name: 'bytesx',
  routines,
  data,
  methods,
};
