// Builtins runtime: the number builtins abs, divmod, pow, round, hex, oct, bin and format
// (docs/builtins-native.md). Vector ABI entries named rt_builtin_<name>, registered in the
// `builtins` table so programs reach them as `bfn_<name>`.
//
// Each one is a thin layer over the number areas' routines, in the order of operations of
// Python/bltinmodule.c and Objects/abstract.c (CPython 3.11):
//   abs(x)            PyNumber_Absolute: the unary slot (rt_unary_op, kind 3)
//   divmod(a, b)      binary_op(nb_divmod): int's routine, then float's, else TypeError
//   pow(b, e[, m])    PyNumber_Power: two arguments (or m None) are `**`; three go through
//                     ternary_op: int's slot only when all three are ints, float's slot
//                     refuses any third argument, anything else lists the three types
//   round(x[, n])     float and exact ints directly, otherwise type(x).__round__ bound
//                     and called, as _PyObject_LookupSpecial
//   hex/oct/bin(x)    PyNumber_ToBase: PyNumber_Index (rt_bi_index), then the digits
//   format(v[, spec]) the spec must be a str; then rt_format

import { type Assembler, type Label, type Mem, eax, ecx, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r15b, r15d, rax, rcx, rdi, rdx, rip, rsi, rsp, sym } from '../../src/asm/index.js';
import { TAG_MIN, TYPE, TYPEFLAG_BUILTIN } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type BiSpec, builtinRoutine, callChecked, raise, specData, staticStr } from './bi_args.js';
import { BINOPS } from '../../src/bytecode/ops.js';

const SPECS = {
  abs: { fname: 'abs', style: 'O', min: 1, max: 1 },
  divmod: { fname: 'divmod', style: 'VAR', min: 2, max: 2 },
  pow: { fname: 'pow', style: 'CLINIC', min: 2, max: 3, names: ['base', 'exp', 'mod'] },
  round: { fname: 'round', style: 'CLINIC', min: 1, max: 2, names: ['number', 'ndigits'] },
  hex: { fname: 'hex', style: 'O', min: 1, max: 1 },
  oct: { fname: 'oct', style: 'O', min: 1, max: 1 },
  bin: { fname: 'bin', style: 'O', min: 1, max: 1 },
  format: { fname: 'format', style: 'VAR', min: 1, max: 2 },
} as const satisfies Record<string, BiSpec>;

const POW = BINOPS.indexOf('**');
/** rt_unary_op kind of abs(). */
const UNARY_ABS = 3;
/** rt_int_format_pow2 flags: POW2.prefix | POW2.sign (int_format.ts). */
const POW2_PREFIX_SIGN = 3;

/** Jump to `yes` if the word at `op` is UNBOUND or None. Clobbers rax. */
function ifAbsent(a: Assembler<any>, op: Mem<any>, yes: Label): void {
  a.mov(rax, op);
  a.cmp(rax, g('rt_const_unbound'));
  a.je(yes);
  a.cmp(rax, g('rt_const_None'));
  a.je(yes);
}

/**
 * rax = obj.__<name>__(arg) through rt_bi_call_dunder (NotImplemented when undefined); jumps
 * to `done` unless the result is NotImplemented when `done` is given.
 */
function callDunder(a: Assembler<any>, obj: typeof r12, name: 'divmod' | 'rdivmod', arg: typeof r12, done: Label | null): void {
  a.mov(rdi, obj);
  a.mov(rsi, g(`bi_const_${name}`));
  a.mov(rdx, arg);
  a.mov(rcx, g('rt_const_unbound'));
  a.call(sym('rt_bi_call_dunder'));
  if (done !== null) {
    a.cmp(rax, g('rt_const_NotImplemented'));
    a.jne(done);
  }
}

const routines: RuntimeRoutine[] = [
  builtinRoutine('rt_builtin_abs', 'abs(x): vector ABI -> the unary slot with kind abs, or EXC ("bad operand type for abs(): \'str\'"); may allocate, may raise', SPECS.abs, 0, (a, c) => {
    a.mov(rdi, c.arg(0));
    a.mov(esi, UNARY_ABS);
    a.call(sym('rt_unary_op'));
  }),

  builtinRoutine('rt_builtin_divmod', "divmod(a, b): vector ABI -> (a // b, a % b) by rt_bi_divmod_op, or EXC (ZeroDivisionError, TypeError \"unsupported operand type(s) for divmod(): 'T' and 'T'\", a dunder's errors); may allocate, may raise", SPECS.divmod, 0, (a, c) => {
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.call(sym('rt_bi_divmod_op'));
    a.cmp(rax, g('rt_const_NotImplemented'));
    a.jne(c.out);
    a.mov(rdx, c.arg(0));
    a.mov(rcx, c.arg(1));
    raise(a, 'TypeError', 'msg_bi_divmod_unsupported', [rdx, rcx], c.out);
  }),

  {
    name: 'rt_bi_call_dunder',
    contract: "rdi=object, rsi=name str, rdx=argument, rcx=second argument or UNBOUND -> rax=type(object).<name> bound to the object and called with them, NotImplemented when no type in the MRO defines it, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      // Frame: [rsp] and [rsp+8] the arguments.
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const one = a.newLabel();
      prologue(a, saved, 24);
      a.mov(r12, rdi);
      a.mov(qword(mem(rsp)), rdx);
      a.mov(qword(mem(rsp, 8)), rcx);
      a.mov(r13, rsi);
      a.call(sym('rt_type_of'));
      a.mov(rdi, rax);
      a.mov(rsi, r13);
      a.mov(r13, rax);
      a.call(sym('rt_type_lookup'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(out);
      a.cmp(rax, g('rt_const_unbound'));
      const found = a.newLabel();
      a.jne(found);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.jmp(out);
      a.bind(found);
      a.mov(rdi, rax);
      a.mov(rsi, r12);
      a.mov(rdx, r13);
      boxPtr(a, rdx, rcx);
      callChecked(a, 'rt_bind_attr', out);
      a.mov(rdi, rax);
      a.mov(rsi, rsp);
      a.mov(edx, 2);
      a.xor(ecx, ecx);
      a.mov(rax, qword(mem(rsp, 8)));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(one);
      a.mov(edx, 1);
      a.bind(one);
      a.call(sym('rt_call'));
      a.bind(out);
      epilogue(a, saved, 24);
    },
  },
  {
    name: 'rt_bi_divmod_kind',
    contract: 'rdi=value -> eax=which nb_divmod slot its type has: 1 int (bools too), 2 float, 3 a class defined in Python with __divmod__ or __rdivmod__ (slot_nb_divmod), 0 none; may allocate (only to raise), EXC never (a failed lookup counts as none)',
    emit(a: Assembler<any>) {
      const saved = [r12, r13] as const;
      const out = a.newLabel();
      const notInt = a.newLabel();
      const notFloat = a.newLabel();
      const none = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(notInt);
      a.mov(eax, 1);
      a.jmp(out);
      a.bind(notInt);
      a.mov(rdi, r12);
      a.lea(rsi, rip(sym('type_float')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.je(notFloat);
      a.mov(eax, 2);
      a.jmp(out);
      a.bind(notFloat);
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(r13, rax);
      a.test(qword(mem(r13, TYPE.flags)), TYPEFLAG_BUILTIN);
      a.jne(none);
      for (const name of ['divmod', 'rdivmod']) {
        const next = a.newLabel();
        a.mov(rdi, r13);
        a.mov(rsi, g(`bi_const_${name}`));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(next);
        a.cmp(rax, g('rt_const_exc'));
        a.je(none);
        a.mov(eax, 3);
        a.jmp(out);
        a.bind(next);
      }
      a.bind(none);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_bi_divmod_slot',
    contract: 'rdi=v, rsi=w, edx=slot kind (rt_bi_divmod_kind) -> rax=that nb_divmod slot applied to (v, w): rt_int_divmod, rt_float_divmod, or slot_nb_divmod (SLOT1BINFULL: w.__rdivmod__(v) first when type(w) is a proper subclass with the slot that overrides __rdivmod__ (method_is_overloaded), then v.__divmod__(w), then w.__rdivmod__(v)); value, NotImplemented or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      // r12 self (v), r13 other (w), r14 do_other, r15 type(v) == type(w).
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const heap = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.cmp(edx, 3);
      a.je(heap);
      a.lea(rax, rip(sym('rt_int_divmod')));
      a.lea(rcx, rip(sym('rt_float_divmod')));
      a.cmp(edx, 1);
      a.cmovne(rax, rcx);
      a.call(rax);
      a.jmp(out);
      a.bind(heap);
      {
        const other = a.newLabel();
        const selfFirst = a.newLabel();
        const notSlot = a.newLabel();
        // do_other: different types and type(other) has slot_nb_divmod.
        a.xor(r14, r14);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(r15, rax);
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.cmp(rax, r15);
        a.sete(r15b);
        a.movzx(r15d, r15b);
        a.jne(other);
        a.jmp(selfFirst);
        a.bind(other);
        a.mov(rdi, r13);
        a.call(sym('rt_bi_divmod_kind'));
        a.cmp(eax, 3);
        a.jne(selfFirst);
        a.mov(r14d, 1);
        a.bind(selfFirst);
        // Is self's slot slot_nb_divmod?
        a.mov(rdi, r12);
        a.call(sym('rt_bi_divmod_kind'));
        a.cmp(eax, 3);
        a.jne(notSlot);
        {
          const plain = a.newLabel();
          a.test(r14, r14);
          a.je(plain);
          a.mov(rdi, r13);
          a.call(sym('rt_type_of'));
          a.mov(r15, rax); // (types differ here)
          a.mov(rdi, r12);
          a.call(sym('rt_type_of'));
          a.mov(rdi, r15);
          a.mov(rsi, rax);
          a.call(sym('rt_is_subtype'));
          a.xor(r15d, r15d);
          a.test(eax, eax);
          a.je(plain);
          // method_is_overloaded: only a __rdivmod__ of its own makes the subclass go first.
          {
            a.mov(rdi, r13);
            a.call(sym('rt_type_of'));
            a.mov(rdi, rax);
            a.mov(rsi, g('bi_const_rdivmod'));
            a.call(sym('rt_type_lookup'));
            a.cmp(rax, g('rt_const_exc'));
            a.je(out);
            a.cmp(rax, g('rt_const_unbound'));
            a.je(plain);
            a.mov(r15, rax); // other's __rdivmod__ (types differ here, so r15 is free)
            a.mov(rdi, r12);
            a.call(sym('rt_type_of'));
            a.mov(rdi, rax);
            a.mov(rsi, g('bi_const_rdivmod'));
            a.call(sym('rt_type_lookup'));
            a.cmp(rax, g('rt_const_exc'));
            a.je(out);
            a.cmp(rax, r15);
            a.mov(r15d, 0);
            a.je(plain);
          }
          callDunder(a, r13, 'rdivmod', r12, out);
          a.xor(r14, r14);
          a.bind(plain);
          callDunder(a, r12, 'divmod', r13, null);
          a.test(r15, r15);
          a.jne(out);
          a.cmp(rax, g('rt_const_NotImplemented'));
          a.jne(out);
        }
        a.bind(notSlot);
        a.mov(rax, g('rt_const_NotImplemented'));
        a.test(r14, r14);
        a.je(out);
        callDunder(a, r13, 'rdivmod', r12, null);
      }
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_bi_divmod_op',
    contract: "rdi=v, rsi=w -> rax=divmod(v, w) by binary_op1's rules over the nb_divmod slots of type(v) and type(w) (w's first when its type is a proper subclass of v's), NotImplemented when none answers, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      // r12 v, r13 w, r14 kind of v, r15 kind of w (0 when w's slot is not tried).
      const saved = [r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const noV = a.newLabel();
      const tryW = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.call(sym('rt_bi_divmod_kind'));
      a.mov(r14d, eax);
      a.xor(r15, r15);
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.mov(r15, rax);
      a.mov(rdi, r13);
      a.call(sym('rt_type_of'));
      a.cmp(rax, r15);
      a.mov(r15d, 0);
      const sameType = a.newLabel();
      a.je(sameType);
      a.mov(rdi, r13);
      a.call(sym('rt_bi_divmod_kind'));
      a.cmp(eax, r14d);
      a.je(sameType); // the same slot is tried once
      a.mov(r15d, eax);
      a.bind(sameType);
      a.test(r14, r14);
      a.je(noV);
      {
        const vOnly = a.newLabel();
        a.test(r15, r15);
        a.je(vOnly);
        // type(w) a proper subclass of type(v): w's slot first.
        a.mov(rdi, r13);
        a.call(sym('rt_type_of'));
        a.push(rax);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.pop(rdi);
        a.mov(rsi, rax);
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(vOnly);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(edx, r15d);
        a.call(sym('rt_bi_divmod_slot'));
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.jne(out);
        a.xor(r15, r15);
        a.bind(vOnly);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(edx, r14d);
        a.call(sym('rt_bi_divmod_slot'));
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.jne(out);
      }
      a.bind(noV);
      a.bind(tryW);
      a.mov(rax, g('rt_const_NotImplemented'));
      a.test(r15, r15);
      a.je(out);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(edx, r15d);
      a.call(sym('rt_bi_divmod_slot'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },

  builtinRoutine('rt_builtin_pow', "pow(base, exp, mod=None): vector ABI -> base ** exp, or pow(base, exp, mod) for three ints, or EXC (TypeError 'pow() 3rd argument not allowed unless all arguments are integers', the unsupported-operand messages, the int and float errors); may allocate, may raise", SPECS.pow, 0, (a, c) => {
    const ternary = a.newLabel();
    const notAllInts = a.newLabel();
    const isFloat = a.newLabel();
    a.mov(rax, c.arg(2));
    a.cmp(rax, g('rt_const_unbound'));
    const binary = a.newLabel();
    a.je(binary);
    a.cmp(rax, g('rt_const_None'));
    a.jne(ternary);
    a.bind(binary);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.mov(edx, POW);
    a.call(sym('rt_binary_op'));
    a.jmp(c.out);
    // ternary_op: a class's __pow__(exp, mod) (slot_nb_power answers only for the base);
    // int's slot only for three ints; float's refuses a modulus.
    a.bind(ternary);
    {
      const builtinBase = a.newLabel();
      a.mov(rdi, c.arg(0));
      a.call(sym('rt_type_of'));
      a.test(qword(mem(rax, TYPE.flags)), TYPEFLAG_BUILTIN);
      a.jne(builtinBase);
      a.mov(rdi, c.arg(0));
      a.mov(rsi, g('bi_const_pow'));
      a.mov(rdx, c.arg(1));
      a.mov(rcx, c.arg(2));
      a.call(sym('rt_bi_call_dunder'));
      a.cmp(rax, g('rt_const_NotImplemented'));
      a.jne(c.out);
      a.bind(builtinBase);
    }
    for (let i = 0; i < 3; i++) {
      a.mov(rdi, c.arg(i));
      a.call(sym('rt_int_kind'));
      a.test(eax, eax);
      a.je(notAllInts);
    }
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.mov(rdx, c.arg(2));
    a.call(sym('rt_int_pow_mod'));
    a.jmp(c.out);
    a.bind(notAllInts);
    for (let i = 0; i < 3; i++) {
      a.mov(rdi, c.arg(i));
      a.lea(rsi, rip(sym('type_float')));
      a.call(sym('rt_isinstance_type'));
      a.test(eax, eax);
      a.jne(isFloat);
    }
    a.mov(rdx, c.arg(0));
    a.mov(rcx, c.arg(1));
    a.mov(r12, c.arg(2));
    raise(a, 'TypeError', 'msg_bi_pow_unsupported3', [rdx, rcx, r12], c.out);
    a.bind(isFloat);
    raise(a, 'TypeError', 'msg_bi_pow_3rd', [], c.out);
  }),

  builtinRoutine('rt_builtin_round', "round(number, ndigits=None): vector ABI -> float.__round__ for floats, the int itself for exact ints without ndigits, else type(number).__round__(ndigits) bound and called; EXC (TypeError \"type T doesn't define __round__ method\", the method's errors); may allocate, may raise", SPECS.round, 0, (a, c) => {
    const notFloat = a.newLabel();
    const generic = a.newLabel();
    const noDigits = a.newLabel();
    a.mov(rax, c.arg(0));
    a.shr(rax, 48);
    a.cmp(eax, TAG_MIN);
    a.jae(notFloat);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, c.arg(1));
    a.call(sym('rt_float_round'));
    a.jmp(c.out);
    a.bind(notFloat);
    // int.__round__() of an exact int is the int itself.
    a.mov(rdi, c.arg(0));
    a.call(sym('rt_int_kind'));
    a.dec(eax);
    a.cmp(eax, 1);
    a.ja(generic);
    a.mov(rax, c.arg(0));
    a.mov(rcx, c.arg(1));
    a.cmp(rcx, g('rt_const_unbound'));
    a.je(c.out);
    a.cmp(rcx, g('rt_const_None'));
    a.je(c.out);
    a.bind(generic);
    {
      const missing = a.newLabel();
      a.mov(rdi, c.arg(0));
      a.call(sym('rt_type_of'));
      a.mov(r12, rax);
      a.mov(rdi, rax);
      a.mov(rsi, g('bi_const_round'));
      a.call(sym('rt_type_lookup'));
      a.cmp(rax, g('rt_const_unbound'));
      a.je(missing);
      a.cmp(rax, g('rt_const_exc'));
      a.je(c.out);
      a.mov(rdi, rax);
      a.mov(rsi, c.arg(0));
      a.mov(rdx, r12);
      boxPtr(a, rdx, rcx);
      a.call(sym('rt_bind_attr'));
      a.mov(rdi, rax);
      a.lea(rsi, c.argAddr(1));
      a.xor(edx, edx);
      a.xor(ecx, ecx);
      ifAbsent(a, c.arg(1), noDigits);
      a.mov(edx, 1);
      a.bind(noDigits);
      a.call(sym('rt_call'));
      a.jmp(c.out);
      a.bind(missing);
      raise(a, 'TypeError', 'msg_bi_no_round', [r12], c.out);
    }
  }),

  ...([['hex', 4], ['oct', 3], ['bin', 1]] as const).map(([name, bits]) =>
    builtinRoutine(`rt_builtin_${name}`, `${name}(x): vector ABI -> str of the index of x in base ${1 << bits} with its prefix, or EXC (TypeError "'T' object cannot be interpreted as an integer"); may allocate, may raise`, SPECS[name], 0, (a, c) => {
      a.mov(rdi, c.arg(0));
      callChecked(a, 'rt_bi_index', c.out);
      a.mov(rdi, rax);
      a.mov(esi, bits);
      a.mov(edx, POW2_PREFIX_SIGN);
      a.call(sym('rt_int_format_pow2'));
    }),
  ),

  builtinRoutine('rt_builtin_format', "format(value, format_spec=''): vector ABI -> str, or EXC (TypeError 'format() argument 2 must be str, not T', the format slot's errors); may allocate, may raise", SPECS.format, 0, (a, c) => {
    const haveSpec = a.newLabel();
    const call = a.newLabel();
    a.mov(r13, c.arg(1));
    a.cmp(r13, g('rt_const_unbound'));
    a.jne(haveSpec);
    a.mov(r13, g('const_str_empty'));
    a.jmp(call);
    a.bind(haveSpec);
    a.mov(rdi, r13);
    a.lea(rsi, rip(sym('type_str')));
    a.call(sym('rt_isinstance_type'));
    a.test(eax, eax);
    a.jne(call);
    raise(a, 'TypeError', 'msg_bi_format_spec', [r13], c.out);
    a.bind(call);
    a.mov(rdi, c.arg(0));
    a.mov(rsi, r13);
    a.call(sym('rt_format'));
  }),
];

export const biNumericModule: RuntimeModule = {
  name: 'bi_numeric',
  builtins: (['abs', 'divmod', 'pow', 'round', 'hex', 'oct', 'bin', 'format'] as const).map((n) => ({ name: n, entry: `rt_builtin_${n}` })),
  routines,
  data: [
    ...Object.values(SPECS).flatMap((s) => specData(s)),
    ...staticStr('round', '__round__'),
    ...staticStr('divmod', '__divmod__'),
    ...staticStr('rdivmod', '__rdivmod__'),
    ...staticStr('pow', '__pow__'),
    cstr('msg_bi_divmod_unsupported', "unsupported operand type(s) for divmod(): '%T' and '%T'"),
    cstr('msg_bi_pow_unsupported3', "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'"),
    cstr('msg_bi_pow_3rd', 'pow() 3rd argument not allowed unless all arguments are integers'),
    cstr('msg_bi_no_round', "type %N doesn't define __round__ method"),
    cstr('msg_bi_format_spec', 'format() argument 2 must be str, not %T'),
  ],
};
