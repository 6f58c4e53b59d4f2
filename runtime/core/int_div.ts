// Runtime: int floor division, modulo and divmod (docs/int.md).
//
// Python's // and % round toward minus infinity: the remainder has the sign of the
// divisor (Python reference, "Binary arithmetic operations"). The magnitudes are divided
// with truncation (one limb: rt_int_mag_divrem1; more: Knuth's algorithm D on operands
// shifted so the divisor's top bit is set), then a nonzero remainder whose operands have
// different signs moves the quotient down by one and the remainder up by the divisor.
// Messages as CPython 3.11: "integer division or modulo by zero" for // and divmod,
// "integer modulo by zero" for %.

import { eax, ecx, edx, esi, mem, qword, r12, r13, r14, r14d, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BIGINT, INT_TAG_BITS, TAG_INT } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { OPND, SMALL_ONE, SMALL_ZERO, opnd, unpack } from './int_common.js';

const SAVED = [rbx, r12, r13, r14, r15] as const;

/** Which ZeroDivisionError message a division reports. */
export const DIV_MSG = { divmod: 0, mod: 1 } as const;

// Frame of rt_int_divmod_core.
const A = 0;
const B = OPND.size;
const Q = 2 * OPND.size; // quotient value, then the raw quotient object
const R = Q + 8; // remainder value
const U = Q + 16; // raw dividend copy
const V = Q + 24; // raw divisor copy
const SHIFT = Q + 32;
const REM = Q + 40; // one-limb remainder
const LOCAL = Q + 56;

const core: RuntimeRoutine = {
  name: 'rt_int_divmod_core',
  contract: 'rdi=a, rsi=b (int values), edx=DIV_MSG kind -> rax=a // b and rdx=a % b (floor semantics), or rax=EXC (ZeroDivisionError) or NotImplemented (not both ints); may allocate',
  emit(a) {
    const out = a.newLabel();
    const ni = a.newLabel();
    const zeroDiv = a.newLabel();
    const small = a.newLabel();
    const one = a.newLabel();
    const knuth = a.newLabel();
    const adjust = a.newLabel();
    const done = a.newLabel();
    prologue(a, SAVED, LOCAL);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14d, edx);
    unpack(a, r12, A, ni);
    unpack(a, r13, B, ni);
    a.cmp(opnd(B, 'n'), 0);
    a.je(zeroDiv);
    // r15 = sign of the quotient
    a.mov(r15, opnd(A, 'sign'));
    a.imul(r15, opnd(B, 'sign'));
    a.mov(rdi, opnd(A, 'p'));
    a.mov(rsi, opnd(A, 'n'));
    a.mov(rdx, opnd(B, 'p'));
    a.mov(rcx, opnd(B, 'n'));
    a.call(sym('rt_int_mag_cmp'));
    a.test(eax, eax);
    a.js(small);
    a.cmp(opnd(B, 'n'), 1);
    a.ja(knuth);

    // One-limb divisor.
    a.bind(one);
    a.mov(rdi, opnd(A, 'n'));
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, opnd(A, 'p'));
    a.mov(rdx, opnd(A, 'n'));
    a.mov(rcx, opnd(B, 'p'));
    a.mov(rcx, qword(mem(rcx)));
    a.call(sym('rt_int_mag_divrem1'));
    a.mov(qword(mem(rsp, REM)), rax);
    a.mov(rdi, rbx);
    a.mov(rsi, r15);
    a.call(sym('rt_int_normalize'));
    a.mov(qword(mem(rsp, Q)), rax);
    a.lea(rdi, mem(rsp, REM));
    a.mov(esi, 1);
    a.mov(rdx, opnd(A, 'sign'));
    a.call(sym('rt_int_from_mag'));
    a.mov(qword(mem(rsp, R)), rax);
    a.jmp(adjust);

    // |a| < |b|: quotient 0, remainder a (as an int: a bool becomes 0 or 1).
    a.bind(small);
    a.mov(rax, SMALL_ZERO);
    a.mov(qword(mem(rsp, Q)), rax);
    a.mov(rdi, r12);
    a.call(sym('rt_int_pos'));
    a.mov(qword(mem(rsp, R)), rax);
    a.jmp(adjust);

    // Knuth D: v = b << s, u = a << s (one limb longer) with s making v's top bit set.
    a.bind(knuth);
    a.mov(rax, opnd(B, 'p'));
    a.mov(rcx, opnd(B, 'n'));
    a.bsr(rax, qword(sib(rax, rcx, 8, -8)));
    a.mov(ecx, 63);
    a.sub(ecx, eax);
    a.mov(qword(mem(rsp, SHIFT)), rcx);
    a.mov(rdi, opnd(B, 'n'));
    a.call(sym('rt_int_new'));
    a.mov(qword(mem(rsp, V)), rax);
    a.lea(rdi, mem(rax, BIGINT.digits));
    a.mov(rsi, opnd(B, 'p'));
    a.mov(rdx, opnd(B, 'n'));
    a.mov(rcx, qword(mem(rsp, SHIFT)));
    a.call(sym('rt_int_mag_shl'));
    a.mov(rdi, opnd(A, 'n'));
    a.inc(rdi);
    a.call(sym('rt_int_new'));
    a.mov(qword(mem(rsp, U)), rax);
    a.lea(rdi, mem(rax, BIGINT.digits));
    a.mov(rsi, opnd(A, 'p'));
    a.mov(rdx, opnd(A, 'n'));
    a.mov(rcx, qword(mem(rsp, SHIFT)));
    a.call(sym('rt_int_mag_shl'));
    a.mov(rdi, qword(mem(rsp, U)));
    a.mov(rcx, opnd(A, 'n'));
    a.mov(qword(sib(rdi, rcx, 8, BIGINT.digits)), rax);
    a.mov(rdi, opnd(A, 'n'));
    a.sub(rdi, opnd(B, 'n'));
    a.inc(rdi);
    a.call(sym('rt_int_new'));
    a.mov(rbx, rax);
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, qword(mem(rsp, U)));
    a.add(rsi, BIGINT.digits);
    a.mov(rdx, opnd(A, 'n'));
    a.mov(rcx, qword(mem(rsp, V)));
    a.add(rcx, BIGINT.digits);
    a.mov(r8, opnd(B, 'n'));
    a.call(sym('rt_int_mag_divrem_knuth'));
    a.mov(rdi, rbx);
    a.mov(rsi, r15);
    a.call(sym('rt_int_normalize'));
    a.mov(qword(mem(rsp, Q)), rax);
    // remainder = u[0..nv) >> s (in place in u, which is then finished as the result)
    a.mov(rbx, qword(mem(rsp, U)));
    a.lea(rdi, mem(rbx, BIGINT.digits));
    a.mov(rsi, rdi);
    a.mov(rdx, opnd(B, 'n'));
    a.mov(rcx, qword(mem(rsp, SHIFT)));
    a.call(sym('rt_int_mag_shr'));
    a.mov(rax, opnd(B, 'n'));
    a.add(rax, rax);
    a.mov(qword(mem(rbx, BIGINT.ndigits)), rax);
    a.mov(rdi, rbx);
    a.mov(rsi, opnd(A, 'sign'));
    a.call(sym('rt_int_normalize'));
    a.mov(qword(mem(rsp, R)), rax);

    // Floor: a nonzero remainder with operands of different signs.
    a.bind(adjust);
    a.mov(rax, SMALL_ZERO);
    a.cmp(qword(mem(rsp, R)), rax);
    a.je(done);
    a.test(r15, r15);
    a.jns(done);
    a.mov(rdi, qword(mem(rsp, Q)));
    a.mov(rsi, SMALL_ONE);
    a.call(sym('rt_int_sub'));
    a.mov(qword(mem(rsp, Q)), rax);
    a.mov(rdi, qword(mem(rsp, R)));
    a.mov(rsi, r13);
    a.call(sym('rt_int_add'));
    a.mov(qword(mem(rsp, R)), rax);
    a.bind(done);
    a.mov(rax, qword(mem(rsp, Q)));
    a.mov(rdx, qword(mem(rsp, R)));
    a.bind(out);
    epilogue(a, SAVED, LOCAL);
    a.bind(ni);
    a.mov(rax, g('rt_const_NotImplemented'));
    a.jmp(out);
    a.bind(zeroDiv);
    a.lea(rdi, rip(sym('type_ZeroDivisionError')));
    a.lea(rsi, rip(sym('msg_int_divmod_zero')));
    a.lea(rax, rip(sym('msg_int_mod_zero')));
    a.cmp(r14d, DIV_MSG.mod);
    a.cmove(rsi, rax);
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
  },
};

/**
 * // or % with a frameless small-int path: idiv truncates, then a nonzero remainder whose
 * sign differs from the divisor's is corrected (floor).
 */
function divOrMod(kind: 'floordiv' | 'mod'): RuntimeRoutine {
  return {
    name: `rt_int_${kind}`,
    contract: `rdi=a, rsi=b (int values) -> rax=a ${kind === 'floordiv' ? '//' : '%'} b (floor semantics), or EXC (ZeroDivisionError), or NotImplemented if one is not an int; may allocate`,
    emit(a) {
      const slow = a.newLabel();
      const exact = a.newLabel();
      a.mov(rax, rdi);
      a.shr(rax, 48);
      a.cmp(eax, TAG_INT);
      a.jne(slow);
      a.mov(rax, rsi);
      a.shr(rax, 48);
      a.cmp(eax, TAG_INT);
      a.jne(slow);
      a.mov(rcx, rsi);
      a.shl(rcx, 16);
      a.je(slow); // division by zero: the slow path raises
      a.sar(rcx, 16);
      a.mov(rax, rdi);
      a.shl(rax, 16);
      a.sar(rax, 16);
      a.cqo();
      a.idiv(rcx);
      a.test(rdx, rdx);
      a.je(exact);
      a.mov(r8, rdx);
      a.xor(r8, rcx);
      a.jns(exact);
      a.dec(rax);
      a.add(rdx, rcx);
      a.bind(exact);
      if (kind === 'floordiv') {
        a.mov(rdi, rax);
        a.jmp(sym('rt_int_from_i64')); // -2^47 // -1 leaves int48
      } else {
        a.mov(rax, rdx);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.mov(rcx, INT_TAG_BITS);
        a.or(rax, rcx);
        a.ret();
      }
      a.bind(slow);
      const out = a.newLabel();
      a.sub(rsp, 8);
      a.mov(edx, kind === 'mod' ? DIV_MSG.mod : DIV_MSG.divmod);
      a.call(sym('rt_int_divmod_core'));
      if (kind === 'mod') {
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_NotImplemented'));
        a.je(out);
        a.mov(rax, rdx);
      }
      a.bind(out);
      a.add(rsp, 8);
      a.ret();
    },
  };
}

const divmod: RuntimeRoutine = {
  name: 'rt_int_divmod',
  contract: 'rdi=a, rsi=b (int values) -> rax=tuple (a // b, a % b), or EXC (ZeroDivisionError "integer division or modulo by zero"), or NotImplemented; may allocate',
  emit(a) {
    const out = a.newLabel();
    a.sub(rsp, 8);
    a.mov(edx, DIV_MSG.divmod);
    a.call(sym('rt_int_divmod_core'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.cmp(rax, g('rt_const_NotImplemented'));
    a.je(out);
    a.mov(rdi, rax);
    a.mov(rsi, rdx);
    a.call(sym('rt_tuple_pack2'));
    a.bind(out);
    a.add(rsp, 8);
    a.ret();
  },
};

export const intDivModule: RuntimeModule = {
  name: 'int_div',
  routines: [core, divOrMod('floordiv'), divOrMod('mod'), divmod],
  data: [
    cstr('msg_int_divmod_zero', 'integer division or modulo by zero'),
    cstr('msg_int_mod_zero', 'integer modulo by zero'),
  ],
};

