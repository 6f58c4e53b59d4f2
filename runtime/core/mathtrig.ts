// Runtime math kernels: mathtrig.ts's circular functions and their inverses, ported operation
// for operation (see mathkit.ts), with the exact Payne-Hanek reduction in integer code.
//
// Role: rt_mathk_sin/cos/tan/atan/atan2/asin/acos, C-level (doubles in xmm0/xmm1, result in
// xmm0, never raising), the same bits as src/interp/numeric/mathtrig.ts. Argument reduction
// x = k*pi/2 + r: Cody-Waite with a five-piece pi/2 below 2^20 * pi/2, else (and when the
// Cody-Waite remainder is tiny) rt_mathk_reduce_big: the 53-bit mantissa times 2/pi to 1280
// bits (20 limbs), the fraction's top 128 bits times pi/2 (254 bits), and that product
// converted like JavaScript's Number(bigint) (round half to even) into a dd.

import {
  type Assembler, cl, eax, ecx, edx, esi, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1, xmm2,
} from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, prologue } from '../../src/native/macros.js';
import { ddInvInt, ddMulD } from '../../src/interp/numeric/mathdd.js';
import * as T from '../../src/interp/numeric/mathtables.js';
import { F64_MANT, LiteralPool } from './floatkit.js';
import { type DV, type FK, type Val, f64Table, kernel } from './mathkit.js';

const ddInv = (n: number): [number, number] => ddInvInt(n) as [number, number];
const negDD = (d: [number, number]): [number, number] => [-d[0], -d[1]];

const SIN_HI: [number, number][] = [[1, 0], negDD(ddInv(6)), ddInv(120)];
const SIN_TAIL = [-1 / 5040, 1 / 362880, -1 / 39916800];
const COS_HI: [number, number][] = [[1, 0], [-0.5, 0], ddInv(24)];
const COS_TAIL = [-1 / 720, 1 / 40320, -1 / 3628800, 1 / 479001600];
const ATAN_HI: [number, number][] = [[1, 0], negDD(ddInv(3)), ddInv(5), negDD(ddInv(7))];
const ATAN_TAIL = [1 / 9, -1 / 11, 1 / 13, -1 / 15, 1 / 17];
const TWO_OVER_PI = 0.6366197723675814;
const TINY = 7.450580596923828e-9;
const THREE_PI_4 = ddMulD([T.PI_4_HI, T.PI_4_LO], 3);

/** Little-endian u64 limbs of a hex string. */
function limbs(hex: string, n: number): bigint[] {
  let v = BigInt('0x' + hex);
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    out.push(v & 0xffff_ffff_ffff_ffffn);
    v >>= 64n;
  }
  if (v !== 0n) throw new Error('mathtrig: constant wider than its limbs');
  return out;
}
const W_LIMBS = 20; // floor(2/pi * 2^1280)
const PIO2_LIMBS = 4; // floor(pi/2 * 2^254)

// rt_mathk_reduce_big frame
const B_PROD = 0; // 22 limbs: m * (2/pi), then the fraction
const B_G = 176; // 6 limbs: the fraction's top 128 bits * pi/2
const B_H = 224; // 8 limbs: BigInt(hi) (its top part may land in a seventh limb, zero)
const B_NEG = 288;
const B_N = 296;
const B_K = 304;
const B_HI = 312;
const B_LO = 320;
const B_FRAME = 336;

/** The 8-byte limb i of a buffer at rsp + base. */
const limb = (base: number, i: typeof rax | number) => (typeof i === 'number' ? qword(mem(rsp, base + 8 * i)) : qword(sib(rsp, i, 8, base)));

/** reduce(x) of mathtrig.ts: [n mod 4, r_hi, r_lo]. */
function reduceCall(k: FK, x: Val): [Val, Val, Val] {
  const [n, rh, rl] = k.call('rt_mathk_reduce', [x], 3);
  return [n!, rh!, rl!];
}

function sinCosCall(k: FK, rh: Val, rl: Val): [DV, DV] {
  const [sh, sl, ch, cl] = k.call('rt_mathk_sincos_kernel', [rh, rl], 4);
  return [[sh!, sl!], [ch!, cl!]];
}

function atanKernelCall(k: FK, xh: Val, xl: Val): DV {
  const [h, l] = k.call('rt_mathk_atan_kernel', [xh, xl], 2);
  return [h!, l!];
}

/** atanUnit(x) of mathtrig.ts for a dd 0 <= x <= 1. */
function atanUnit(k: FK, x: DV): DV {
  const j = k.floor(k.add(k.mul(x[0], k.c(64)), k.c(0.5)));
  const h = k.var();
  const l = k.var();
  k.if(
    k.eq(j, k.c(0)),
    () => {
      const r = k.ddMul(x, k.ddPoly(k.ddMul(x, x), ATAN_HI, ATAN_TAIL));
      k.set(h, r[0]);
      k.set(l, r[1]);
    },
    () => {
      const c = k.div(j, k.c(64));
      const t = k.ddDiv(k.ddAddD(x, k.neg(c)), k.ddAddD(k.ddMulD(x, c), k.c(1)));
      const at = k.ddMul(t, k.ddPoly(k.ddMul(t, t), ATAN_HI, ATAN_TAIL));
      const r = k.ddAdd(k.table('math_atan_table', j), at);
      k.set(h, r[0]);
      k.set(l, r[1]);
    },
  );
  return [h, l];
}

/** x as a sign: -1 when its sign bit is set (negative or -0.0), else 1. */
export function signOf(k: FK, x: Val): Val {
  return k.intResult([x], () => {
    k.toScratch(x, xmm0);
    k.a.movq(rax, xmm0);
    k.a.sar(rax, 63);
    k.a.or(rax, 1);
  });
}

export const mathTrigModule: RuntimeModule = {
  name: 'mathtrig',
  routines: [
    {
      name: 'rt_mathk_big_to_double',
      contract: 'rdi=address of u64 limbs (little-endian), esi=limb count -> xmm0=the unsigned integer as a double, round half to even (as Number(bigint)); clobbers rax rcx rdx rsi r8 r9 xmm0 xmm1; no alloc',
      emit(a: Assembler<any>) {
        const pool = new LiteralPool(a);
        const find = a.newLabel();
        const zero = a.newLabel();
        const one = a.newLabel();
        const convert = a.newLabel();
        const small = a.newLabel();
        const done = a.newLabel();
        const stickyLoop = a.newLabel();
        const stickyDone = a.newLabel();
        a.lea(rcx, mem(rsi, -1)); // i
        a.bind(find);
        a.test(rcx, rcx);
        a.js(zero);
        a.mov(rax, qword(sib(rdi, rcx, 8)));
        a.test(rax, rax);
        a.jne(one);
        a.dec(rcx);
        a.jmp(find);
        a.bind(zero);
        a.xorpd(xmm0, xmm0);
        a.ret();
        a.bind(one);
        a.xor(r9, r9); // power of two to scale by
        a.test(rcx, rcx);
        a.je(convert); // a single limb
        // top 64 bits of the number, the bits below them folded into a sticky bit 0
        a.bsr(rdx, rax);
        a.mov(r8, rcx); // i
        a.mov(ecx, 63);
        a.sub(ecx, edx); // 63 - b
        a.mov(rsi, qword(sib(rdi, r8, 8, -8))); // limb i-1
        a.shld(rax, rsi, cl);
        a.shl(rsi, cl); // its bits not taken
        a.mov(r9, r8);
        a.shl(r9, 6);
        a.add(r9, rdx);
        a.sub(r9, 63); // G - 64 = 64 i + b + 1 - 64
        a.lea(rcx, mem(r8, -2));
        a.bind(stickyLoop);
        a.test(rcx, rcx);
        a.js(stickyDone);
        a.or(rsi, qword(sib(rdi, rcx, 8)));
        a.dec(rcx);
        a.jmp(stickyLoop);
        a.bind(stickyDone);
        a.test(rsi, rsi);
        a.setne(cl);
        a.movzx(ecx, cl);
        a.or(rax, rcx);
        a.bind(convert);
        // u64 -> double, correctly rounded: cvtsi2sd is, below 2^63; above, halve with sticky
        a.test(rax, rax);
        a.jns(small);
        a.mov(rcx, rax);
        a.and(ecx, 1);
        a.shr(rax, 1);
        a.or(rax, rcx);
        a.cvtsi2sd(xmm0, rax);
        a.addsd(xmm0, xmm0);
        a.jmp(done);
        a.bind(small);
        a.cvtsi2sd(xmm0, rax);
        a.bind(done);
        // times 2^(G - 64): exact (G <= 400 here)
        a.lea(rax, mem(r9, 1023));
        a.shl(rax, 52);
        a.movq(xmm1, rax);
        a.mulsd(xmm0, xmm1);
        a.ret();
        pool.emit();
      },
    },
    {
      name: 'rt_mathk_reduce_big',
      contract: 'xmm0=|x| (finite, >= pi/4) -> xmm0=r_hi, xmm1=r_lo, xmm2=n mod 4: |x| = (4m + n) pi/2 + r exactly reduced (mathtrig reduceBig, Payne-Hanek); clobbers caller-saved; no alloc',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const zeroFraction = a.newLabel();
        prologue(a, saved, B_FRAME);
        // x = m * 2^e, e = biased - 1075
        a.movq(rax, xmm0);
        a.mov(r12, rax);
        a.mov(rcx, F64_MANT);
        a.and(r12, rcx);
        a.bts(r12, 52); // m
        a.shr(rax, 52);
        a.mov(r13, 1280 + 1075);
        a.sub(r13, rax); // s = 1280 - e: fraction bits of m * W
        // PROD = m * W (20 limbs -> 21)
        {
          const loop = a.newLabel();
          a.lea(r8, rip(sym('math_two_over_pi_limbs')));
          a.xor(r9, r9); // carry
          a.xor(ecx, ecx);
          a.bind(loop);
          a.mov(rax, qword(sib(r8, rcx, 8)));
          a.mul(r12);
          a.add(rax, r9);
          a.adc(rdx, 0);
          a.mov(limb(B_PROD, rcx), rax);
          a.mov(r9, rdx);
          a.inc(rcx);
          a.cmp(rcx, W_LIMBS);
          a.jb(loop);
          a.mov(limb(B_PROD, W_LIMBS), r9);
          a.mov(limb(B_PROD, W_LIMBS + 1), 0);
        }
        /** rax = bit `bit` (a register) of PROD. Clobbers rcx rdx. */
        const getBit = (bit: typeof rax): void => {
          a.mov(rdx, bit);
          a.shr(rdx, 6);
          a.mov(rax, limb(B_PROD, rdx));
          a.mov(rcx, bit);
          a.shr(rax, cl);
          a.and(eax, 1);
        };
        // q = PROD >> s; n = (q + round bit) mod 4, the round bit being bit s - 1
        a.lea(r14, mem(r13, -1));
        getBit(r14);
        a.mov(rbx, rax); // round bit: the fraction is >= 1/2, take it negative
        a.mov(r14, r13);
        getBit(r14);
        a.mov(r15, rax);
        a.lea(r14, mem(r13, 1));
        getBit(r14);
        a.lea(r15, sib(r15, rax, 2));
        a.add(r15, rbx);
        a.and(r15, 3);
        a.cvtsi2sd(xmm0, r15);
        a.movsd(qword(mem(rsp, B_N)), xmm0);
        a.mov(qword(mem(rsp, B_NEG)), rbx);
        // f = PROD mod 2^s; when the round bit is set, 2^s - f instead (|f - 2^s|)
        {
          const clear = a.newLabel();
          const clearDone = a.newLabel();
          const noNeg = a.newLabel();
          const negLoop = a.newLabel();
          const inc = a.newLabel();
          const incDone = a.newLabel();
          a.mov(rbp, r13);
          a.shr(rbp, 6); // ls: the limb holding bit s
          a.mov(rcx, r13);
          a.mov(eax, 1);
          a.shl(rax, cl); // 1 << (s mod 64)
          a.dec(rax);
          a.and(limb(B_PROD, rbp), rax);
          a.lea(rcx, mem(rbp, 1));
          a.bind(clear);
          a.cmp(rcx, W_LIMBS + 2);
          a.jae(clearDone);
          a.mov(limb(B_PROD, rcx), 0);
          a.inc(rcx);
          a.jmp(clear);
          a.bind(clearDone);
          a.test(rbx, rbx);
          a.je(noNeg);
          // two's complement over limbs 0..ls, then masked to s bits again
          a.xor(ecx, ecx);
          a.bind(negLoop);
          a.not(limb(B_PROD, rcx));
          a.inc(rcx);
          a.cmp(rcx, rbp);
          a.jbe(negLoop);
          a.xor(ecx, ecx);
          a.bind(inc);
          a.add(limb(B_PROD, rcx), 1);
          a.jnc(incDone);
          a.inc(rcx);
          a.cmp(rcx, rbp);
          a.jbe(inc);
          a.bind(incDone);
          a.mov(rcx, r13);
          a.mov(eax, 1);
          a.shl(rax, cl);
          a.dec(rax);
          a.and(limb(B_PROD, rbp), rax);
          a.bind(noNeg);
        }
        // L = bit length of f (0: an exact multiple of pi/2)
        {
          const find = a.newLabel();
          const found = a.newLabel();
          a.mov(rcx, rbp);
          a.bind(find);
          a.mov(rax, limb(B_PROD, rcx));
          a.test(rax, rax);
          a.jne(found);
          a.dec(rcx);
          a.jns(find);
          a.jmp(zeroFraction);
          a.bind(found);
          a.bsr(rax, rax);
          a.shl(rcx, 6);
          a.lea(r14, sib(rcx, rax, 1, 1)); // L
        }
        // cut = max(0, L - 128); T = f >> cut (two limbs)
        {
          const noCut = a.newLabel();
          a.xor(r15, r15);
          a.sub(r14, 128);
          a.jle(noCut);
          a.mov(r15, r14);
          a.bind(noCut);
          a.mov(rdx, r15);
          a.shr(rdx, 6);
          a.mov(rcx, r15);
          a.and(ecx, 63);
          a.mov(r8, limb(B_PROD, rdx));
          a.lea(rax, mem(rdx, 1));
          a.mov(r9, limb(B_PROD, rax));
          a.lea(rax, mem(rdx, 2));
          a.mov(r10, limb(B_PROD, rax));
          a.shrd(r8, r9, cl); // T0
          a.shrd(r9, r10, cl); // T1
        }
        // G = T * (pi/2 * 2^254): 2 x 4 limbs
        {
          a.lea(r11, rip(sym('math_pio2_limbs')));
          for (let i = 0; i < 6; i++) a.mov(limb(B_G, i), 0);
          for (const [ti, t] of [[0, r8], [1, r9]] as const) {
            a.xor(r10, r10); // carry
            for (let j = 0; j < PIO2_LIMBS; j++) {
              a.mov(rax, qword(mem(r11, 8 * j)));
              a.mul(t);
              a.add(rax, r10);
              a.adc(rdx, 0);
              a.add(limb(B_G, ti + j), rax);
              a.adc(rdx, 0);
              a.mov(r10, rdx);
            }
            a.add(limb(B_G, ti + PIO2_LIMBS), r10);
          }
        }
        // hi = Number(G), lo = Number(G - BigInt(hi))
        a.lea(rdi, mem(rsp, B_G));
        a.mov(esi, 6);
        a.call(sym('rt_mathk_big_to_double'));
        a.movsd(qword(mem(rsp, B_HI)), xmm0);
        {
          const exact = a.newLabel();
          const positive = a.newLabel();
          const haveLo = a.newLabel();
          a.xorpd(xmm1, xmm1);
          a.movsd(qword(mem(rsp, B_LO)), xmm1);
          a.movq(rax, xmm0);
          a.mov(rcx, rax);
          a.shr(rcx, 52);
          a.sub(ecx, 1075); // e of hi = m_hi * 2^e
          a.jle(exact); // hi < 2^53: Number(G) was exact
          a.mov(rdx, F64_MANT);
          a.and(rax, rdx);
          a.bts(rax, 52);
          for (let i = 0; i < 8; i++) a.mov(limb(B_H, i), 0);
          a.mov(edx, ecx);
          a.shr(edx, 6);
          a.and(ecx, 63);
          a.xor(r8, r8);
          a.shld(r8, rax, cl);
          a.shl(rax, cl);
          a.mov(limb(B_H, rdx), rax);
          a.mov(limb(B_H + 8, rdx), r8);
          // G - H with borrow, in place in G
          a.mov(rax, limb(B_H, 0));
          a.sub(limb(B_G, 0), rax);
          for (let i = 1; i < 6; i++) {
            a.mov(rax, limb(B_H, i));
            a.sbb(limb(B_G, i), rax);
          }
          a.mov(r12, 0);
          a.jnc(positive);
          // negative: two's complement, remember the sign
          a.mov(r12, 1);
          for (let i = 0; i < 6; i++) a.not(limb(B_G, i));
          a.add(limb(B_G, 0), 1);
          for (let i = 1; i < 6; i++) a.adc(limb(B_G, i), 0);
          a.bind(positive);
          a.lea(rdi, mem(rsp, B_G));
          a.mov(esi, 6);
          a.call(sym('rt_mathk_big_to_double'));
          a.test(r12, r12);
          a.je(haveLo);
          a.movq(rax, xmm0);
          a.btc(rax, 63);
          a.movq(xmm0, rax);
          a.bind(haveLo);
          a.movsd(qword(mem(rsp, B_LO)), xmm0);
          a.bind(exact);
        }
        // k = cut - s - 254; r = (hi, lo) * 2^k, negated when the fraction was
        a.mov(rax, r15);
        a.sub(rax, r13);
        a.sub(rax, 254);
        a.cvtsi2sd(xmm1, rax);
        a.movsd(qword(mem(rsp, B_K)), xmm1);
        a.movsd(xmm0, qword(mem(rsp, B_HI)));
        a.call(sym('rt_mathk_scalbn'));
        a.movsd(qword(mem(rsp, B_HI)), xmm0);
        a.movsd(xmm0, qword(mem(rsp, B_LO)));
        a.movsd(xmm1, qword(mem(rsp, B_K)));
        a.call(sym('rt_mathk_scalbn'));
        a.movapd(xmm1, xmm0);
        a.movsd(xmm0, qword(mem(rsp, B_HI)));
        {
          const keep = a.newLabel();
          a.cmp(qword(mem(rsp, B_NEG)), 0);
          a.je(keep);
          a.movq(rax, xmm0);
          a.btc(rax, 63);
          a.movq(xmm0, rax);
          a.movq(rax, xmm1);
          a.btc(rax, 63);
          a.movq(xmm1, rax);
          a.bind(keep);
        }
        a.movsd(xmm2, qword(mem(rsp, B_N)));
        a.bind(out);
        epilogue(a, saved, B_FRAME);
        a.bind(zeroFraction);
        a.xorpd(xmm0, xmm0);
        a.xorpd(xmm1, xmm1);
        a.movsd(xmm2, qword(mem(rsp, B_N)));
        a.jmp(out);
      },
    },
    kernel('rt_mathk_reduce', 'xmm0=x (finite) -> xmm0=n mod 4, xmm1=r_hi, xmm2=r_lo: x = k pi/2 + r, |r| <= pi/4 + tiny (mathtrig reduce); clobbers caller-saved', 1, 80, (k, [x]) => {
      const ax = k.abs(x!);
      k.if(k.le(ax, k.c(0.7853981633974483)), () => k.ret(k.c(0), x!, k.c(0)));
      k.if(k.lt(ax, k.c(1647099)), () => {
        const n = k.floor(k.add(k.mul(x!, k.c(TWO_OVER_PI)), k.c(0.5)));
        const mn = k.neg(n);
        let r = k.twoSum(x!, k.mul(mn, k.c(T.PIO2_1)));
        r = k.ddAddD(r, k.mul(mn, k.c(T.PIO2_2)));
        r = k.ddAddD(r, k.mul(mn, k.c(T.PIO2_3)));
        r = k.ddAddD(r, k.mul(mn, k.c(T.PIO2_4)));
        r = k.ddAddD(r, k.mul(mn, k.c(T.PIO2_5)));
        // Cancellation: below 2^-15 the dd sum may have lost too many bits; redo exactly.
        k.if(k.gt(k.abs(r[0]), k.c(3.0517578125e-5)), () => k.ret(k.andInt(n, 3), r[0], r[1]));
      });
      const [rh, rl, n] = k.call('rt_mathk_reduce_big', [ax], 3);
      k.if(k.lt(x!, k.c(0)), () => {
        k.ret(k.andInt(k.sub(k.c(4), n!), 3), k.neg(rh!), k.neg(rl!));
      });
      k.ret(n!, rh!, rl!);
    }),
    kernel('rt_mathk_sincos_kernel', 'xmm0=r_hi, xmm1=r_lo (|r| <= pi/4 + tiny) -> xmm0/xmm1=sin r, xmm2/xmm3=cos r as dds (mathtrig sinCosKernel); clobbers caller-saved', 2, 160, (k, [rh0, rl0]) => {
      const neg = k.var(k.c(0));
      const rh = k.var(rh0!);
      const rl = k.var(rl0!);
      k.if(k.lt(rh, k.c(0)), () => {
        k.set(neg, k.c(1));
        k.set(rh, k.neg(rh));
        k.set(rl, k.neg(rl));
      });
      const j = k.floor(k.add(k.mul(rh, k.c(64)), k.c(0.5)));
      const t = k.fastTwoSum(k.sub(rh, k.div(j, k.c(64))), rl);
      const u = k.ddMul(t, t);
      const st = k.ddMul(t, k.ddPoly(u, SIN_HI, SIN_TAIL));
      const ct = k.ddPoly(u, COS_HI, COS_TAIL);
      const sh = k.var();
      const sl = k.var();
      const ch = k.var();
      const cl2 = k.var();
      k.if(
        k.eq(j, k.c(0)),
        () => {
          k.set(sh, st[0]);
          k.set(sl, st[1]);
          k.set(ch, ct[0]);
          k.set(cl2, ct[1]);
        },
        () => {
          const sa = k.table('math_sin_table', j);
          const ca = k.table('math_cos_table', j);
          const s = k.ddAdd(k.ddMul(sa, ct), k.ddMul(ca, st));
          const c = k.ddAdd(k.ddMul(ca, ct), k.ddNeg(k.ddMul(sa, st)));
          k.set(sh, s[0]);
          k.set(sl, s[1]);
          k.set(ch, c[0]);
          k.set(cl2, c[1]);
        },
      );
      k.if(k.eq(neg, k.c(1)), () => k.ret(k.neg(sh), k.neg(sl), ch, cl2));
      k.ret(sh, sl, ch, cl2);
    }),
    ...(['sin', 'cos'] as const).map((fn) =>
      kernel(`rt_mathk_${fn}`, `xmm0=x -> xmm0=${fn} x (mathtrig.${fn}); clobbers caller-saved`, 1, 24, (k, [x]) => {
        k.if(k.not(k.isFinite(x!)), () => k.ret(k.c(NaN)));
        k.if(k.lt(k.abs(x!), k.c(TINY)), () => k.ret(fn === 'sin' ? x! : k.c(1)));
        const [n, rh, rl] = reduceCall(k, x!);
        const [s, c] = sinCosCall(k, rh, rl);
        // sin: s, c, -s, -c; cos: c, -s, -c, s
        const order = fn === 'sin' ? [s[0], c[0], k.neg(s[0]), k.neg(c[0])] : [c[0], k.neg(s[0]), k.neg(c[0]), s[0]];
        for (let i = 0; i < 3; i++) k.if(k.eq(n, k.c(i)), () => k.ret(order[i]!));
        k.ret(order[3]!);
      }),
    ),
    kernel('rt_mathk_tan', 'xmm0=x -> xmm0=tan x (mathtrig.tan); clobbers caller-saved', 1, 60, (k, [x]) => {
      k.if(k.not(k.isFinite(x!)), () => k.ret(k.c(NaN)));
      k.if(k.lt(k.abs(x!), k.c(TINY)), () => k.ret(x!));
      const [n, rh, rl] = reduceCall(k, x!);
      const [s, c] = sinCosCall(k, rh, rl);
      k.if(k.eq(k.andInt(n, 1), k.c(1)), () => k.ret(k.neg(k.ddDiv(c, s)[0])));
      k.ret(k.ddDiv(s, c)[0]);
    }),
    kernel('rt_mathk_atan_kernel', 'xmm0=xh, xmm1=xl (a dd x >= 0, finite) -> xmm0/xmm1=atan x as a dd (mathtrig atanKernel); clobbers caller-saved', 2, 160, (k, [xh, xl]) => {
      k.if(k.le(xh!, k.c(1)), () => k.ret(...atanUnit(k, [xh!, xl!])));
      const PI_2 = k.cdd([T.PI_2_HI, T.PI_2_LO]);
      k.if(k.gt(xh!, k.c(1.152921504606847e18)), () => k.ret(...k.ddAddD(PI_2, k.div(k.c(-1), xh!))));
      k.ret(...k.ddAdd(PI_2, k.ddNeg(atanUnit(k, k.ddDiv(k.cdd([1, 0]), [xh!, xl!])))));
    }),
    kernel('rt_mathk_atan', 'xmm0=x -> xmm0=atan x (mathtrig.atan); clobbers caller-saved', 1, 24, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
      k.if(k.eq(ax, k.c(Infinity)), () => k.ret(k.select(k.gt(x!, k.c(0)), () => k.c(T.PI_2_HI), () => k.c(-T.PI_2_HI))));
      const r = atanKernelCall(k, ax, k.c(0))[0];
      k.ret(k.select(k.lt(x!, k.c(0)), () => k.neg(r), () => r));
    }),
    kernel('rt_mathk_atan2', 'xmm0=y, xmm1=x -> xmm0=atan2(y, x) with C99 special cases (mathtrig.atan2); clobbers caller-saved', 2, 120, (k, [y, x]) => {
      k.if(k.or(k.isNaN(x!), k.isNaN(y!)), () => k.ret(k.c(NaN)));
      const sy = signOf(k, y!);
      const xNeg = k.eq(signOf(k, x!), k.c(-1));
      k.if(k.eq(y!, k.c(0)), () => k.ret(k.select(xNeg, () => k.mul(sy, k.c(T.PI_HI)), () => y!)));
      const ay = k.abs(y!);
      const ax = k.abs(x!);
      k.if(k.eq(ay, k.c(Infinity)), () => {
        k.if(k.eq(ax, k.c(Infinity)), () => k.ret(k.mul(sy, k.select(xNeg, () => k.c(THREE_PI_4[0]), () => k.c(T.PI_4_HI)))));
        k.ret(k.mul(sy, k.c(T.PI_2_HI)));
      });
      k.if(k.eq(x!, k.c(0)), () => k.ret(k.mul(sy, k.c(T.PI_2_HI))));
      k.if(k.eq(ax, k.c(Infinity)), () => k.ret(k.select(xNeg, () => k.mul(sy, k.c(T.PI_HI)), () => k.mul(sy, k.c(0)))));
      const ex = k.exponentOf(ax);
      const ey = k.exponentOf(ay);
      const PI_2 = k.cdd([T.PI_2_HI, T.PI_2_LO]);
      const PI = k.cdd([T.PI_HI, T.PI_LO]);
      const ah = k.var();
      const al = k.var();
      const setA = (d: DV): void => {
        k.set(ah, d[0]);
        k.set(al, d[1]);
      };
      k.if(
        k.gt(k.sub(ey, ex), k.c(60)),
        () => {
          // |y/x| > 2^59: atan = pi/2 - x/y
          setA(k.ddAddD(PI_2, k.neg(k.div(ax, ay))));
          k.if(xNeg, () => setA(k.ddAdd(PI, k.ddNeg([ah, al]))));
        },
        () => {
          k.if(
            k.gt(k.sub(ex, ey), k.c(60)),
            () => {
              k.if(
                xNeg,
                () => setA(k.ddAddD(PI, k.neg(k.div(ay, ax)))),
                () => {
                  // atan(q) ~ q < 2^-59, possibly subnormal: round once; an exact q gets a tiny
                  // negative tail (atan q is below q).
                  const q = k.ddDiv([k.scalbn(ay, k.neg(ey)), k.c(0)], [k.scalbn(ax, k.neg(ex)), k.c(0)]);
                  const lo = k.select(k.ne(q[1], k.c(0)), () => q[1], () => k.mul(k.neg(q[0]), k.c(8.673617379884035e-19)));
                  k.ret(k.mul(sy, k.roundScaled(q[0], lo, k.sub(ey, ex))));
                },
              );
            },
            () => {
              const q = k.ddDiv([k.scalbn(ay, k.neg(ex)), k.c(0)], [k.scalbn(ax, k.neg(ex)), k.c(0)]);
              setA(atanKernelCall(k, q[0], q[1]));
              k.if(xNeg, () => setA(k.ddAdd(PI, k.ddNeg([ah, al]))));
            },
          );
        },
      );
      k.ret(k.mul(sy, ah));
    }),
    kernel('rt_mathk_asin', 'xmm0=x -> xmm0=asin x, NaN outside [-1, 1] (mathtrig.asin); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      const ax = k.abs(x!);
      k.if(k.gt(ax, k.c(1)), () => k.ret(k.c(NaN)));
      k.if(k.lt(ax, k.c(TINY)), () => k.ret(x!));
      k.if(k.eq(ax, k.c(1)), () => k.ret(k.mul(x!, k.c(T.PI_2_HI))));
      const dh = k.var();
      const dl = k.var();
      k.if(
        k.ge(ax, k.c(0.5)),
        () => {
          const d = k.ddMulD(k.twoSum(k.c(1), ax), k.sub(k.c(1), ax));
          k.set(dh, d[0]);
          k.set(dl, d[1]);
        },
        () => {
          const d = k.ddAddD(k.ddNeg(k.twoSquare(ax)), k.c(1));
          k.set(dh, d[0]);
          k.set(dl, d[1]);
        },
      );
      const q = k.ddDiv([ax, k.c(0)], k.ddSqrt([dh, dl]));
      const r = atanKernelCall(k, q[0], q[1])[0];
      k.ret(k.select(k.lt(x!, k.c(0)), () => k.neg(r), () => r));
    }),
    kernel('rt_mathk_acos', 'xmm0=x -> xmm0=acos x, NaN outside [-1, 1] (mathtrig.acos); clobbers caller-saved', 1, 120, (k, [x]) => {
      k.if(k.isNaN(x!), () => k.ret(x!));
      k.if(k.gt(k.abs(x!), k.c(1)), () => k.ret(k.c(NaN)));
      k.if(k.eq(x!, k.c(1)), () => k.ret(k.c(0)));
      k.if(k.eq(x!, k.c(-1)), () => k.ret(k.c(T.PI_HI)));
      const q = k.ddDiv(k.twoSum(k.c(1), k.neg(x!)), k.twoSum(k.c(1), x!));
      const s = k.ddSqrt(q);
      const r = atanKernelCall(k, s[0], s[1]);
      k.ret(k.add(k.mul(k.c(2), r[0]), k.mul(k.c(2), r[1])));
    }),
  ],
  data: [
    f64Table('math_sin_table', T.SIN_TABLE),
    f64Table('math_cos_table', T.COS_TABLE),
    f64Table('math_atan_table', T.ATAN_TABLE),
    { name: 'math_two_over_pi_limbs', section: 'rodata', align: 16, emit: (a) => limbs(T.TWO_OVER_PI_1280, W_LIMBS).forEach((w) => a.u64(w)) },
    { name: 'math_pio2_limbs', section: 'rodata', align: 16, emit: (a) => limbs(T.PIO2_254, PIO2_LIMBS).forEach((w) => a.u64(w)) },
  ],
};

