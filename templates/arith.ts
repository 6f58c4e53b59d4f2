// Specialized arithmetic and comparison templates (chosen from the interpreter's profile).
//
// Small ints are int48 payloads under tag 0xFFF9. Shifting a payload left by 16 turns it
// into a 64-bit integer scaled by 2^16, so a 64-bit add, subtract or multiply overflows
// exactly when the int48 result would: the overflow flag is the int48 overflow check, and
// a signed compare of two shifted payloads orders them. Every fast path has a guard; when
// it fails (other types, overflow into a big int, division by zero) the template falls
// back to the generic runtime call, which is always correct. Floats are the doubles
// themselves; int operands of a float op convert exactly (int48 fits a double).

import { type Assembler, cl, eax, ecx, edx, type Gpr, type Label, mem, qword, rax, rcx, rdi, rdx, rip, rsi, sym, xmm0, xmm1, xmm2 } from '../src/asm/index.js';
import type { Cond } from '../src/asm/table.js';
import { BINOPS, CMPOPS, INPLACE } from '../src/bytecode/ops.js';
import { INT_TAG_BITS, TAG_INT, TAG_MIN, TAG_OBJ } from '../src/native/layout.js';
import { cold, H, type HoleDesc, RT, S, type TemplateDef, type TplAsm } from '../src/native/stencil.js';

/** Where a failed guard goes: a label, or the out-of-line generic path. */
type Slow = Label | ReturnType<typeof cold>;
import { callRt, excCheck, flowOf, loadOperands } from './util.js';

type A = Assembler<HoleDesc>;

function guardInt(a: A, r: Gpr<64>, tmp: Gpr<64>, slow: Slow): void {
  a.mov(tmp, r);
  a.shr(tmp, 48);
  a.cmp(tmp, TAG_INT);
  a.jne(slow);
}

/** Variant parameter of templates that use the incoming Flow. */
type FlowP = { flow: string };
const flowVariant = (ins: { facts: Readonly<Record<string, string | number | boolean>> }): FlowP => ({ flow: String(ins.facts.flow ?? '') });

/**
 * Int ops with a small-int result: in the optimized copy (facts.opt, stitch.ts) the result
 * is a fact the following code relies on, so the generic path leaves for the safe copy
 * (`deopt`) instead of continuing at `next` with a value of any type.
 */
type IntP = FlowP & { deopt: boolean };
const intVariant = (ins: { facts: Readonly<Record<string, string | number | boolean>> }): IntP => ({ ...flowVariant(ins), deopt: ins.facts.opt === true });

/**
 * rax = S[-2], rcx = S[-1], both checked to be small ints (unless known) else to `slow`.
 * Both unknown: one check of (rax & rcx) >> 48, which is TAG_INT exactly when both tags
 * are: the tags in use are below TAG_INT (doubles), TAG_INT, 0xFFFA and TAG_OBJ, and
 * among them only TAG_INT has every bit of TAG_INT set (layout.ts).
 */
function intOperands(a: A, p: FlowP, slow: Slow): void {
  const f = flowOf(p);
  loadOperands(a, f, [[rax, -2], [rcx, -1]]);
  const known2 = (f.ints ?? []).includes(-2);
  const known1 = (f.ints ?? []).includes(-1);
  if (!known1 && !known2) {
    a.mov(rdx, rax);
    a.and(rdx, rcx);
    a.shr(rdx, 48);
    a.cmp(edx, TAG_INT);
    a.jne(slow);
    return;
  }
  if (!known2) guardInt(a, rax, rdx, slow);
  if (!known1) guardInt(a, rcx, rdx, slow);
}

/** The result replaces S[-2]: after the op it is the top, and rax holds it on every path. */
const resultInRax = (): { rax: number } => ({ rax: -1 });

/**
 * rax = box(rax >> 16) for a result scaled by 2^16 (fits int48 by construction): the low
 * 16 bits are zero, so setting them to the tag and rotating them to the top boxes it.
 */
function boxScaled(a: A): void {
  a.or(rax, TAG_INT);
  a.ror(rax, 16);
}

/**
 * Constant divisors c in [2, MAX_CONST_DIVISOR] take a multiply instead of idiv: for a
 * small int x, x' = x + B with B = c * ceil(2^47 / c) is in [0, 2^48 + c), and
 * floor(x' / c) = floor(x' * M / 2^64) with M = ceil(2^64 / c): the error x' * (M - 2^64/c)
 * / 2^64 is below 1/c when c * (2^48 + c) < 2^64, so it never reaches the next multiple
 * (Granlund & Montgomery, PLDI 1994, round-up method). B is a multiple of c, so
 * x' % c = x % c with Python's sign (c > 0), and x // c = floor(x' / c) - B / c.
 */
export const MAX_CONST_DIVISOR = 1 << 15;

function divisorConstants(c: number): { m: bigint; b: bigint } {
  const cb = BigInt(c);
  const m = ((1n << 64n) + cb - 1n) / cb;
  const b = cb * (((1n << 47n) + cb - 1n) / cb);
  return { m, b };
}

/** rdx = floor(x' / c), rcx = x' for the small int x in rax (its payload sign-extended first). */
function divideByConstant(a: A, c: number): void {
  const { m, b } = divisorConstants(c);
  payload(a, rax);
  a.mov(rdx, b);
  a.add(rax, rdx);
  a.mov(rcx, rax);
  a.mov(rdx, m);
  a.mul(rdx);
}

/** The divisor known at compile time (facts.topSmallInt, stitch.ts), when the multiply applies. */
const constDivisor = (ins: { facts: Readonly<Record<string, string | number | boolean>> }): number => {
  const c = ins.facts.topSmallInt;
  return typeof c === 'number' && c >= 2 && c <= MAX_CONST_DIVISOR ? c : 0;
};

/** Whether the Flow knows both operands (S[-2], S[-1]) to be small ints. */
const bothKnown = (p: FlowP): boolean => {
  const ints = flowOf(p).ints ?? [];
  return ints.includes(-1) && ints.includes(-2);
};

/** rax = S[-2] checked to be a small int (unless known) else to `slow`; S[-1] is not read. */
function leftIntOperand(a: A, p: FlowP, slow: Slow): void {
  const f = flowOf(p);
  loadOperands(a, f, [[rax, -2]]);
  if (!(f.ints ?? []).includes(-2)) guardInt(a, rax, rdx, slow);
}

/** Sign-extend the payload of the small int in r. */
function payload(a: A, r: Gpr<64>): void {
  a.shl(r, 16);
  a.sar(r, 16);
}

/** The generic path of BINARY_OP: rt_binary_op(S[-2], S[-1], arg); then `next` or the safe copy. */
function genericBinary(a: A, deopt = false): void {
  a.mov(rdi, S(-2));
  a.mov(rsi, S(-1));
  a.mov(edx, H.arg());
  callRt(a, 'rt_binary_op');
  excCheck(a);
  a.mov(S(-2), rax);
  a.jmp(deopt ? H.deopt() : H.next());
}

const binopOf = (arg: number): (typeof BINOPS)[number] => BINOPS[arg & ~INPLACE];

/**
 * + - * of small ints. `body` computes rax from rax, rcx and jumps to `slow` on overflow.
 * With both operands known ints, overflow is the only way to the generic path, and
 * `recover` (given) rebuilds both operands in rax, rcx from what the overflow left, so the
 * generic path stores them first: the operand slots need not hold them before
 * (registerOperands, stitch.ts storesDead).
 */
const intBinary = (
  op: 'BINARY_OP_ADD_INT' | 'BINARY_OP_SUB_INT' | 'BINARY_OP_MUL_INT',
  body: (a: A, slow: Slow, regs: boolean) => void,
  recover: (c: A) => void,
): TemplateDef<IntP> => ({
  op,
  variant: intVariant,
  registerOperands: bothKnown,
  out: resultInRax,
  emit(a: TplAsm, p: IntP) {
    const regs = bothKnown(p);
    const slow = cold((c) => {
      if (regs) {
        // rax = a << 16 and rcx = b << 16 (scaled), then their boxes into the slots.
        recover(c);
        for (const [r, pos] of [[rax, -2], [rcx, -1]] as const) {
          c.or(r, TAG_INT);
          c.ror(r, 16);
          c.mov(S(pos), r);
        }
      }
      genericBinary(c, p.deopt);
    });
    intOperands(a, p, slow);
    body(a, slow, regs);
    a.mov(S(-2), rax);
    a.jmp(H.next());
  },
});

/**
 * Flags of rax <cmp> rcx for two small ints: == and != compare the boxes themselves (equal
 * tags), an order compares the payloads scaled by 2^16 (signed).
 */
function compareInts(a: A, cmp: number): void {
  if (CMPOPS[cmp] !== '==' && CMPOPS[cmp] !== '!=') {
    a.shl(rax, 16);
    a.shl(rcx, 16);
  }
  a.cmp(rax, rcx);
}

/** Condition codes of CMPOPS on signed integers. */
const INT_CC: readonly Cond[] = ['l', 'le', 'e', 'ne', 'g', 'ge'];

function invert(cc: Cond): Cond {
  const inv: Record<string, Cond> = { l: 'ge', ge: 'l', le: 'g', g: 'le', e: 'ne', ne: 'e', a: 'be', be: 'a', ae: 'b', b: 'ae', p: 'np', np: 'p' };
  return inv[cc];
}

/**
 * Float comparison of xmm0 (a) with xmm1 (b) for CMPOPS[op]: jump to `yes` when it holds,
 * fall through otherwise. Unordered (NaN) operands make every comparison false except !=.
 */
function floatCompareJump(a: A, op: number, yes: Label | ReturnType<typeof H.target>, no: Label | ReturnType<typeof H.next>): void {
  switch (CMPOPS[op]) {
    case '<':
      a.ucomisd(xmm1, xmm0);
      a.ja(yes as never);
      break;
    case '<=':
      a.ucomisd(xmm1, xmm0);
      a.jae(yes as never);
      break;
    case '>':
      a.ucomisd(xmm0, xmm1);
      a.ja(yes as never);
      break;
    case '>=':
      a.ucomisd(xmm0, xmm1);
      a.jae(yes as never);
      break;
    case '==':
      a.ucomisd(xmm0, xmm1);
      a.jp(no as never);
      a.je(yes as never);
      break;
    case '!=':
      a.ucomisd(xmm0, xmm1);
      a.jp(yes as never);
      a.jne(yes as never);
      break;
  }
  a.jmp(no as never);
}

/** Load S[-2], S[-1] into xmm0, xmm1 when both are floats or small ints; else jump to slow. */
function loadFloatOperands(a: A, slow: Slow): void {
  for (const [pos, x] of [[-2, xmm0], [-1, xmm1]] as const) {
    const isFloat = a.newLabel();
    const done = a.newLabel();
    a.mov(rax, S(pos));
    a.mov(rdx, rax);
    a.shr(rdx, 48);
    a.cmp(edx, TAG_MIN);
    a.jb(isFloat);
    a.cmp(edx, TAG_INT);
    a.jne(slow);
    payload(a, rax);
    a.cvtsi2sd(x, rax);
    a.jmp(done);
    a.bind(isFloat);
    a.movq(x, rax);
    a.bind(done);
  }
}

/** Generic comparison and branch: rt_richcompare then truth. */
function genericCompareJump(a: A, jumpIfTrue: boolean): void {
  a.mov(rdi, S(-2));
  a.mov(rsi, S(-1));
  a.mov(edx, H.arg());
  callRt(a, 'rt_richcompare');
  excCheck(a);
  const slowTruth = a.newLabel();
  a.cmp(rax, RT('rt_const_True'));
  a.jne(slowTruth);
  if (jumpIfTrue) a.jmp(H.target(1));
  else a.jmp(H.next());
  a.bind(slowTruth);
  const isFalse = a.newLabel();
  a.cmp(rax, RT('rt_const_False'));
  a.je(isFalse);
  a.mov(rdi, rax);
  callRt(a, 'rt_truthy');
  a.test(eax, eax);
  a.js(H.exc());
  if (jumpIfTrue) a.jne(H.target(1));
  else a.je(H.target(1));
  a.jmp(H.next());
  a.bind(isFalse);
  if (jumpIfTrue) a.jmp(H.next());
  else a.jmp(H.target(1));
}

type CmpJumpParams = { cmp: number; jumpIfTrue: boolean } & FlowP;

const cmpJumpVariant = (ins: { arg: number; next: { op: string } | null; facts: Readonly<Record<string, string | number | boolean>> }): CmpJumpParams => {
  if (ins.next === null || (ins.next.op !== 'POP_JUMP_IF_FALSE' && ins.next.op !== 'POP_JUMP_IF_TRUE')) {
    throw new Error('a fused compare must be followed by POP_JUMP_IF_FALSE/TRUE');
  }
  return { cmp: ins.arg, jumpIfTrue: ins.next.op === 'POP_JUMP_IF_TRUE', ...flowVariant(ins) };
};

export const arithTemplates: TemplateDef<any>[] = [
  // Overflowed sums and differences wrap modulo 2^64: subtracting (adding) the scaled b
  // gives the scaled a back.
  intBinary(
    'BINARY_OP_ADD_INT',
    (a, slow) => {
      a.shl(rax, 16);
      a.shl(rcx, 16);
      a.add(rax, rcx);
      a.jo(slow);
      boxScaled(a);
    },
    (c) => c.sub(rax, rcx),
  ),
  intBinary(
    'BINARY_OP_SUB_INT',
    (a, slow) => {
      a.shl(rax, 16);
      a.shl(rcx, 16);
      a.sub(rax, rcx);
      a.jo(slow);
      boxScaled(a);
    },
    (c) => c.add(rax, rcx),
  ),
  // The product goes to rdx when the operands must survive an overflow (rax = a << 16,
  // rcx = b's payload then).
  intBinary(
    'BINARY_OP_MUL_INT',
    (a, slow, regs) => {
      a.shl(rax, 16);
      payload(a, rcx);
      if (regs) {
        a.mov(rdx, rax);
        a.imul(rdx, rcx);
        a.jo(slow);
        a.mov(rax, rdx);
      } else {
        a.imul(rax, rcx);
        a.jo(slow);
      }
      boxScaled(a);
    },
    (c) => c.shl(rcx, 16),
  ),
  {
    op: 'BINARY_OP_FLOORDIV_INT',
    variant: (ins) => ({ ...intVariant(ins), divisor: constDivisor(ins) }),
    // By a constant and with a known int: no path but the fast one.
    registerOperands: (p) => p.divisor !== 0 && (flowOf(p).ints ?? []).includes(-2),
    out: resultInRax,
    emit(a: TplAsm, p: IntP & { divisor: number }) {
      const slow = cold((c) => genericBinary(c, p.deopt));
      if (p.divisor !== 0) {
        leftIntOperand(a, p, slow);
        divideByConstant(a, p.divisor);
        a.mov(rax, rdx);
        a.mov(rcx, divisorConstants(p.divisor).b / BigInt(p.divisor));
        a.sub(rax, rcx);
        a.shl(rax, 16);
        boxScaled(a);
        a.mov(S(-2), rax);
        a.jmp(H.next());
        return;
      }
      const exact = a.newLabel();
      intOperands(a, p, slow);
      payload(a, rax);
      payload(a, rcx);
      a.test(rcx, rcx);
      a.je(slow); // ZeroDivisionError from the generic path
      a.cqo();
      a.idiv(rcx);
      // Floor: a truncated quotient with a remainder of the other sign than the divisor is one too big.
      a.test(rdx, rdx);
      a.je(exact);
      a.xor(rdx, rcx);
      a.jns(exact);
      a.dec(rax);
      a.bind(exact);
      // Only -2**47 // -1 leaves int48.
      a.mov(rdx, rax);
      payload(a, rdx);
      a.cmp(rdx, rax);
      a.jne(slow);
      a.shl(rax, 16);
      boxScaled(a);
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'BINARY_OP_MOD_INT',
    variant: (ins) => ({ ...intVariant(ins), divisor: constDivisor(ins) }),
    registerOperands: (p) => p.divisor !== 0 && (flowOf(p).ints ?? []).includes(-2),
    out: resultInRax,
    emit(a: TplAsm, p: IntP & { divisor: number }) {
      const slow = cold((c) => genericBinary(c, p.deopt));
      if (p.divisor !== 0) {
        leftIntOperand(a, p, slow);
        divideByConstant(a, p.divisor);
        a.imul(rdx, rdx, p.divisor);
        a.sub(rcx, rdx);
        a.mov(rax, INT_TAG_BITS);
        a.or(rax, rcx); // 0 <= x % c < c
        a.mov(S(-2), rax);
        a.jmp(H.next());
        return;
      }
      const done = a.newLabel();
      intOperands(a, p, slow);
      payload(a, rax);
      payload(a, rcx);
      a.test(rcx, rcx);
      a.je(slow);
      a.cqo();
      a.idiv(rcx);
      // Python's remainder has the divisor's sign.
      a.test(rdx, rdx);
      a.je(done);
      a.mov(rax, rdx);
      a.xor(rax, rcx);
      a.jns(done);
      a.add(rdx, rcx);
      a.bind(done);
      a.mov(rax, rdx);
      a.shl(rax, 16);
      boxScaled(a);
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'BINARY_OP_BITWISE_INT',
    variant: (ins) => ({ op: binopOf(ins.arg), ...intVariant(ins) }),
    // & | ^ of known ints cannot fail.
    registerOperands: (p: { op: string } & IntP) => ['&', '|', '^'].includes(p.op) && bothKnown(p),
    out: resultInRax,
    emit(a: TplAsm, p: { op: string } & IntP) {
      const slow = cold((c) => genericBinary(c, p.deopt));
      intOperands(a, p, slow);
      switch (p.op) {
        case '&':
          a.and(rax, rcx); // equal tags survive, payloads combine bitwise
          break;
        case '|':
          a.or(rax, rcx);
          break;
        case '^':
          a.xor(rax, rcx);
          a.mov(rcx, INT_TAG_BITS);
          a.or(rax, rcx);
          break;
        case '<<':
          payload(a, rcx);
          a.cmp(rcx, 47);
          a.ja(slow); // a negative count (huge unsigned) or a big shift: the generic path decides
          payload(a, rax);
          a.mov(rdx, rax);
          a.shl(rdx, cl);
          a.mov(rdi, rdx);
          a.sar(rdi, cl);
          a.cmp(rdi, rax);
          a.jne(slow); // bits shifted out of 64
          a.mov(rax, rdx);
          payload(a, rdx);
          a.cmp(rdx, rax);
          a.jne(slow); // past int48: a big int
          a.shl(rax, 16);
          boxScaled(a);
          break;
        case '>>': {
          const small = a.newLabel();
          payload(a, rcx);
          a.test(rcx, rcx);
          a.js(slow); // ValueError from the generic path
          a.cmp(rcx, 63);
          a.jbe(small);
          a.mov(ecx, 63);
          a.bind(small);
          payload(a, rax);
          a.sar(rax, cl);
          a.shl(rax, 16);
          boxScaled(a);
          break;
        }
        default:
          throw new Error(`BINARY_OP_BITWISE_INT: ${p.op}`);
      }
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  ...floatBinaries(),
  intChainTemplate(),
  {
    // str + str (the profile saw two strs): both exact strs go straight to rt_str_concat
    // (which cannot fail), anything else (subclasses with their own __add__/__radd__, other
    // types) takes the generic path. The operands stay in their slots, below the value-stack
    // top that callRt sets, so the allocation keeps them alive.
    op: 'BINARY_OP_ADD_STR',
    emit(a: TplAsm) {
      const slow = cold((c) => genericBinary(c));
      a.mov(rdi, S(-2));
      a.mov(rsi, S(-1));
      a.lea(rdx, rip(sym('type_str')));
      for (const r of [rdi, rsi]) {
        a.mov(rax, r);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(slow);
        a.mov(rax, r);
        a.shl(rax, 16);
        a.shr(rax, 16);
        a.cmp(qword(mem(rax)), rdx);
        a.jne(slow);
      }
      callRt(a, 'rt_str_concat');
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'COMPARE_OP_INT',
    variant: (ins) => ({ cmp: ins.arg, ...flowVariant(ins) }),
    registerOperands: bothKnown,
    out: resultInRax,
    emit(a: TplAsm, p: { cmp: number } & FlowP) {
      const slow = cold(genericCompare);
      intOperands(a, p, slow);
      compareInts(a, p.cmp);
      a.mov(rax, RT('rt_const_False'));
      a.cmov(INT_CC[p.cmp], rax, RT('rt_const_True'));
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'COMPARE_OP_FLOAT',
    variant: (ins) => ({ cmp: ins.arg }),
    emit(a: TplAsm, p: { cmp: number }) {
      const slow = cold(genericCompare);
      const yes = a.newLabel();
      const no = a.newLabel();
      const store = a.newLabel();
      loadFloatOperands(a, slow);
      floatCompareJump(a, p.cmp, yes, no);
      a.bind(yes);
      a.mov(rax, RT('rt_const_True'));
      a.jmp(store);
      a.bind(no);
      a.mov(rax, RT('rt_const_False'));
      a.bind(store);
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  },
  {
    op: 'COMPARE_OP_INT_JUMP',
    fuses: 1,
    variant: cmpJumpVariant,
    registerOperands: bothKnown,
    emit(a: TplAsm, p: CmpJumpParams) {
      const slow = cold((c) => genericCompareJump(c, p.jumpIfTrue));
      intOperands(a, p, slow);
      compareInts(a, p.cmp);
      const cc = INT_CC[p.cmp];
      a.j(p.jumpIfTrue ? cc : invert(cc), H.target(1));
      a.jmp(H.next());
    },
  },
  {
    op: 'COMPARE_OP_FLOAT_JUMP',
    fuses: 1,
    variant: cmpJumpVariant,
    emit(a: TplAsm, p: CmpJumpParams) {
      const slow = cold((c) => genericCompareJump(c, p.jumpIfTrue));
      loadFloatOperands(a, slow);
      if (p.jumpIfTrue) floatCompareJump(a, p.cmp, H.target(1), H.next());
      else floatCompareJump(a, p.cmp, H.next(), H.target(1));
    },
  },
];

/** The generic path of COMPARE_OP: rt_richcompare(S[-2], S[-1], arg). */
function genericCompare(a: A): void {
  a.mov(rdi, S(-2));
  a.mov(rsi, S(-1));
  a.mov(edx, H.arg());
  callRt(a, 'rt_richcompare');
  excCheck(a);
  a.mov(S(-2), rax);
  a.jmp(H.next());
}

/** float + - * / with the result boxed as itself (x86 NaNs are already canonical). */
function floatBinaries(): TemplateDef<any>[] {
  const ops = [
    ['BINARY_OP_ADD_FLOAT', 'addsd'],
    ['BINARY_OP_SUB_FLOAT', 'subsd'],
    ['BINARY_OP_MUL_FLOAT', 'mulsd'],
    ['BINARY_OP_TRUEDIV_FLOAT', 'divsd'],
  ] as const;
  return ops.map(([op, insn]) => ({
    op,
    emit(a: TplAsm) {
      const slow = cold(genericBinary);
      loadFloatOperands(a, slow);
      if (insn === 'divsd') {
        // Division by zero raises ZeroDivisionError: leave that to the generic path.
        a.xorpd(xmm2, xmm2);
        a.ucomisd(xmm1, xmm2);
        a.je(slow);
      }
      a[insn](xmm0, xmm1);
      a.movq(rax, xmm0);
      a.mov(S(-2), rax);
      a.jmp(H.next());
    },
  }));
}

// ---- fused int chains: `x * 1103515245 + 12345 & 0x7FFFFFFF` with 64-bit intermediates ----
//
// A BINARY_OP followed by (LOAD_CONST small int, BINARY_OP) pairs (stitch.ts finds them:
// no jump lands inside) compiles as one piece whose fast path computes the whole chain in
// a 64-bit register: when both operands are small ints and no step leaves the signed
// 64-bit range, every step equals Python's on unbounded ints (& | ^ >> on two's complement,
// % and // rounded to the floor), so an intermediate beyond int48 needs no heap int. Only
// the final value must fit a small int. Any other case (an operand of another type, a
// step overflowing 64 bits, a result beyond int48) runs the first op generically and goes
// on with the chain's own instructions, so errors, big ints and other types behave exactly
// as unfused code. The fast path jumps past them (H.after).

/** Operators a chain step may apply; a step with a variable right operand only the first row. */
const CHAIN_VAR_OPS = ['+', '-', '*', '&', '|', '^'] as const;
const CHAIN_CONST_OPS = [...CHAIN_VAR_OPS, '>>', '<<', '%', '//'] as const;
export type ChainOp = (typeof CHAIN_CONST_OPS)[number];
/** One step: the operator and its constant right operand (null: the first step's S[-1]). */
export interface ChainStep {
  readonly op: ChainOp;
  readonly c: bigint | null;
}

/**
 * Whether a BINARY_OP argument and right operand (a small int constant, or null for an
 * unknown one) make a chain step: shifts by 0..63 (a negative count raises, a larger one
 * is left to the generic path), % and // by a positive constant.
 */
export function chainStep(arg: number, c: bigint | null): ChainStep | null {
  const op = binopOf(arg);
  if (c === null) return (CHAIN_VAR_OPS as readonly string[]).includes(op) ? { op: op as ChainOp, c } : null;
  if (!(CHAIN_CONST_OPS as readonly string[]).includes(op)) return null;
  if ((op === '>>' || op === '<<') && (c < 0n || c > 63n)) return null;
  if ((op === '%' || op === '//') && c <= 0n) return null;
  return { op: op as ChainOp, c };
}

export function encodeChain(steps: readonly ChainStep[]): string {
  return steps.map((s) => `${s.op}${s.c === null ? '' : `:${s.c}`}`).join(';');
}

function decodeChain(s: string): ChainStep[] {
  return s.split(';').map((part) => {
    const m = /^([^:]+)(?::(-?\d+))?$/.exec(part);
    if (m === null || !(CHAIN_CONST_OPS as readonly string[]).includes(m[1])) throw new Error(`bad int chain ${s}`);
    return { op: m[1] as ChainOp, c: m[2] === undefined ? null : BigInt(m[2]) };
  });
}

const fitsImm32 = (c: bigint): boolean => c >= -(1n << 31n) && c < 1n << 31n;
const isPow2 = (c: bigint): boolean => c > 0n && (c & (c - 1n)) === 0n;
const log2 = (c: bigint): number => c.toString(2).length - 1;

/** rax = rax <op> c (both signed 64-bit), to `slow` when the exact result leaves 64 bits. */
function chainConstStep(a: A, op: ChainOp, c: bigint, slow: Slow): void {
  const rhs = (): Gpr<64> | number => {
    if (fitsImm32(c)) return Number(c);
    a.mov(rdx, c);
    return rdx;
  };
  switch (op) {
    case '+':
      a.add(rax, rhs() as never);
      a.jo(slow);
      return;
    case '-':
      a.sub(rax, rhs() as never);
      a.jo(slow);
      return;
    case '*':
      if (fitsImm32(c)) a.imul(rax, rax, Number(c));
      else {
        a.mov(rdx, c);
        a.imul(rax, rdx);
      }
      a.jo(slow);
      return;
    case '&':
      a.and(rax, rhs() as never);
      return;
    case '|':
      a.or(rax, rhs() as never);
      return;
    case '^':
      a.xor(rax, rhs() as never);
      return;
    case '>>':
      if (c > 0n) a.sar(rax, Number(c));
      return;
    case '<<':
      if (c === 0n) return;
      a.mov(rdx, rax);
      a.shl(rdx, Number(c));
      a.mov(rcx, rdx);
      a.sar(rcx, Number(c));
      a.cmp(rcx, rax);
      a.jne(slow); // bits shifted out of 64
      a.mov(rax, rdx);
      return;
    case '%':
    case '//': {
      if (isPow2(c)) {
        // x mod 2^k and x // 2^k on two's complement: the low bits, the arithmetic shift.
        if (op === '%') {
          if (fitsImm32(c - 1n)) a.and(rax, Number(c - 1n));
          else {
            a.mov(rdx, c - 1n);
            a.and(rax, rdx);
          }
        }
        else if (c > 1n) a.sar(rax, log2(c));
        return;
      }
      const done = a.newLabel();
      a.mov(rcx, c);
      a.cqo();
      a.idiv(rcx);
      // Truncated: a negative remainder (a negative dividend) is one divisor off the floor.
      if (op === '%') {
        a.mov(rax, rdx);
        a.test(rax, rax);
        a.jns(done);
        a.add(rax, rcx);
      } else {
        a.test(rdx, rdx);
        a.jns(done);
        a.dec(rax);
      }
      a.bind(done);
      return;
    }
  }
}

function intChainTemplate(): TemplateDef<FlowP & { chain: string }> {
  return {
    op: 'BINARY_OP_INT_CHAIN',
    variant: (ins) => ({ chain: String(ins.facts.chain), ...flowVariant(ins) }),
    emit(a: TplAsm, p: FlowP & { chain: string }) {
      const steps = decodeChain(p.chain);
      const slow = cold((c) => genericBinary(c));
      const [first, ...rest] = steps;
      if (first.c === null) {
        intOperands(a, p, slow);
        payload(a, rax);
        payload(a, rcx);
        switch (first.op) {
          case '+':
            a.add(rax, rcx); // two int48 payloads: no 64-bit overflow
            break;
          case '-':
            a.sub(rax, rcx);
            break;
          case '*':
            a.imul(rax, rcx);
            a.jo(slow);
            break;
          case '&':
            a.and(rax, rcx);
            break;
          case '|':
            a.or(rax, rcx);
            break;
          case '^':
            a.xor(rax, rcx);
            break;
          default:
            throw new Error(`int chain: ${first.op} with a variable operand`);
        }
      } else {
        // S[-1] is the constant (the LOAD_CONST before, which stored it for the slow path).
        leftIntOperand(a, p, slow);
        payload(a, rax);
        chainConstStep(a, first.op, first.c, slow);
      }
      for (const s of rest) chainConstStep(a, s.op, s.c!, slow);
      // The result must be a small int.
      a.mov(rdx, rax);
      payload(a, rdx);
      a.cmp(rdx, rax);
      a.jne(slow);
      a.shl(rax, 16);
      boxScaled(a);
      a.mov(S(-2), rax);
      a.jmp(rest.length === 0 ? H.next() : H.after(2 * rest.length));
    },
  };
}
