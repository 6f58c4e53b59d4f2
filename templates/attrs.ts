// Attribute templates: LOAD_ATTR, STORE_ATTR and LOAD_METHOD with an inline cache each
// (ATTR_IC words, the 'cache' hole). Loads and stores check the cache's entries inline;
// the runtime routines check every entry and fall back to the generic lookup themselves
// (runtime/core/attrcache.ts), so every specialization the profile names for these
// families (LOAD_ATTR_INSTANCE, LOAD_METHOD_PY, ...) compiles as this one generic,
// self-specializing form.
//
// CALL_METHOD calls a Python function that takes exactly self and the arguments straight
// at its native entry, its frame starting at the self slot (CPython's CALL_PY_EXACT_ARGS);
// anything else goes through rt_call_method_stack. CALL_TYPE (a class called, by the
// profile) goes through rt_call_class_exact, which enters a plain __init__ directly.

import { dword, eax, ecx, edx, esi, mem, qword, r8, rax, rcx, rdi, rdx, rip, rsi, sib, sym } from '../src/asm/index.js';
import { ATTR_IC, CODE, FUNCTION, HDR_AUX, INSTANCE, LAYOUTS, TAG_OBJ, TYPE } from '../src/native/layout.js';
import { cold, H, RT, S, SA, type TemplateDef, type TplAsm } from '../src/native/stencil.js';
import { callRt, excCheck } from './util.js';

/**
 * A LOAD_ATTR / STORE_ATTR cache hit, inline: object in rdi, an entry for its type, the
 * epoch current, the inline value at the cached offset within the object's room and set
 * (runtime/core/instvalues.ts); then rax = the value (load) or the value stored (store,
 * `value` given). Anything else jumps to `slow`. Clobbers rax, rcx, rdx, r8.
 */
function cachedEntry(a: TplAsm, slow: ReturnType<typeof cold>, value?: ReturnType<typeof S>): void {
  findTypeEntry(a, slow);
  // rcx = the byte offset of the inline value (runtime/core/instvalues.ts): within the
  // object's room (the header's aux word) and set.
  a.mov(eax, dword(mem(r8, HDR_AUX)));
  a.cmp(rcx, rax);
  a.jae(slow);
  if (value === undefined) {
    a.mov(rax, qword(sib(r8, rcx, 1)));
    a.cmp(rax, RT('rt_const_unbound'));
    a.je(slow);
  } else {
    a.mov(rax, RT('rt_const_unbound'));
    a.cmp(qword(sib(r8, rcx, 1)), rax);
    a.je(slow);
    a.mov(rdx, value);
    a.mov(qword(sib(r8, rcx, 1)), rdx);
  }
}

/**
 * The cache entry of the type of the object in rdi, inline: r8 = the object's raw address,
 * rax = its type, rcx = the entry's payload, the epoch current; else jumps to `slow`.
 */
function findTypeEntry(a: TplAsm, slow: ReturnType<typeof cold>): void {
  a.mov(rax, rdi);
  a.shr(rax, 48);
  a.cmp(eax, TAG_OBJ);
  a.jne(slow);
  a.mov(r8, rdi);
  a.shl(r8, 16);
  a.shr(r8, 16);
  a.mov(rax, qword(mem(r8)));
  // The entry of the object's type (a method body sees the few classes that inherit it).
  const found = a.newLabel();
  for (let k = 0; k < ATTR_IC.count; k++) {
    const word = (ATTR_IC.entries + k * ATTR_IC.entrySize) / 8;
    const next = a.newLabel();
    a.cmp(rax, H.cache(word));
    if (k + 1 < ATTR_IC.count) a.jne(next);
    else a.jne(slow);
    a.mov(rcx, H.cache(word + 1));
    if (k + 1 < ATTR_IC.count) {
      a.jmp(found);
      a.bind(next);
    }
  }
  a.bind(found);
  a.mov(rdx, RT('rt_type_cache_epoch'));
  a.cmp(rdx, H.cache(ATTR_IC.epoch / 8));
  a.jne(slow);
}

/** CALL_METHOD through the runtime: any callable, self or NULL. */
function genericCallMethod(a: TplAsm): void {
  a.lea(rdi, SA(-2, 1));
  a.mov(esi, H.arg());
  a.xor(edx, edx);
  callRt(a, 'rt_call_method_stack');
  excCheck(a);
  a.mov(S(-2, 1), rax);
  a.jmp(H.next());
}

export const attrTemplates: TemplateDef<any>[] = [
  {
    op: 'LOAD_ATTR',
    doc: "the cache inline (an entry for the type, epoch, instance dict entry), else rt_getattr_ic (every entry, then rt_getattr)",
    cacheWords: ATTR_IC.words,
    out: () => ({ rax: -1 }),
    emit(a: TplAsm) {
      const slow = cold((c) => {
        c.mov(rdi, S(-1));
        c.mov(rsi, H.name());
        c.lea(rdx, H.cacheAddr());
        callRt(c, 'rt_getattr_ic');
        excCheck(c);
        c.mov(S(-1), rax);
        c.jmp(H.next());
      });
      a.mov(rdi, S(-1));
      cachedEntry(a, slow);
      a.mov(S(-1), rax);
    },
  },
  {
    op: 'STORE_ATTR',
    doc: "the cache inline (an entry for the type, epoch, instance dict entry), else rt_setattr_ic (every entry, appending in __init__, then rt_setattr)",
    cacheWords: ATTR_IC.words,
    emit(a: TplAsm) {
      const slow = cold((c) => {
        c.mov(rdi, S(-1));
        c.mov(rsi, H.name());
        c.mov(rdx, S(-2));
        c.lea(rcx, H.cacheAddr());
        callRt(c, 'rt_setattr_ic');
        excCheck(c);
        c.jmp(H.next());
      });
      a.mov(rdi, S(-1));
      cachedEntry(a, slow, S(-2));
    },
  },
  {
    op: 'LOAD_METHOD',
    doc: 'the cache inline for instances in values mode (an entry for the type: the function found on it), else rt_load_method_ic writes (method, self) or (attribute, NULL) into the two slots',
    cacheWords: ATTR_IC.words,
    emit(a: TplAsm) {
      const slow = cold((c) => {
        c.mov(rdi, S(-1));
        c.mov(rsi, H.name());
        c.lea(rdx, SA(-1));
        c.lea(rcx, H.cacheAddr());
        callRt(c, 'rt_load_method_ic');
        excCheck(c);
        c.jmp(H.next());
      });
      // Inline hit: an instance in values mode (dict word UNBOUND) whose type has an entry
      // (the entry was made with the name outside the class's shared keys: nothing shadows
      // the function, runtime/core/attrcache.ts). Dict-mode instances and other layouts are
      // the runtime's.
      a.mov(rdi, S(-1));
      findTypeEntry(a, slow);
      a.cmp(qword(mem(rax, TYPE.layout)), LAYOUTS.instance.id);
      a.jne(slow);
      a.mov(rax, RT('rt_const_unbound'));
      a.cmp(qword(mem(r8, INSTANCE.dict)), rax);
      a.jne(slow);
      a.lea(rdx, SA(-1));
      a.mov(qword(mem(rdx)), rcx);
      a.mov(qword(mem(rdx, 8)), rdi);
    },
  },
  {
    op: 'CALL_TYPE',
    doc: 'the profile saw a class called here: rt_call_class_exact (object.__new__ and a Python __init__ entered directly), else rt_call',
    // super(), globals() and eval() calls are the generic CALL's (their facts).
    variant: (ins) => {
      if (ins.facts.super0 === true || ins.facts.globals0 === true || (ins.facts.evalCall ?? '') !== '') throw new Error('CALL_TYPE: a call the generic CALL template handles');
      return {};
    },
    out: () => ({ rax: -1 }),
    emit(a: TplAsm) {
      a.mov(rdi, S(-1, 1));
      a.lea(rsi, SA(0, 1));
      a.mov(edx, H.arg());
      callRt(a, 'rt_call_class_exact');
      excCheck(a);
      a.mov(S(-1, 1), rax);
    },
  },
  {
    op: 'CALL_METHOD',
    doc: 'stack: method, self or NULL, n arguments; a function taking exactly self + n positional parameters is entered directly (not from generators: the callee frame would cover their generator slot)',
    variant: (ins) => ({ gen: ins.facts.generator === true }),
    out: () => ({ rax: -1 }),
    emit(a: TplAsm, p: { gen: boolean }) {
      const slow = cold(genericCallMethod);
      if (p.gen) {
        // The callee's frame starts at the self slot and runs past this frame's operand
        // stack, over the slot after it that holds the generator (stitch.ts genSlot).
        a.jmp(slow);
        return;
      }
      a.mov(rcx, S(-1, 1));
      a.cmp(rcx, RT('rt_const_unbound'));
      a.je(slow);
      a.mov(rax, S(-2, 1));
      a.mov(rcx, rax);
      a.shr(rcx, 48);
      a.cmp(ecx, TAG_OBJ);
      a.jne(slow);
      a.mov(rdx, rax);
      a.shl(rdx, 16);
      a.shr(rdx, 16);
      a.lea(rcx, rip(sym('type_function')));
      a.cmp(qword(mem(rdx)), rcx);
      a.jne(slow);
      a.mov(rcx, qword(mem(rdx, FUNCTION.code)));
      // exactArgs is -1 unless the parameters are exactly positional: self + arg of them.
      a.mov(r8, qword(mem(rcx, CODE.exactArgs)));
      a.dec(r8);
      a.cmp(r8, H.arg());
      a.jne(slow);
      a.lea(rdi, SA(-1, 1));
      a.mov(rsi, rax);
      a.call(qword(mem(rcx, CODE.entry)));
      excCheck(a);
      a.mov(S(-2, 1), rax);
    },
  },
];
