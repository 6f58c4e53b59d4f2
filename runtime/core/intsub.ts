// Runtime: instances of Python subclasses of int (class Flag(int), re.RegexFlag, IntEnum)
// and of str (StrEnum).
//
// An instance of an int subclass is a BIGINT object (layout.ts) whose header names the
// subclass: the int routines read it through rt_int_unpack like any int (int_common.ts), so
// arithmetic, comparisons, hashing and formatting see its value; results of arithmetic are
// exact ints, as in CPython. Unlike exact ints it is never a small int, whatever its value
// (the canonical form is a property of exact ints only). Such classes have the `intsub`
// layout (classes.ts rt_new_type): the limbs are whole 64-bit words (at least one), and the
// instance-dict word follows them (rt_instance_dict_slot, rt_descr_dict_addr).
//
// rt_new_int (int.__new__) gives a subclass type to rt_int_subclass_new: the value is
// computed as int(...) would, then copied into a BIGINT of the subclass. Likewise
// rt_new_str and rt_str_subclass_new: a STR of the subclass (layout strsub) with the
// instance-dict word after its data; the str routines read it as a str (those that insist
// on an exact str answer as for any other object).

import { type Assembler, byte, eax, ecx, edx, esi, type Label, mem, qword, r12, r13, rax, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { BIGINT, STR, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { OPND } from './int_common.js';

/**
 * For the index readers (rt_cont_index, rt_str_index_value): with rdi = an object that is
 * not an exact int and rax = its address, jump to `big` (read as a BIGINT, rax = address)
 * when it is an instance of a subclass of int, or return 0 (rax = 0, edx = 0) for such an
 * instance without digits; fall through otherwise. Keeps rdi and rsi; clobbers rax rcx rdx.
 */
/**
 * rax = address of the instance-dict word of the str-subclass instance at raw address `obj`
 * (the first 8-byte boundary after data + (length + 1) * kind); `obj` may be rax. Clobbers
 * rax, rcx.
 */
export function strSubDictAddr(a: Assembler<any>, obj: typeof rax): void {
  a.mov(rcx, qword(mem(obj, STR.length)));
  a.inc(rcx);
  a.push(rdx);
  a.movzx(edx, byte(mem(obj, STR.kind)));
  a.imul(rcx, rdx);
  a.pop(rdx);
  a.add(rcx, STR.data + 7);
  a.and(rcx, -8);
  a.add(rcx, obj);
  a.mov(rax, rcx);
}

/**
 * rax = address of the instance-dict word of the int-subclass instance at raw address `obj`
 * (after max(1, ceil(ndigits / 2)) limbs); `obj` may be rax. Clobbers rax, rcx.
 */
export function intSubDictAddr(a: Assembler<any>, obj: typeof rax): void {
  a.mov(rcx, qword(mem(obj, BIGINT.ndigits)));
  a.inc(rcx);
  a.shr(rcx, 1);
  a.cmp(rcx, 1);
  a.adc(rcx, 0); // no digits: still one limb
  a.lea(rax, sib(obj, rcx, 8, BIGINT.digits));
}

export function intSubclassIndex(a: Assembler<any>, big: Label): void {
  const notSub = a.newLabel();
  a.push(rdi);
  a.push(rsi);
  a.mov(rdi, qword(mem(rax)));
  a.lea(rsi, rip(sym('type_int')));
  a.call(sym('rt_is_subtype'));
  a.pop(rsi);
  a.pop(rdi);
  a.test(eax, eax);
  a.je(notSub);
  a.mov(rax, rdi);
  unboxPtr(a, rax);
  a.cmp(qword(mem(rax, BIGINT.ndigits)), 0);
  a.jne(big);
  a.xor(eax, eax);
  a.xor(edx, edx);
  a.ret();
  a.bind(notSub);
}

export const intSubModule: RuntimeModule = {
  name: 'intsub',
  routines: [
    {
      name: 'rt_str_exact_copy',
      contract: 'rdi=instance of a subclass of str -> rax=an exact str with the same text (str(x), unicode_str); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(rdi, qword(mem(r12, STR.length)));
        a.movzx(esi, byte(mem(r12, STR.kind)));
        a.call(sym('rt_str_alloc'));
        // Words from the hash to the terminator's 8-byte boundary (inside both cells).
        a.mov(r13, rax);
        strSubDictAddr(a, r12);
        a.sub(rax, r12);
        a.mov(ecx, STR.hash);
        const copy = a.newLabel();
        const copied = a.newLabel();
        a.bind(copy);
        a.cmp(rcx, rax);
        a.jae(copied);
        a.mov(rdx, qword(sib(r12, rcx, 1)));
        a.mov(qword(sib(r13, rcx, 1)), rdx);
        a.add(rcx, 8);
        a.jmp(copy);
        a.bind(copied);
        a.mov(rax, r13);
        boxPtr(a, rax, rcx);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_str_subclass_new',
      contract: 'rdi=a subclass of str (raw), rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=str(*args) as an instance of that class (the STR copied, then an empty instance-dict word), or EXC (str()\'s errors); may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.lea(rdi, rip(sym('type_str')));
        a.call(sym('rt_new_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax);
        unboxPtr(a, r13); // the exact str (raw)
        strSubDictAddr(a, r13);
        a.sub(rax, r13);
        a.lea(rdi, mem(rax, 8));
        a.mov(qword(mem(rsp)), rax); // the dict word's offset
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        {
          // Copy the body (length, hash, kind, ascii, data and terminator) word by word.
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.mov(ecx, 16);
          a.bind(copy);
          a.cmp(rcx, qword(mem(rsp)));
          a.jae(copied);
          a.mov(rdx, qword(sib(r13, rcx, 1)));
          a.mov(qword(sib(rax, rcx, 1)), rdx);
          a.add(rcx, 8);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rcx, qword(mem(rsp)));
        a.mov(rdx, UNBOUND);
        a.mov(qword(sib(rax, rcx, 1)), rdx);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_int_subclass_new',
      contract: 'rdi=a subclass of int (raw), rsi=args, rdx=nargs, rcx=kwnames|0 -> rax=int(*args) as an instance of that class (a BIGINT whose type is the class), or EXC (int()\'s errors); may allocate, may raise',
      emit(a: Assembler<any>) {
        // [rsp] OPND record of the exact value.
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        prologue(a, saved, OPND.size + 8);
        a.mov(r12, rdi);
        a.lea(rdi, rip(sym('type_int')));
        boxPtr(a, rdi, rax);
        a.call(sym('rt_new_int'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(r13, rax); // the exact int: keeps a big int's limbs alive while we copy them
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.call(sym('rt_int_unpack'));
        // BIGINT.digits + 8 bytes per 64-bit limb (two 32-bit digits), at least one limb so
        // that readers of the first limb see zero for zero.
        a.mov(rdi, qword(mem(rsp, OPND.n)));
        a.mov(ecx, 1);
        a.test(rdi, rdi);
        a.cmove(rdi, rcx);
        a.shl(rdi, 3);
        a.add(rdi, BIGINT.digits + 8); // + the instance-dict word
        a.mov(rsi, r12);
        a.call(sym('rt_alloc'));
        // The dict word after the limbs starts empty (UNBOUND, created on first use).
        a.mov(rcx, qword(mem(rsp, OPND.n)));
        a.mov(edx, 1);
        a.test(rcx, rcx);
        a.cmove(rcx, rdx);
        a.mov(rdx, UNBOUND);
        a.mov(qword(sib(rax, rcx, 8, BIGINT.digits)), rdx);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.mov(rsi, qword(mem(rsp, OPND.p)));
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, qword(mem(rsp, OPND.n)));
          a.jae(copied);
          a.mov(rdx, qword(sib(rsi, rcx, 8)));
          a.mov(qword(sib(rax, rcx, 8, BIGINT.digits)), rdx);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        // ndigits: two per limb, one less when the top limb's high half is zero.
        {
          const even = a.newLabel();
          a.mov(rcx, qword(mem(rsp, OPND.n)));
          a.lea(rdx, sib(rcx, rcx, 1));
          a.test(rcx, rcx);
          a.je(even);
          a.mov(rsi, qword(sib(rax, rcx, 8, BIGINT.digits - 8)));
          a.shr(rsi, 32);
          a.jne(even);
          a.dec(rdx);
          a.bind(even);
          a.mov(qword(mem(rax, BIGINT.ndigits)), rdx);
        }
        a.mov(rcx, qword(mem(rsp, OPND.sign)));
        a.mov(qword(mem(rax, BIGINT.sign)), rcx);
        boxPtr(a, rax, rcx);
        a.bind(out);
        epilogue(a, saved, OPND.size + 8);
      },
    },
  ],
  data: [],
};
