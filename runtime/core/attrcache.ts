// Runtime core: inline caches for attribute access of compiled code (CPython 3.11's
// LOAD_ATTR_INSTANCE_VALUE / STORE_ATTR_INSTANCE_VALUE / LOAD_METHOD_WITH_VALUES, PEP 659).
//
// Each LOAD_ATTR, STORE_ATTR and LOAD_METHOD instruction owns IC_WORDS words of writable
// memory (the stitcher's 'cache' hole, templates/attrs.ts) and passes their address here:
//
//   +0                  the type-cache epoch (rt_type_cache_epoch) the entries were made in
//   +8 + 16k, k < 4     entry k: the type (raw address, 0 = empty) and its payload
//
// Payload: for loads and stores, the index in the instance dict's entry array where the
// name sat when the entry was made; for LOAD_METHOD, the function found on the type.
//
// An entry records a decision about the type alone: the type's MRO holds no data
// descriptor for the name and the type has no getattr / setattr slot of its own (loads and
// stores go to the instance dict), or the type's MRO holds that function (LOAD_METHOD).
// That decision depends only on the dicts of the classes in the MRO and on the slots of the
// descriptors' types, so it stays true until a class dict changes; rt_setattr_type moves
// rt_type_cache_epoch on then, and so does every collection (a freed type's address may be
// reused, and the payload of a LOAD_METHOD entry is not a root). An entry of another epoch
// is never used.
//
// Everything about the instance itself is checked on every use: its type (the header word,
// so __class__ changes are seen), its dict word, and that entry `index` of that dict still
// holds the name (keys are unique, deleted entries have key UNBOUND), so the dict may be
// replaced, grown, rebuilt or emptied freely. LOAD_METHOD probes the instance dict for the
// name (an instance attribute shadows the method). A miss runs the generic routine
// (rt_getattr, rt_setattr, rt_load_method) and then fills an entry when the decision holds.
// Names are compared by identity: a str equal to the name but another object misses, and
// the generic path answers.

import { type Assembler, dword, eax, ecx, mem, qword, r10, r11, r12, r13, r14, r15, r8, r9, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, type Gpr, type Label } from '../../src/asm/index.js';
import { ATTR_IC, CODE, DICT, DICTKEYS, FUNCTION, HDR_AUX, INSTANCE, LAYOUTS, STR, TAG_OBJ, TYPE, typeSlot, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

type R64 = Gpr<64>;

/** Entries per instruction: enough for the few classes a polymorphic method body sees. */
const IC_ENTRIES = ATTR_IC.count;
if (ATTR_IC.words !== 1 + 2 * IC_ENTRIES || ATTR_IC.entrySize !== 16 || ATTR_IC.entries !== 8) throw new Error('attrcache: ATTR_IC layout');

/** Jump to `no` unless `v` holds an object; `tmp` is clobbered. */
function ifNotObj(a: Assembler<any>, v: R64, tmp: R64, no: Label): void {
  a.mov(tmp, v);
  a.shr(tmp, 48);
  a.cmp(tmp, TAG_OBJ);
  a.jne(no);
}

/**
 * The entry of `type` in the cache at `cache`: jumps to `hit` with `payload` = the entry's
 * payload, falls through on a miss (another epoch, or no entry of that type). Clobbers
 * `tmp`.
 */
function findEntry(a: Assembler<any>, cache: R64, type: R64, payload: R64, tmp: R64, hit: Label): void {
  const miss = a.newLabel();
  a.mov(tmp, g('rt_type_cache_epoch'));
  a.cmp(tmp, qword(mem(cache)));
  a.jne(miss);
  for (let k = 0; k < IC_ENTRIES; k++) {
    const next = a.newLabel();
    a.cmp(type, qword(mem(cache, 8 + 16 * k)));
    a.jne(next);
    a.mov(payload, qword(mem(cache, 16 + 16 * k)));
    a.jmp(hit);
    a.bind(next);
  }
  a.bind(miss);
}

/**
 * Store (type, payload) in the cache: the entries of an older epoch are dropped first; the
 * type's own entry, else the first empty one, else the last is overwritten. `epoch` holds
 * the epoch the decision was made in: nothing is stored if it moved on meanwhile.
 * Clobbers rax (so none of the operands may be rax).
 */
function fillEntry(a: Assembler<any>, cache: R64, type: R64, payload: R64, epoch: R64): void {
  if ([cache, type, payload, epoch].includes(rax)) throw new Error('fillEntry: rax is its scratch register');
  const done = a.newLabel();
  const same = a.newLabel();
  const put = a.newLabel();
  a.cmp(epoch, g('rt_type_cache_epoch'));
  a.jne(done);
  a.cmp(epoch, qword(mem(cache)));
  a.je(same);
  a.mov(qword(mem(cache)), epoch);
  for (let k = 0; k < IC_ENTRIES; k++) a.mov(qword(mem(cache, 8 + 16 * k)), 0);
  a.bind(same);
  for (let k = 0; k < IC_ENTRIES; k++) {
    a.lea(rax, mem(cache, 8 + 16 * k));
    a.cmp(qword(mem(rax)), type);
    a.je(put);
    a.cmp(qword(mem(rax)), 0);
    a.je(put);
  }
  a.bind(put);
  a.mov(qword(mem(rax)), type);
  a.mov(qword(mem(rax, 8)), payload);
  a.bind(done);
}

/**
 * rax = 1 when the MRO of `type` (raw) gives nothing for `name` that takes precedence over
 * an instance dict: the name is absent, or what is found is not a data descriptor; else 0
 * (also when the lookup raised: the exception is cleared by the caller's retry path, so
 * it is simply not cached). May allocate (rt_type_lookup). Callee-saved registers kept.
 */
function typeLetsDictWin(a: Assembler<any>, type: R64, name: R64): void {
  const yes = a.newLabel();
  const no = a.newLabel();
  const done = a.newLabel();
  a.mov(rdi, type);
  a.mov(rsi, name);
  a.call(sym('rt_type_lookup'));
  a.cmp(rax, g('rt_const_unbound'));
  a.je(yes);
  a.cmp(rax, g('rt_const_exc'));
  a.je(no);
  a.mov(rcx, rax);
  a.shr(rcx, 48);
  a.cmp(ecx, TAG_OBJ);
  a.jne(yes);
  a.mov(rdi, rax);
  a.call(sym('rt_type_of'));
  a.cmp(qword(mem(rax, typeSlot('descrset'))), 0);
  a.jne(no);
  a.bind(yes);
  a.mov(eax, 1);
  a.jmp(done);
  a.bind(no);
  a.xor(eax, eax);
  a.bind(done);
}

/**
 * The tail of a cache miss (rt_getattr_ic_miss, rt_setattr_ic_miss), after the generic
 * routine ran: r12 = object, r13 = name, r14 = cache, rbx free, [rsp] a free word. When the
 * object is a plain instance in values mode (instvalues.ts) whose type has no `slot`
 * override and lets the instance win for the name, and the name is in the class's shared
 * keys within the object's room, fill an entry (type, byte offset of the value, epoch read
 * before the lookups). Jumps to `out` or falls through, with rax clobbered.
 */
function fillFromInlineValues(a: Assembler<any>, slot: 'getattr' | 'setattr', out: Label): void {
  ifNotObj(a, r12, rax, out);
  a.mov(rbx, r12);
  unboxPtr(a, rbx);
  a.mov(rax, qword(mem(rbx, INSTANCE.dict)));
  a.cmp(rax, g('rt_const_unbound'));
  a.jne(out);
  a.mov(rbx, qword(mem(rbx)));
  a.cmp(qword(mem(rbx, TYPE.layout)), LAYOUTS.instance.id);
  a.jne(out);
  a.cmp(qword(mem(rbx, typeSlot(slot))), 0);
  a.jne(out);
  a.mov(rax, g('rt_type_cache_epoch'));
  a.mov(qword(mem(rsp)), rax);
  typeLetsDictWin(a, rbx, r13);
  const drop = a.newLabel();
  a.test(eax, eax);
  a.je(drop);
  a.mov(rdi, rbx);
  a.mov(rsi, r13);
  a.call(sym('rt_inst_values_index'));
  a.test(rax, rax);
  a.js(drop);
  a.mov(r8, qword(mem(rbx, TYPE.instanceSize)));
  a.lea(r8, sib(r8, rax, 8));
  a.mov(rdx, qword(mem(rsp))); // the epoch
  fillEntry(a, r14, rbx, r8, rdx);
  a.bind(drop);
}


export const attrCacheModule: RuntimeModule = {
  name: 'attrcache',
  routines: [
    {
      name: 'rt_dict_find_str_ix',
      contract: 'rdi=dict (raw address), rsi=str value -> rax=index of the entry whose key IS that str, -1 if the str is absent, -2 if undecided (another key with the same hash, or no cached hash); clobbers rax rcx rdx r8-r11 only; never allocates',
      emit(a: Assembler<any>) {
        // CPython's probe sequence (dictobject.c): slot = hash & mask, then
        // slot = slot * 5 + 1 + (perturb >>= 5).
        const loop = a.newLabel();
        const advance = a.newLabel();
        const absent = a.newLabel();
        const undecided = a.newLabel();
        const notEntry = a.newLabel();
        a.mov(r8, rsi);
        unboxPtr(a, r8);
        a.mov(r8, qword(mem(r8, STR.hash)));
        a.cmp(r8, -1);
        a.je(undecided);
        a.mov(r9, qword(mem(rdi, DICT.keys)));
        a.test(r9, r9);
        a.je(absent);
        unboxPtr(a, r9);
        a.mov(r10, qword(mem(r9, DICTKEYS.mask)));
        a.lea(r11, sib(r9, r10, 4, DICTKEYS.indices + 4)); // the hashes
        a.mov(rcx, r8);
        a.and(rcx, r10); // slot
        a.mov(rdx, r8); // perturb
        a.bind(loop);
        a.movsxd(rax, dword(sib(r9, rcx, 4, DICTKEYS.indices)));
        a.test(rax, rax);
        a.js(notEntry);
        a.cmp(qword(sib(r11, rax, 8)), r8);
        a.jne(advance);
        // Same hash: the very key object, or undecided (an equal str would need comparing).
        a.push(rcx);
        a.mov(rcx, qword(mem(rdi, DICT.entries)));
        unboxPtr(a, rcx);
        a.push(rax);
        a.shl(rax, 4);
        a.cmp(qword(sib(rcx, rax, 1, VALUES.items)), rsi);
        a.pop(rax);
        a.pop(rcx);
        a.jne(undecided);
        a.ret();
        a.bind(notEntry);
        a.cmp(rax, -1);
        a.je(absent);
        a.bind(advance);
        a.shr(rdx, 5);
        a.lea(rcx, sib(rcx, rcx, 4, 1));
        a.add(rcx, rdx);
        a.and(rcx, r10);
        a.jmp(loop);
        a.bind(absent);
        a.mov(rax, -1);
        a.ret();
        a.bind(undecided);
        a.mov(rax, -2);
        a.ret();
      },
    },
    {
      name: 'rt_getattr_ic',
      contract: "rdi=object, rsi=name str, rdx=the instruction's inline cache -> rax=attribute or EXC (as rt_getattr); a hit reads the instance dict entry directly; may allocate, may raise",
      emit(a: Assembler<any>) {
        const slow = a.newLabel();
        const hit = a.newLabel();
        ifNotObj(a, rdi, rax, slow);
        a.mov(r8, rdi);
        unboxPtr(a, r8);
        a.mov(r9, qword(mem(r8)));
        findEntry(a, rdx, r9, rcx, rax, hit);
        a.jmp(slow);
        a.bind(hit);
        // rcx = the byte offset of the inline value: within the object's room, and set.
        a.mov(eax, dword(mem(r8, HDR_AUX)));
        a.cmp(rcx, rax);
        a.jae(slow);
        a.mov(rax, qword(sib(r8, rcx, 1)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(slow);
        a.ret();
        a.bind(slow);
        a.jmp(sym('rt_getattr_ic_miss'));
      },
    },
    {
      name: 'rt_getattr_ic_miss',
      contract: 'rt_getattr_ic after a miss: rt_getattr, then an entry for the object\'s type when the value came from its instance dict and the type lets the dict win; may allocate, may raise',
      emit(a: Assembler<any>) {
        // r12 obj, r13 name, r14 cache, r15 result, rbx type (raw)
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.call(sym('rt_getattr'));
        a.mov(r15, rax);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        fillFromInlineValues(a, 'getattr', out);
        a.bind(out);
        a.mov(rax, r15);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_setattr_ic',
      contract: "rdi=object, rsi=name str, rdx=value, rcx=the instruction's inline cache -> rax=0 or EXC (as rt_setattr); a hit replaces the instance dict entry's value directly; may allocate, may raise",
      emit(a: Assembler<any>) {
        const slow = a.newLabel();
        const hit = a.newLabel();
        ifNotObj(a, rdi, rax, slow);
        a.mov(r8, rdi);
        unboxPtr(a, r8);
        a.mov(r9, qword(mem(r8)));
        findEntry(a, rcx, r9, r10, rax, hit);
        a.jmp(slow);
        a.bind(hit);
        // r10 = the byte offset of the inline value, within the object's room.
        a.mov(eax, dword(mem(r8, HDR_AUX)));
        a.cmp(r10, rax);
        a.jae(slow);
        a.mov(r11, g('rt_const_unbound'));
        const put = a.newLabel();
        a.cmp(qword(sib(r8, r10, 1)), r11);
        a.jne(put);
        // Unset (an instance being built, as in __init__): a new value goes in when the
        // object is in values mode and no later value is set (insertion order, instvalues.ts).
        a.cmp(qword(mem(r8, INSTANCE.dict)), r11);
        a.jne(slow);
        {
          const scan = a.newLabel();
          a.lea(r9, mem(r10, 8));
          a.bind(scan);
          a.cmp(r9, rax);
          a.jae(put);
          a.cmp(qword(sib(r8, r9, 1)), r11);
          a.jne(slow);
          a.add(r9, 8);
          a.jmp(scan);
        }
        a.bind(put);
        a.mov(qword(sib(r8, r10, 1)), rdx);
        a.xor(eax, eax);
        a.ret();
        a.bind(slow);
        a.jmp(sym('rt_setattr_ic_miss'));
      },
    },
    {
      name: 'rt_setattr_ic_miss',
      contract: 'rt_setattr_ic after a miss: rt_setattr, then an entry for the object\'s type when the value went to its instance dict and the type lets the dict win; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rcx);
        a.call(sym('rt_setattr'));
        a.mov(r15, rax);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        fillFromInlineValues(a, 'setattr', out);
        a.bind(out);
        a.mov(rax, r15);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_load_method_ic',
      contract: "rdi=object, rsi=name str, rdx=destination (2 words), rcx=the instruction's inline cache -> rax=0 with (function, object) or (attribute, UNBOUND) stored, or EXC (as rt_load_method); a hit stores the cached function after checking the instance dict does not shadow it; may allocate, may raise",
      emit(a: Assembler<any>) {
        const slow = a.newLabel();
        const hit = a.newLabel();
        const pair = a.newLabel();
        ifNotObj(a, rdi, rax, slow);
        a.mov(r8, rdi);
        unboxPtr(a, r8);
        a.mov(r9, qword(mem(r8)));
        findEntry(a, rcx, r9, r10, rax, hit);
        a.jmp(slow);
        a.bind(hit);
        // r10 = the function; an instance with a dict must not have the name itself: the
        // probe (as rt_dict_find_str_ix) ends at an empty slot; an entry with the name's
        // hash (the name itself, or an equal str) is left to the generic path.
        const loop = a.newLabel();
        const advance = a.newLabel();
        const notEntry = a.newLabel();
        const shadow = a.newLabel();
        a.cmp(qword(mem(r9, TYPE.layout)), LAYOUTS.instance.id);
        a.jne(pair);
        // Values mode: the entry was made with the name outside the class's shared keys,
        // and a name added to them moves the epoch on (instvalues.ts): nothing shadows.
        a.mov(r11, qword(mem(r8, INSTANCE.dict)));
        a.cmp(r11, g('rt_const_unbound'));
        a.je(pair);
        unboxPtr(a, r11);
        a.mov(r9, qword(mem(r11, DICT.keys)));
        a.test(r9, r9);
        a.je(pair);
        unboxPtr(a, r9);
        a.mov(r8, rsi);
        unboxPtr(a, r8);
        a.mov(r8, qword(mem(r8, STR.hash)));
        a.cmp(r8, -1);
        a.je(slow);
        a.push(rcx);
        a.push(rdx);
        a.push(rbx);
        a.mov(rcx, qword(mem(r9, DICTKEYS.mask)));
        a.lea(rbx, sib(r9, rcx, 4, DICTKEYS.indices + 4)); // the hashes
        a.mov(rax, r8);
        a.and(rax, rcx);
        a.mov(rdx, r8);
        a.bind(loop);
        a.movsxd(r11, dword(sib(r9, rax, 4, DICTKEYS.indices)));
        a.test(r11, r11);
        a.js(notEntry);
        a.cmp(qword(sib(rbx, r11, 8)), r8);
        a.je(shadow);
        a.bind(advance);
        a.shr(rdx, 5);
        a.lea(rax, sib(rax, rax, 4, 1));
        a.add(rax, rdx);
        a.and(rax, rcx);
        a.jmp(loop);
        a.bind(notEntry);
        a.cmp(r11, -1);
        a.jne(advance);
        a.pop(rbx);
        a.pop(rdx);
        a.pop(rcx);
        a.jmp(pair);
        a.bind(shadow);
        a.pop(rbx);
        a.pop(rdx);
        a.pop(rcx);
        a.jmp(slow);
        a.bind(pair);
        a.mov(qword(mem(rdx)), r10);
        a.mov(qword(mem(rdx, 8)), rdi);
        a.xor(eax, eax);
        a.ret();
        a.bind(slow);
        a.jmp(sym('rt_load_method_ic_miss'));
      },
    },
    {
      name: 'rt_load_method_ic_miss',
      contract: 'rt_load_method_ic after a miss: rt_load_method, then an entry for the object\'s type when it paired a function found on the type with the object; may allocate, may raise',
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rdx);
        a.mov(r14, rcx);
        a.mov(qword(mem(rsp)), rsi);
        a.mov(rbx, g('rt_type_cache_epoch'));
        a.call(sym('rt_load_method'));
        a.mov(r15, rax);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // rt_load_method pairs only a function or an unbound builtin method that the type's
        // MRO gives (no getattr slot, not shadowed by the instance dict): that is the entry.
        a.mov(rax, qword(mem(r13, 8)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(out);
        ifNotObj(a, r12, rax, out);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.mov(rdi, qword(mem(rdi)));
        // Instances keeping their dict elsewhere (exceptions) are left to the generic path.
        a.mov(rax, qword(mem(rdi, TYPE.layout)));
        a.cmp(rax, LAYOUTS.exception.id);
        a.je(out);
        // Instances keeping the name among their class's shared keys may shadow the method
        // with an inline value: not cached (instvalues.ts).
        {
          const fill = a.newLabel();
          a.cmp(rax, LAYOUTS.instance.id);
          a.jne(fill);
          a.mov(r12, rdi); // the object is not needed any more: its type
          a.mov(rsi, qword(mem(rsp)));
          a.call(sym('rt_inst_values_index'));
          a.mov(rdi, r12);
          a.test(rax, rax);
          a.jns(out);
          a.bind(fill);
        }
        a.mov(rsi, qword(mem(r13)));
        fillEntry(a, r14, rdi, rsi, rbx);
        a.bind(out);
        a.mov(rax, r15);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_call_class_exact',
      contract: "rdi=callable, rsi=args, rdx=nargs (no keywords) -> rax=result or EXC; a class made by `class` (metatype type, object.__new__, a Python __init__ taking exactly self + nargs positional parameters) gets its instance from rt_new_object and that __init__ entered directly with [instance, args...] at the value-stack top; anything else is rt_call; may allocate, may raise",
      emit(a: Assembler<any>) {
        // type_call (typeobject.c) for the common case, without the generic call chain
        // (rt_call_type, rt_pyslot_init, rt_call_dunder_vector, rt_call_function).
        const generic = a.newLabel();
        const restoreGeneric = a.newLabel();
        const out = a.newLabel();
        const overflow = a.newLabel();
        ifNotObj(a, rdi, rax, generic);
        a.mov(r8, rdi);
        unboxPtr(a, r8);
        a.lea(rax, rip(sym('type_type')));
        a.cmp(qword(mem(r8)), rax);
        a.jne(generic);
        a.lea(rax, rip(sym('rt_new_object')));
        a.cmp(qword(mem(r8, typeSlot('new'))), rax);
        a.jne(generic);
        a.lea(rax, rip(sym('rt_pyslot_init')));
        a.cmp(qword(mem(r8, typeSlot('init'))), rax);
        a.jne(generic);
        const saved = [rbx, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(r12, r8); // the class (raw)
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(qword(mem(rsp)), rdi);
        a.mov(rdi, r12);
        a.mov(rsi, qword(rip(sym('dconst___init__'))));
        a.call(sym('rt_type_lookup'));
        // A plain function taking exactly self + nargs.
        ifNotObj(a, rax, rcx, restoreGeneric);
        a.mov(r15, rax);
        unboxPtr(a, rax);
        a.lea(rcx, rip(sym('type_function')));
        a.cmp(qword(mem(rax)), rcx);
        a.jne(restoreGeneric);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.mov(rcx, qword(mem(rax, CODE.exactArgs)));
        a.dec(rcx);
        a.cmp(rcx, r14);
        a.jne(restoreGeneric);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.xor(ecx, ecx);
        a.call(sym('rt_new_object'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rbx, rax); // the instance (a callee-saved register: a root)
        // The frame of __init__: [instance, args...] above the value-stack top.
        a.mov(r12, g('rt_vs_top'));
        a.lea(rcx, sib(r12, r14, 8, 8));
        a.cmp(rcx, g('rt_vs_limit'));
        a.ja(overflow);
        a.mov(qword(mem(r12)), rbx);
        {
          const copy = a.newLabel();
          const copied = a.newLabel();
          a.xor(ecx, ecx);
          a.bind(copy);
          a.cmp(rcx, r14);
          a.jae(copied);
          a.mov(rdx, qword(sib(r13, rcx, 8)));
          a.mov(qword(sib(r12, rcx, 8, 8)), rdx);
          a.inc(rcx);
          a.jmp(copy);
          a.bind(copied);
        }
        a.mov(rdi, r12);
        a.mov(rsi, r15);
        a.mov(rax, r15);
        unboxPtr(a, rax);
        a.mov(rax, qword(mem(rax, FUNCTION.code)));
        a.call(qword(mem(rax, CODE.entry)));
        a.mov(g('rt_vs_top'), r12);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_None'));
        const bad = a.newLabel();
        a.jne(bad);
        a.mov(rax, rbx);
        a.jmp(out);
        a.bind(bad);
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_pyslot_init')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(overflow);
        a.call(sym('rt_raise_recursion'));
        a.bind(out);
        epilogue(a, saved, 8);
        // Not the common case (found before anything happened): the generic call.
        a.bind(restoreGeneric);
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.add(rsp, 8);
        for (let i = saved.length - 1; i >= 0; i--) a.pop(saved[i]);
        a.bind(generic);
        a.xor(ecx, ecx);
        a.jmp(sym('rt_call'));
      },
    },
  ],
  data: [],
};

void [r11, ecx];
