// Runtime: the methods of int (vector ABI: rdi = args with args[0] = self, rsi = nargs
// including self and the keyword values, rdx = kwnames tuple or 0) and int's new slot,
// with CPython 3.11's argument handling and messages (docs/int.md).
//
// Three calling styles, as CPython's descriptors report them:
//   method   METH_NOARGS / METH_O: "int.bit_length() takes no arguments (1 given)",
//            "int.bit_length() takes no keyword arguments",
//            "unbound method int.bit_length() needs an argument",
//            "descriptor 'bit_length' for 'int' objects doesn't apply to a 'str' object"
//   wrapper  slot wrappers (__index__, __int__, __float__): "expected 0 arguments, got 1",
//            "wrapper __index__() takes no keyword arguments",
//            "descriptor '__index__' requires a 'int' object but received a 'str'"
//   clinic   keyword parsing of Argument Clinic (_PyArg_UnpackKeywords): to_bytes,
//            from_bytes and int(): "to_bytes() takes at most 2 positional arguments (3 given)",
//            "'x' is an invalid keyword argument for to_bytes()", "argument for to_bytes()
//            given by name ('length') and position (1)", "from_bytes() missing required
//            argument 'bytes' (pos 1)". Their messages are prebuilt per method (CLINIC).
//
// int() converts ints, bools, floats, str and bytes; objects with __int__/__index__/
// __trunc__ need the generic protocol (rt_index) and are not converted here yet.

import { type Assembler, type Label, al, byte, cl, eax, ecx, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r15d, r8, r9, r9b, r9d, r10, r10b, r10d, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BIGINT, BYTES, TAG_OBJ, TUPLE, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { OPND, SMALL_ONE, SMALL_ZERO, opnd, raiseCstr, unpack } from './int_common.js';
import { floatSubUnbox } from './builtinsub.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;

// ---- argument checks --------------------------------------------------------------------------

type Style = 'method' | 'wrapper';

function styleMessages(name: string, style: Style): RuntimeDatum[] {
  const p = `msg_int_m_${name}`;
  return style === 'method'
    ? [
      cstr(`${p}_unbound`, `unbound method int.${name}() needs an argument`),
      cstr(`${p}_self`, `descriptor '${name}' for 'int' objects doesn't apply to a '%T' object`),
      cstr(`${p}_kw`, `int.${name}() takes no keyword arguments`),
    ]
    : [
      cstr(`${p}_unbound`, `descriptor '${name}' of 'int' object needs an argument`),
      cstr(`${p}_self`, `descriptor '${name}' requires a 'int' object but received a '%T'`),
      cstr(`${p}_kw`, `wrapper ${name}() takes no keyword arguments`),
    ];
}

/**
 * The checks of method_check_args (or of a slot wrapper): self present and an int, and no
 * keywords unless `keywords`. Expects the vector ABI registers; leaves r12 = args, r13 =
 * nargs, r14 = kwnames; jumps to `fail` with rax = EXC.
 */
function checkSelf(a: Assembler<any>, name: string, fail: Label, keywords = false): void {
  const p = `msg_int_m_${name}`;
  const haveSelf = a.newLabel();
  const selfOk = a.newLabel();
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.mov(r14, rdx);
  a.test(r13, r13);
  a.jne(haveSelf);
  raiseCstr(a, 'TypeError', `${p}_unbound`);
  a.jmp(fail);
  a.bind(haveSelf);
  a.mov(rdi, qword(mem(r12)));
  a.call(sym('rt_int_kind'));
  a.test(eax, eax);
  a.jne(selfOk);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`${p}_self`)));
  a.mov(rdx, qword(mem(r12)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(selfOk);
  if (!keywords) {
    const noKw = a.newLabel();
    a.test(r14, r14);
    a.je(noKw);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, TUPLE.length)), 0);
    a.je(noKw);
    raiseCstr(a, 'TypeError', `${p}_kw`);
    a.jmp(fail);
    a.bind(noKw);
  }
}

/** A method taking no arguments: `body` gets self in rdi and returns in rax. */
function noArgs(name: string, style: Style, entry: string, body: (a: Assembler<any>) => void): { routine: RuntimeRoutine; data: RuntimeDatum[]; method: RuntimeMethod } {
  const countMsg = style === 'method' ? `int.${name}() takes no arguments (%d given)` : 'expected 0 arguments, got %d';
  return {
    method: { type: 'int', name, entry },
    data: [...styleMessages(name, style), cstr(`msg_int_m_${name}_count`, countMsg)],
    routine: {
      name: entry,
      contract: `int.${name}() (vector ABI) -> rax=result or EXC (argument errors as CPython); may allocate`,
      emit(a) {
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, SAVED, 8);
        checkSelf(a, name, fail);
        const countOk = a.newLabel();
        a.cmp(r13, 1);
        a.je(countOk);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym(`msg_int_m_${name}_count`)));
        a.lea(rdx, mem(r13, -1));
        a.call(sym('rt_raise_fmt'));
        a.jmp(fail);
        a.bind(countOk);
        a.mov(rdi, qword(mem(r12)));
        body(a);
        a.bind(fail);
        a.bind(out);
        epilogue(a, SAVED, 8);
      },
    },
  };
}

// ---- Argument Clinic keyword parsing ----------------------------------------------------------

interface ClinicSpec {
  readonly fname: string;
  readonly minpos: number;
  readonly maxpos: number;
  /** Parameter names ('' for positional-only ones); maxargs = names.length. */
  readonly names: readonly string[];
}

/** Spec record: messages and names as C string addresses. */
const CL = { minpos: 0, maxpos: 8, maxargs: 16, tooMany: 24, tooManyKw: 32, tooManyPos: 40, twice: 48, invalid: 56, missing: 64, names: 72 } as const;

function clinicSym(fname: string): string {
  return `int_clinic_${fname}`;
}

function clinicData(s: ClinicSpec): RuntimeDatum[] {
  const p = clinicSym(s.fname);
  const maxargs = s.names.length;
  const f = `${s.fname}()`;
  const plural = (n: number) => (n === 1 ? '' : 's');
  const out: RuntimeDatum[] = [
    cstr(`${p}_too_many`, `${f} takes at most ${maxargs} argument${plural(maxargs)} (%d given)`),
    cstr(`${p}_too_many_kw`, `${f} takes at most ${maxargs} keyword argument${plural(maxargs)} (%d given)`),
    cstr(`${p}_too_many_pos`, s.maxpos === 0 ? `${f} takes no positional arguments` : `${f} takes ${s.minpos < s.maxpos ? 'at most' : 'exactly'} ${s.maxpos} positional argument${plural(s.maxpos)} (%d given)`),
    cstr(`${p}_twice`, `argument for ${f} given by name ('%U') and position (%d)`),
    cstr(`${p}_invalid`, `'%U' is an invalid keyword argument for ${f}`),
    ...s.names.map((n, i) => cstr(`${p}_missing${i}`, `${f} missing required argument '${n}' (pos ${i + 1})`)),
    ...s.names.map((n, i) => cstr(`${p}_name${i}`, n)),
    {
      name: p,
      section: 'rodata',
      align: 8,
      emit(a) {
        a.u64(s.minpos);
        a.u64(s.maxpos);
        a.u64(maxargs);
        for (const m of ['too_many', 'too_many_kw', 'too_many_pos', 'twice', 'invalid']) a.u64(sym(`${p}_${m}`));
        a.u64(sym(`${p}_missing_table`));
        s.names.forEach((_, i) => a.u64(sym(`${p}_name${i}`)));
      },
    },
    { name: `${p}_missing_table`, section: 'rodata', align: 8, emit: (a) => s.names.forEach((_, i) => a.u64(sym(`${p}_missing${i}`))) },
  ];
  return out;
}

// Frame of rt_int_clinic_args.
const C_CONSUMED = 0;
const C_NPOS = 8;
const C_I = 16; // parameter index
const C_J = 24; // keyword index
const C_LOCAL = 40;

const clinicArgs: RuntimeRoutine = {
  name: 'rt_int_clinic_args',
  contract: 'rdi=argument words (self excluded), rsi=their count (positional then keyword values), rdx=kwnames or 0, rcx=clinic spec (int_methods.ts CL), r8=out (maxargs words) -> rax=0 with out filled (UNBOUND when omitted), or EXC (TypeError as _PyArg_UnpackKeywords); may allocate (only to raise)',
  emit(a) {
    const S = (o: number) => qword(mem(rsp, o));
    const out = a.newLabel();
    const ok = a.newLabel();
    prologue(a, SAVED, C_LOCAL);
    a.mov(r12, rdi); // args
    a.mov(r15, rcx); // spec
    a.mov(rbx, r8); // out
    a.mov(r14, rdx); // kwnames
    a.xor(r13, r13); // keyword count
    const noKw = a.newLabel();
    a.test(rdx, rdx);
    a.je(noKw);
    a.mov(rax, rdx);
    unboxPtr(a, rax);
    a.mov(r13, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    // more arguments than parameters ("keyword arguments" when none is positional)
    const countOk = a.newLabel();
    a.cmp(rsi, qword(mem(r15, CL.maxargs)));
    a.jbe(countOk);
    a.mov(rdx, rsi);
    a.mov(rsi, qword(mem(r15, CL.tooMany)));
    a.cmp(rdx, r13);
    a.cmove(rsi, qword(mem(r15, CL.tooManyKw)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(countOk);
    a.sub(rsi, r13);
    a.mov(S(C_NPOS), rsi);
    const posOk = a.newLabel();
    a.cmp(rsi, qword(mem(r15, CL.maxpos)));
    a.jbe(posOk);
    a.mov(rdx, rsi);
    a.mov(rsi, qword(mem(r15, CL.tooManyPos)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(posOk);
    // out[i] = args[i] for the positional ones, UNBOUND for the others
    a.xor(ecx, ecx);
    const fill = a.newLabel();
    const filled = a.newLabel();
    const fillPos = a.newLabel();
    a.bind(fill);
    a.cmp(rcx, qword(mem(r15, CL.maxargs)));
    a.jae(filled);
    a.mov(rax, UNBOUND);
    a.cmp(rcx, S(C_NPOS));
    a.jae(fillPos);
    a.mov(rax, qword(sib(r12, rcx, 8)));
    a.bind(fillPos);
    a.mov(qword(sib(rbx, rcx, 8)), rax);
    a.inc(rcx);
    a.jmp(fill);
    a.bind(filled);
    /** eax = 1 when kwnames[S(C_J)] equals the C string names[k] (k in rcx; '' never matches). */
    const kwIsName = (): void => {
      const no = a.newLabel();
      const done = a.newLabel();
      a.mov(rsi, qword(sib(r15, rcx, 8, CL.names)));
      a.cmp(byte(mem(rsi)), 0);
      a.je(no);
      a.mov(rdi, r14);
      unboxPtr(a, rdi);
      a.mov(rax, S(C_J));
      a.mov(rdi, qword(sib(rdi, rax, 8, TUPLE.items)));
      a.call(sym('rt_str_equals_cstr'));
      a.jmp(done);
      a.bind(no);
      a.xor(eax, eax);
      a.bind(done);
    };
    // The parameters after the positional ones: by keyword, or missing.
    a.mov(S(C_CONSUMED), 0);
    a.mov(rax, S(C_NPOS));
    a.mov(S(C_I), rax);
    const param = a.newLabel();
    const params = a.newLabel();
    const nextParam = a.newLabel();
    a.bind(param);
    a.mov(rcx, S(C_I));
    a.cmp(rcx, qword(mem(r15, CL.maxargs)));
    a.jae(params);
    a.mov(S(C_J), 0);
    const kwLoop = a.newLabel();
    const notFound = a.newLabel();
    const kwNext = a.newLabel();
    a.bind(kwLoop);
    a.cmp(S(C_J), r13);
    a.jae(notFound);
    a.mov(rcx, S(C_I));
    kwIsName();
    a.test(eax, eax);
    a.je(kwNext);
    a.mov(rax, S(C_NPOS));
    a.add(rax, S(C_J));
    a.mov(rax, qword(sib(r12, rax, 8)));
    a.mov(rcx, S(C_I));
    a.mov(qword(sib(rbx, rcx, 8)), rax);
    a.inc(S(C_CONSUMED));
    a.jmp(nextParam);
    a.bind(kwNext);
    a.inc(S(C_J));
    a.jmp(kwLoop);
    a.bind(notFound);
    a.mov(rcx, S(C_I));
    a.cmp(rcx, qword(mem(r15, CL.minpos)));
    a.jae(nextParam);
    a.mov(rax, qword(mem(r15, CL.missing)));
    a.mov(rsi, qword(sib(rax, rcx, 8)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(nextParam);
    a.inc(S(C_I));
    a.jmp(param);
    a.bind(params);
    // Keywords that matched nothing: named after a positional argument, or unknown.
    a.cmp(S(C_CONSUMED), r13);
    a.je(ok);
    a.mov(S(C_J), 0);
    const left = a.newLabel();
    const leftNext = a.newLabel();
    a.bind(left);
    a.cmp(S(C_J), r13);
    a.jae(ok);
    a.mov(S(C_I), 0);
    const nameLoop = a.newLabel();
    const unknown = a.newLabel();
    const named = a.newLabel();
    a.bind(nameLoop);
    a.mov(rcx, S(C_I));
    a.cmp(rcx, qword(mem(r15, CL.maxargs)));
    a.jae(unknown);
    kwIsName();
    a.test(eax, eax);
    a.jne(named);
    a.inc(S(C_I));
    a.jmp(nameLoop);
    a.bind(named);
    a.mov(rcx, S(C_I));
    a.cmp(rcx, S(C_NPOS));
    a.jae(leftNext);
    a.lea(rcx, mem(rcx, 1));
    a.mov(rsi, qword(mem(r15, CL.twice)));
    const raiseKw = a.newLabel();
    a.jmp(raiseKw);
    a.bind(unknown);
    a.mov(rsi, qword(mem(r15, CL.invalid)));
    a.bind(raiseKw);
    a.mov(rdx, r14);
    unboxPtr(a, rdx);
    a.mov(rax, S(C_J));
    a.mov(rdx, qword(sib(rdx, rax, 8, TUPLE.items)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(leftNext);
    a.inc(S(C_J));
    a.jmp(left);
    a.bind(ok);
    a.xor(eax, eax);
    a.bind(out);
    epilogue(a, SAVED, C_LOCAL);
  },
};

// ---- the methods ------------------------------------------------------------------------------

const SIMPLE = [
  noArgs('bit_length', 'method', 'rt_int_meth_bit_length', (a) => a.call(sym('rt_int_bit_length'))),
  noArgs('bit_count', 'method', 'rt_int_meth_bit_count', (a) => a.call(sym('rt_int_bit_count'))),
  ...(['conjugate', '__trunc__', '__floor__', '__ceil__'] as const).map((n) => noArgs(n, 'method', `rt_int_meth${n.startsWith('_') ? '' : '_'}${n}`, (a) => a.call(sym('rt_int_pos')))),
  ...(['__index__', '__int__'] as const).map((n) => noArgs(n, 'wrapper', `rt_int_meth${n}`, (a) => a.call(sym('rt_int_pos')))),
  noArgs('__float__', 'wrapper', 'rt_int_meth__float__', (a) => a.call(sym('rt_int_to_double'))),
  noArgs('as_integer_ratio', 'method', 'rt_int_meth_as_integer_ratio', (a) => {
    a.call(sym('rt_int_pos'));
    a.mov(rdi, rax);
    a.mov(rsi, SMALL_ONE);
    a.call(sym('rt_tuple_pack2'));
  }),
  noArgs('__getnewargs__', 'method', 'rt_int_meth__getnewargs__', (a) => {
    a.call(sym('rt_int_pos'));
    a.mov(rdi, rax);
    a.call(sym('rt_tuple_pack1'));
  }),
];

/** Jump to `fail` (rax = EXC) with TypeError "'T' object cannot be interpreted as an integer" unless `r` is an int. */
function requireIndex(a: Assembler<any>, r: typeof rax, fail: Label): void {
  const ok = a.newLabel();
  a.mov(rdi, r);
  a.call(sym('rt_int_kind'));
  a.test(eax, eax);
  a.jne(ok);
  // other objects: PyNumber_Index (the class's __index__, or "'T' object cannot be
  // interpreted as an integer"); r takes the int
  a.mov(rdi, r);
  a.call(sym('rt_bi_index'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
  a.mov(r, rax);
  a.bind(ok);
}

const round: RuntimeRoutine = {
  name: 'rt_int_meth__round__',
  contract: 'int.__round__(ndigits=None) (vector ABI) -> rax=int: self for ndigits >= 0, else the nearest multiple of 10**-ndigits, ties to the even multiple; or EXC; may allocate',
  emit(a) {
    // Frame: b = 10**-ndigits, q, r (value words).
    const B = 0;
    const Q = 8;
    const R = 16;
    const out = a.newLabel();
    const fail = a.newLabel();
    const self = a.newLabel();
    prologue(a, SAVED, 24);
    checkSelf(a, '__round__', fail);
    a.cmp(r13, 1);
    a.je(self);
    const countOk = a.newLabel();
    a.cmp(r13, 2);
    a.je(countOk);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_int_round_count')));
    a.lea(rdx, mem(r13, -1));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(countOk);
    a.mov(rbx, qword(mem(r12, 8)));
    requireIndex(a, rbx, fail);
    a.mov(rdi, rbx);
    a.mov(rsi, SMALL_ZERO);
    a.call(sym('rt_int_cmp'));
    a.test(eax, eax);
    a.jns(self);
    a.mov(rdi, rbx);
    a.call(sym('rt_int_neg'));
    a.mov(rdi, 0xfff9n << 48n | 10n);
    a.mov(rsi, rax);
    a.call(sym('rt_int_pow'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp, B)), rax);
    a.mov(rdi, qword(mem(r12)));
    a.mov(rsi, rax);
    a.mov(edx, 0);
    a.call(sym('rt_int_divmod_core'));
    a.mov(qword(mem(rsp, Q)), rax);
    a.mov(qword(mem(rsp, R)), rdx);
    // 2r > b, or 2r == b with q odd: q + 1
    a.mov(rdi, rdx);
    a.mov(rsi, rdx);
    a.call(sym('rt_int_add'));
    a.mov(rdi, rax);
    a.mov(rsi, qword(mem(rsp, B)));
    a.call(sym('rt_int_cmp'));
    const up = a.newLabel();
    const keep = a.newLabel();
    a.test(eax, eax);
    a.jg(up);
    a.jl(keep);
    a.mov(rdi, qword(mem(rsp, Q)));
    a.mov(rsi, SMALL_ONE);
    a.call(sym('rt_int_and'));
    a.mov(rcx, SMALL_ONE);
    a.cmp(rax, rcx);
    a.jne(keep);
    a.bind(up);
    a.mov(rdi, qword(mem(rsp, Q)));
    a.mov(rsi, SMALL_ONE);
    a.call(sym('rt_int_add'));
    a.mov(qword(mem(rsp, Q)), rax);
    a.bind(keep);
    a.mov(rdi, qword(mem(rsp, Q)));
    a.mov(rsi, qword(mem(rsp, B)));
    a.call(sym('rt_int_mul'));
    a.jmp(out);
    a.bind(self);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_int_pos'));
    a.bind(fail);
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

const formatMethod: RuntimeRoutine = {
  name: 'rt_int_meth__format__',
  contract: 'int.__format__(format_spec) (vector ABI) -> rax=str value or EXC; may allocate',
  emit(a) {
    const fail = a.newLabel();
    prologue(a, SAVED, 8);
    checkSelf(a, '__format__', fail);
    const countOk = a.newLabel();
    a.cmp(r13, 2);
    a.je(countOk);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_int_m___format___count')));
    a.lea(rdx, mem(r13, -1));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(countOk);
    a.mov(rsi, qword(mem(r12, 8)));
    a.mov(rax, rsi);
    a.shr(rax, 48);
    const notStr = a.newLabel();
    a.cmp(eax, TAG_OBJ);
    a.jne(notStr);
    a.mov(rax, rsi);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax)));
    a.lea(rcx, rip(sym('type_str')));
    a.cmp(rax, rcx);
    a.jne(notStr);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_format_int'));
    a.jmp(fail);
    a.bind(notStr);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_int_format_arg')));
    a.mov(rdx, qword(mem(r12, 8)));
    a.call(sym('rt_raise_fmt'));
    a.bind(fail);
    epilogue(a, SAVED, 8);
  },
};

const TO_BYTES: ClinicSpec = { fname: 'to_bytes', minpos: 0, maxpos: 2, names: ['length', 'byteorder', 'signed'] };
const FROM_BYTES: ClinicSpec = { fname: 'from_bytes', minpos: 1, maxpos: 2, names: ['bytes', 'byteorder', 'signed'] };
const INT_NEW: ClinicSpec = { fname: 'int', minpos: 0, maxpos: 2, names: ['', 'base'] };

/**
 * byteorder and signed of to_bytes/from_bytes from the parsed words at [rsp + off + 8] and
 * [rsp + off + 16], in CPython's order (clinic: byteorder must be a str, signed is truth-
 * tested; then the impl checks the byteorder's value): r14 = 1 for little-endian, r15 = 1
 * for signed. Jumps to `fail` with rax = EXC.
 */
function byteorderAndSigned(a: Assembler<any>, off: number, fname: string, fail: Label): void {
  const typeOk = a.newLabel();
  const notStr = a.newLabel();
  const signedDone = a.newLabel();
  const done = a.newLabel();
  a.mov(rdi, qword(mem(rsp, off + 8)));
  a.cmp(rdi, g('rt_const_unbound'));
  a.je(typeOk);
  a.mov(rax, rdi);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(notStr);
  a.mov(rax, rdi);
  unboxPtr(a, rax);
  a.mov(rax, qword(mem(rax)));
  a.lea(rcx, rip(sym('type_str')));
  a.cmp(rax, rcx);
  a.je(typeOk);
  a.bind(notStr);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(`msg_int_${fname}_byteorder_type`)));
  a.mov(rdx, qword(mem(rsp, off + 8)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(typeOk);
  a.xor(r15, r15);
  a.mov(rdi, qword(mem(rsp, off + 16)));
  a.cmp(rdi, g('rt_const_unbound'));
  a.je(signedDone);
  a.call(sym('rt_truthy'));
  a.test(eax, eax);
  const truthOk = a.newLabel();
  a.jns(truthOk);
  a.mov(rax, g('rt_const_exc'));
  a.jmp(fail);
  a.bind(truthOk);
  a.mov(r15d, eax);
  a.bind(signedDone);
  a.xor(r14, r14);
  a.mov(rdi, qword(mem(rsp, off + 8)));
  a.cmp(rdi, g('rt_const_unbound'));
  a.je(done);
  a.lea(rsi, rip(sym('int_str_little')));
  a.call(sym('rt_str_equals_cstr'));
  a.mov(r14d, eax);
  a.test(eax, eax);
  a.jne(done);
  a.mov(rdi, qword(mem(rsp, off + 8)));
  a.lea(rsi, rip(sym('int_str_big')));
  a.call(sym('rt_str_equals_cstr'));
  a.test(eax, eax);
  a.jne(done);
  raiseCstr(a, 'ValueError', 'msg_int_byteorder');
  a.jmp(fail);
  a.bind(done);
}

/** The argument words of a vector-ABI call after self: rdi = args + 8, rsi = nargs - 1. */
function clinic(a: Assembler<any>, spec: ClinicSpec, outOff: number, fail: Label): void {
  a.lea(rdi, mem(r12, 8));
  a.lea(rsi, mem(r13, -1));
  a.mov(rdx, r14);
  a.lea(rcx, rip(sym(clinicSym(spec.fname))));
  a.lea(r8, mem(rsp, outOff));
  a.call(sym('rt_int_clinic_args'));
  a.cmp(rax, g('rt_const_exc'));
  a.je(fail);
}

// Frame of to_bytes: the parsed words, an OPND of self, the length, the bytes object.
const TB_OUT = 0;
const TB_A = 24;
const TB_LEN = TB_A + OPND.size;
const TB_OBJ = TB_LEN + 8;
const TB_LOCAL = TB_OBJ + 16;

/** Largest length to_bytes allocates before raising MemoryError (2^34 bytes). */
const MAX_BYTES = 2 ** 34;

const toBytes: RuntimeRoutine = {
  name: 'rt_int_meth_to_bytes',
  contract: "int.to_bytes(length=1, byteorder='big', *, signed=False) (vector ABI) -> rax=bytes value or EXC (OverflowError \"int too big to convert\", \"can't convert negative int to unsigned\"; ValueError for the length and byteorder; TypeErrors of the argument parser); may allocate",
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, SAVED, TB_LOCAL);
    checkSelf(a, 'to_bytes', fail, true);
    a.mov(rbx, qword(mem(r12))); // self
    clinic(a, TO_BYTES, TB_OUT, fail);
    // length (index conversion first)
    const lenDone = a.newLabel();
    a.mov(qword(mem(rsp, TB_LEN)), 1);
    a.mov(r12, qword(mem(rsp, TB_OUT)));
    a.cmp(r12, g('rt_const_unbound'));
    a.je(lenDone);
    requireIndex(a, r12, fail);
    a.mov(rdi, r12);
    a.call(sym('rt_int_to_i64'));
    a.test(edx, edx);
    const lenOk = a.newLabel();
    a.je(lenOk);
    raiseCstr(a, 'OverflowError', 'msg_int_ssize_big');
    a.jmp(fail);
    a.bind(lenOk);
    a.mov(qword(mem(rsp, TB_LEN)), rax);
    a.bind(lenDone);
    byteorderAndSigned(a, TB_OUT, 'to_bytes', fail);
    a.cmp(qword(mem(rsp, TB_LEN)), 0);
    const nonNeg = a.newLabel();
    a.jge(nonNeg);
    raiseCstr(a, 'ValueError', 'msg_int_length_negative');
    a.jmp(fail);
    a.bind(nonNeg);
    unpack(a, rbx, TB_A, fail);
    // negative and unsigned
    const signOk = a.newLabel();
    a.cmp(opnd(TB_A, 'sign'), 0);
    a.jge(signOk);
    a.test(r15, r15);
    a.jne(signOk);
    raiseCstr(a, 'OverflowError', 'msg_int_neg_unsigned');
    a.jmp(fail);
    a.bind(signOk);
    // fits: bits <= 8*len (unsigned), bits <= 8*len - 1 (signed), or -2^(8*len-1) exactly
    const fits = a.newLabel();
    const tooBig = a.newLabel();
    a.mov(rcx, opnd(TB_A, 'n'));
    a.test(rcx, rcx);
    a.je(fits);
    a.mov(rdx, opnd(TB_A, 'p'));
    a.bsr(rax, qword(sib(rdx, rcx, 8, -8)));
    a.mov(r8, rcx);
    a.shl(r8, 6);
    a.lea(rax, sib(rax, r8, 1, -63)); // bits
    a.mov(r8, qword(mem(rsp, TB_LEN)));
    a.shl(r8, 3); // 8 * len
    a.test(r15, r15);
    const unsignedCheck = a.newLabel();
    a.je(unsignedCheck);
    a.dec(r8); // -1 for a zero length: signed compares below
    a.cmp(rax, r8);
    a.jle(fits);
    // -2^(8*len-1): negative, bits == 8*len, a single bit set
    a.cmp(opnd(TB_A, 'sign'), 0);
    a.jge(tooBig);
    a.inc(r8);
    a.cmp(rax, r8);
    a.jne(tooBig);
    a.mov(r9, qword(sib(rdx, rcx, 8, -8)));
    a.lea(r10, mem(r9, -1));
    a.test(r9, r10);
    a.jne(tooBig);
    const lowZero = a.newLabel();
    a.dec(rcx);
    a.bind(lowZero);
    a.test(rcx, rcx);
    a.je(fits);
    a.dec(rcx);
    a.cmp(qword(sib(rdx, rcx, 8)), 0);
    a.jne(tooBig);
    a.jmp(lowZero);
    a.bind(unsignedCheck);
    a.cmp(rax, r8);
    a.jbe(fits);
    a.bind(tooBig);
    raiseCstr(a, 'OverflowError', 'msg_int_too_big_convert');
    a.jmp(fail);
    a.bind(fits);
    const sizeOk = a.newLabel();
    a.mov(rax, BigInt(MAX_BYTES));
    a.cmp(qword(mem(rsp, TB_LEN)), rax);
    a.jb(sizeOk);
    raiseMemoryError(a);
    a.jmp(fail);
    a.bind(sizeOk);
    a.mov(rdi, qword(mem(rsp, TB_LEN)));
    a.add(rdi, BYTES.data + 1);
    a.lea(rsi, rip(sym('type_bytes')));
    a.call(sym('rt_alloc'));
    a.mov(qword(mem(rsp, TB_OBJ)), rax);
    a.mov(rcx, qword(mem(rsp, TB_LEN)));
    a.mov(qword(mem(rax, BYTES.length)), rcx);
    a.mov(qword(mem(rax, BYTES.hash)), -1);
    // bytes of the two's complement value, least significant first
    a.lea(rdi, mem(rax, BYTES.data)); // destination
    a.mov(rsi, opnd(TB_A, 'p'));
    a.mov(r8, opnd(TB_A, 'sign'));
    a.sar(r8, 63); // all ones when negative
    a.mov(r9, r8);
    a.and(r9, 1); // carry of ~m + 1
    a.xor(ecx, ecx); // byte index
    a.xor(r10, r10); // current limb
    const loop = a.newLabel();
    const done = a.newLabel();
    const haveLimb = a.newLabel();
    a.bind(loop);
    a.cmp(rcx, qword(mem(rsp, TB_LEN)));
    a.jae(done);
    a.test(ecx, 7);
    a.jne(haveLimb);
    a.mov(rdx, rcx);
    a.shr(rdx, 3);
    a.xor(eax, eax);
    const past = a.newLabel();
    a.cmp(rdx, opnd(TB_A, 'n'));
    a.jae(past);
    a.mov(rax, qword(sib(rsi, rdx, 8)));
    a.bind(past);
    a.xor(rax, r8);
    a.add(rax, r9);
    a.mov(r9d, 0);
    a.setb(r9b);
    a.mov(r10, rax);
    a.bind(haveLimb);
    a.mov(rax, r10);
    a.shr(r10, 8);
    // position: i (little-endian) or len - 1 - i (big-endian)
    a.mov(rdx, rcx);
    const little = a.newLabel();
    a.test(r14, r14);
    a.jne(little);
    a.mov(rdx, qword(mem(rsp, TB_LEN)));
    a.sub(rdx, rcx);
    a.dec(rdx);
    a.bind(little);
    a.mov(byte(sib(rdi, rdx, 1)), al);
    a.inc(rcx);
    a.jmp(loop);
    a.bind(done);
    a.mov(rax, qword(mem(rsp, TB_OBJ)));
    boxPtr(a, rax, rcx);
    a.bind(fail);
    a.bind(out);
    epilogue(a, SAVED, TB_LOCAL);
  },
};

/** Raise MemoryError (no arguments) -> rax = EXC. */
function raiseMemoryError(a: Assembler<any>): void {
  a.lea(rdi, rip(sym('type_MemoryError')));
  a.mov(rax, 0xfffcn << 48n);
  a.or(rdi, rax);
  a.call(sym('rt_raise'));
}

// Frame of from_bytes: the parsed words, the result value, the byte count.
const FB_OUT = 0;
const FB_VALUE = 24;
const FB_N = 32;
const FB_LOCAL = 48;

const fromBytes: RuntimeRoutine = {
  name: 'rt_int_meth_from_bytes',
  contract: "int.from_bytes(bytes, byteorder='big', *, signed=False) (classmethod, vector ABI: args[0] = the class) -> rax=int (cls(int) for other classes), or EXC; bytes objects only (TypeError \"cannot convert 'T' object to bytes\" otherwise); may allocate",
  emit(a) {
    const fail = a.newLabel();
    const out = a.newLabel();
    prologue(a, SAVED, FB_LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.mov(rbx, qword(mem(r12))); // the class
    clinic(a, FROM_BYTES, FB_OUT, fail);
    byteorderAndSigned(a, FB_OUT, 'from_bytes', fail);
    // the data: a bytes object
    const isBytes = a.newLabel();
    const notBytes = a.newLabel();
    a.mov(r12, qword(mem(rsp, FB_OUT)));
    a.mov(rax, r12);
    a.shr(rax, 48);
    a.cmp(eax, TAG_OBJ);
    a.jne(notBytes);
    a.mov(rax, r12);
    unboxPtr(a, rax);
    a.mov(rax, qword(mem(rax)));
    a.lea(rcx, rip(sym('type_bytes')));
    a.cmp(rax, rcx);
    a.je(isBytes);
    a.bind(notBytes);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_int_not_bytes')));
    a.mov(rdx, r12);
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(isBytes);
    // magnitude bytes, least significant first, into a big int of ceil(n / 8) limbs
    a.mov(rax, r12);
    unboxPtr(a, rax);
    a.mov(rcx, qword(mem(rax, BYTES.length)));
    a.mov(qword(mem(rsp, FB_N)), rcx);
    a.lea(rdi, mem(rcx, 7));
    a.shr(rdi, 3);
    a.call(sym('rt_int_new'));
    a.mov(r13, rax); // result (raw)
    a.mov(rsi, r12);
    unboxPtr(a, rsi);
    a.add(rsi, BYTES.data);
    a.lea(rdi, mem(r13, BIGINT.digits));
    a.mov(r8, qword(mem(rsp, FB_N)));
    a.xor(ecx, ecx);
    const copy = a.newLabel();
    const copied = a.newLabel();
    const lsb = a.newLabel();
    a.bind(copy);
    a.cmp(rcx, r8);
    a.jae(copied);
    a.mov(rdx, rcx);
    a.test(r14, r14);
    a.jne(lsb);
    a.mov(rdx, r8);
    a.sub(rdx, rcx);
    a.dec(rdx);
    a.bind(lsb);
    a.movzx(eax, byte(sib(rsi, rdx, 1)));
    a.mov(byte(sib(rdi, rcx, 1)), al);
    a.inc(rcx);
    a.jmp(copy);
    a.bind(copied);
    // signed with the top bit set: the value is raw - 2^(8n); its magnitude is the
    // two's complement of the n bytes.
    const positive = a.newLabel();
    const finish = a.newLabel();
    a.mov(rsi, 1);
    a.test(r15, r15);
    a.je(positive);
    a.test(r8, r8);
    a.je(positive);
    a.movzx(eax, byte(sib(rdi, r8, 1, -1)));
    a.test(eax, 0x80);
    a.je(positive);
    a.lea(r9, mem(r8, 7));
    a.shr(r9, 3); // limbs
    a.xor(ecx, ecx);
    a.mov(r10, 1); // carry
    const neg = a.newLabel();
    const negDone = a.newLabel();
    a.bind(neg);
    a.cmp(rcx, r9);
    a.jae(negDone);
    a.mov(rax, qword(sib(rdi, rcx, 8)));
    a.not(rax);
    a.add(rax, r10);
    a.mov(r10d, 0);
    a.setb(r10b);
    a.mov(qword(sib(rdi, rcx, 8)), rax);
    a.inc(rcx);
    a.jmp(neg);
    a.bind(negDone);
    // keep only the 8n bits of the top limb
    a.mov(rcx, r8);
    a.and(ecx, 7);
    const whole = a.newLabel();
    a.je(whole);
    a.shl(ecx, 3);
    a.mov(rax, 1);
    a.shl(rax, cl);
    a.dec(rax);
    a.and(qword(sib(rdi, r9, 8, -8)), rax);
    a.bind(whole);
    a.mov(rsi, -1);
    a.bind(positive);
    a.mov(rdi, r13);
    a.call(sym('rt_int_normalize'));
    a.bind(finish);
    // another class (a subclass, bool): cls(value)
    a.lea(rcx, rip(sym('type_int')));
    a.mov(rdx, rbx);
    unboxPtr(a, rdx);
    a.cmp(rdx, rcx);
    a.je(out);
    a.mov(qword(mem(rsp, FB_VALUE)), rax);
    a.mov(rdi, rbx);
    a.lea(rsi, mem(rsp, FB_VALUE));
    a.mov(edx, 1);
    a.xor(ecx, ecx);
    a.call(sym('rt_call'));
    a.bind(fail);
    a.bind(out);
    epilogue(a, SAVED, FB_LOCAL);
  },
};

// Frame of the new slot: the parsed words (x, base).
const NW_OUT = 0;
const NW_LOCAL = 24;

/** rax = the int parsed from the str or bytes in r12 with the base in rsi; jumps to `other` for other types. */
function parseText(a: Assembler<any>, other: Label, done: Label): void {
  const notStr = a.newLabel();
  a.mov(rax, r12);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(other);
  a.mov(rax, r12);
  unboxPtr(a, rax);
  a.mov(rcx, qword(mem(rax)));
  a.lea(rdx, rip(sym('type_str')));
  a.cmp(rcx, rdx);
  a.jne(notStr);
  a.mov(rdi, r12);
  a.call(sym('rt_int_from_str'));
  a.jmp(done);
  a.bind(notStr);
  a.lea(rdx, rip(sym('type_bytes')));
  a.cmp(rcx, rdx);
  a.jne(other);
  a.mov(rdx, rsi);
  a.lea(rdi, mem(rax, BYTES.data));
  a.mov(rsi, qword(mem(rax, BYTES.length)));
  a.mov(rcx, r12);
  a.call(sym('rt_int_parse_ascii'));
  a.jmp(done);
}

const newInt: RuntimeRoutine = {
  name: 'rt_new_int',
  contract: "new slot of int: rdi=type, rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=int(x=0, /, base=10) for ints, bools, floats, str and bytes (CPython 3.11's messages), or EXC; bool(x) for type bool (truth value); an instance of another subclass (rt_int_subclass_new); may allocate",
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    const boolNew = a.newLabel();
    prologue(a, SAVED, NW_LOCAL);
    a.mov(rbx, rdi);
    unboxPtr(a, rbx); // the type (raw)
    a.mov(r12, rsi);
    a.mov(r13, rdx);
    a.mov(r14, rcx);
    a.lea(rax, rip(sym('type_bool')));
    a.cmp(rbx, rax);
    a.je(boolNew);
    const exact = a.newLabel();
    a.lea(rax, rip(sym('type_int')));
    a.cmp(rbx, rax);
    a.je(exact);
    // A Python subclass: int(...)'s value in an instance of it (intsub.ts).
    a.mov(rdi, rbx);
    a.mov(rsi, r12);
    a.mov(rdx, r13);
    a.mov(rcx, r14);
    a.call(sym('rt_int_subclass_new'));
    a.jmp(fail);
    a.bind(exact);
    a.mov(rdi, r12);
    a.mov(rsi, r13);
    a.mov(rdx, r14);
    a.lea(rcx, rip(sym(clinicSym(INT_NEW.fname))));
    a.lea(r8, mem(rsp, NW_OUT));
    a.call(sym('rt_int_clinic_args'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(r12, qword(mem(rsp, NW_OUT))); // x
    a.mov(r13, qword(mem(rsp, NW_OUT + 8))); // base
    const haveX = a.newLabel();
    a.cmp(r12, g('rt_const_unbound'));
    a.jne(haveX);
    a.mov(rax, SMALL_ZERO);
    a.cmp(r13, g('rt_const_unbound'));
    a.je(out);
    raiseCstr(a, 'TypeError', 'msg_int_missing_string');
    a.jmp(fail);
    a.bind(haveX);
    const withBase = a.newLabel();
    a.cmp(r13, g('rt_const_unbound'));
    a.jne(withBase);
    // int(x): ints (bools become plain ints), floats truncate, text parses in base 10
    const notInt = a.newLabel();
    a.mov(rdi, r12);
    a.call(sym('rt_int_kind'));
    a.test(eax, eax);
    a.je(notInt);
    a.mov(rdi, r12);
    a.call(sym('rt_int_pos'));
    a.jmp(out);
    a.bind(notInt);
    floatSubUnbox(a, r12); // an instance of a float subclass: its double (builtinsub.ts)
    const notFloat = a.newLabel();
    a.mov(rax, r12);
    a.shr(rax, 48);
    a.cmp(eax, 0xfff9);
    a.jae(notFloat);
    a.mov(rdi, r12);
    a.call(sym('rt_int_from_double'));
    a.jmp(out);
    a.bind(notFloat);
    const badType = a.newLabel();
    a.mov(esi, 10);
    parseText(a, badType, out);
    a.bind(badType);
    // __int__, __index__, then __trunc__ (PyNumber_Long; builtinsub.ts)
    a.mov(rdi, r12);
    a.xor(esi, esi);
    a.call(sym('rt_int_protocol'));
    a.cmp(rax, g('rt_const_unbound'));
    a.jne(out);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_int_new_type')));
    a.mov(rdx, r12);
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    // int(x, base): base first (an index in 2..36 or 0), then x must be text
    a.bind(withBase);
    requireIndex(a, r13, fail);
    a.mov(rdi, r13);
    a.call(sym('rt_int_to_i64'));
    a.mov(rcx, -1);
    a.test(edx, edx);
    a.cmovne(rax, rcx); // out of range: an invalid base
    a.mov(r13, rax);
    const baseOk = a.newLabel();
    const badBase = a.newLabel();
    a.test(r13, r13);
    a.je(baseOk);
    a.cmp(r13, 2);
    a.jl(badBase);
    a.cmp(r13, 36);
    a.jle(baseOk);
    a.bind(badBase);
    raiseCstr(a, 'ValueError', 'msg_int_bad_base');
    a.jmp(fail);
    a.bind(baseOk);
    const notText = a.newLabel();
    a.mov(rsi, r13);
    parseText(a, notText, out);
    a.bind(notText);
    raiseCstr(a, 'TypeError', 'msg_int_explicit_base');
    a.jmp(fail);
    // bool(x=False, /): the truth value of x
    a.bind(boolNew);
    const noKw = a.newLabel();
    a.test(r14, r14);
    a.je(noKw);
    a.mov(rax, r14);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, TUPLE.length)), 0);
    a.je(noKw);
    raiseCstr(a, 'TypeError', 'msg_bool_kw');
    a.jmp(fail);
    a.bind(noKw);
    a.mov(rax, g('rt_const_False'));
    a.test(r13, r13);
    a.je(out);
    const one = a.newLabel();
    a.cmp(r13, 1);
    a.je(one);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bool_count')));
    a.mov(rdx, r13);
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(one);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_truthy'));
    a.test(eax, eax);
    const truthOk = a.newLabel();
    a.jns(truthOk);
    a.mov(rax, g('rt_const_exc'));
    a.jmp(fail);
    a.bind(truthOk);
    a.mov(rax, g('rt_const_False'));
    a.cmovne(rax, g('rt_const_True'));
    a.bind(fail);
    a.bind(out);
    epilogue(a, SAVED, NW_LOCAL);
  },
};

const METHODS: RuntimeMethod[] = [
  ...SIMPLE.map((s) => s.method),
  { type: 'int', name: '__round__', entry: 'rt_int_meth__round__' },
  { type: 'int', name: '__format__', entry: 'rt_int_meth__format__' },
  { type: 'int', name: 'to_bytes', entry: 'rt_int_meth_to_bytes' },
  { type: 'int', name: 'from_bytes', entry: 'rt_int_meth_from_bytes', kind: 'classmethod' },
];

export const intMethodsModule: RuntimeModule = {
  name: 'int_methods',
  methods: METHODS,
  routines: [clinicArgs, ...SIMPLE.map((s) => s.routine), round, formatMethod, toBytes, fromBytes, newInt],
  data: [
    ...SIMPLE.flatMap((s) => s.data),
    ...styleMessages('__round__', 'method'),
    ...styleMessages('__format__', 'method'),
    ...styleMessages('to_bytes', 'method'),
    ...clinicData(TO_BYTES),
    ...clinicData(FROM_BYTES),
    ...clinicData(INT_NEW),
    cstr('msg_int_m___format___count', 'int.__format__() takes exactly one argument (%d given)'),
    cstr('msg_int_round_count', '__round__ expected at most 1 argument, got %d'),
    cstr('msg_int_format_arg', '__format__() argument must be str, not %T'),
    cstr('msg_int_not_index', "'%T' object cannot be interpreted as an integer"),
    cstr('msg_int_ssize_big', 'Python int too large to convert to C ssize_t'),
    cstr('msg_int_length_negative', 'length argument must be non-negative'),
    cstr('msg_int_neg_unsigned', "can't convert negative int to unsigned"),
    cstr('msg_int_too_big_convert', 'int too big to convert'),
    cstr('msg_int_byteorder', "byteorder must be either 'little' or 'big'"),
    cstr('msg_int_to_bytes_byteorder_type', "to_bytes() argument 'byteorder' must be str, not %T"),
    cstr('msg_int_from_bytes_byteorder_type', "from_bytes() argument 'byteorder' must be str, not %T"),
    cstr('msg_int_not_bytes', "cannot convert '%T' object to bytes"),
    cstr('int_str_little', 'little'),
    cstr('int_str_big', 'big'),
    cstr('msg_int_missing_string', 'int() missing string argument'),
    cstr('msg_int_new_type', 'int() argument must be a string, a bytes-like object or a real number, not \'%T\''),
    cstr('msg_int_explicit_base', "int() can't convert non-string with explicit base"),
    cstr('msg_bool_kw', 'bool() takes no keyword arguments'),
    cstr('msg_bool_count', 'bool expected at most 1 argument, got %d'),
  ],
};
