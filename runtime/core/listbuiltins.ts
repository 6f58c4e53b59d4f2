// Container runtime: the builtins that work on containers: sorted(), min(), max(), sum()
// (functions with the vector ABI, in the `builtins` table) and reversed (a type, as in
// CPython: reversed(x) returns the container's own reverse iterator for lists, ranges,
// dicts and dict views, and otherwise a `reversed` object walking a sequence by index).
//
// Messages and the order of operations follow Python/bltinmodule.c of CPython 3.11:
// min/max compare the new value with the best so far using `<` / `>` (so the first of equal
// items wins) and refuse a default with several positional arguments; sum() adds left to
// right from `start`, refusing str, bytes and bytearray starts, with small-int and float
// accumulation as fast paths of the same additions (the rest through rt_binary_op).

import { type Assembler, type Label, eax, ebp, ecx, edx, mem, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym, xmm0, xmm1 } from '../../src/asm/index.js';
import { SEQITER, TAG_INT, TAG_MIN, TUPLE, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { emitStr, emitWord } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { argSpec, argSpecDatum, callChecked, checkArgs, ifLayout, ifNotExact, ifNotLayout, raise } from './listshared.js';

const SPEC_SORTED = argSpec('sorted', 'VAR', 1, 1);
const SPEC_REVERSED = argSpec('reversed', 'VAR', 1, 1);
const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

/**
 * Split a vector-ABI call: r12 = args, r13 = positional count, r14 = raw kwnames tuple or 0.
 * Clobbers rax.
 */
function splitArgs(a: Assembler<any>): void {
  const noKw = a.newLabel();
  a.mov(r12, rdi);
  a.mov(r13, rsi);
  a.xor(r14, r14);
  a.test(rdx, rdx);
  a.je(noKw);
  a.mov(r14, rdx);
  unboxPtr(a, r14);
  a.sub(r13, qword(mem(r14, TUPLE.length)));
  a.bind(noKw);
}

/**
 * For each keyword argument (r14 = kwnames, values after the r13 positional ones): compare its
 * name with the static strs `str_kw_<name>`; a match stores the value at [rsp + slot] (via
 * `store`); an unknown name raises "'x' is an invalid keyword argument for <fn>()". rbp is
 * the index. Jumps to `out` on error.
 */
function parseKeywords(a: Assembler<any>, fn: string, names: readonly [string, (v: typeof rax) => void][], out: Label): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.test(r14, r14);
  a.je(done);
  a.xor(ebp, ebp);
  a.bind(loop);
  a.cmp(rbp, qword(mem(r14, TUPLE.length)));
  a.jae(done);
  const next = a.newLabel();
  for (const [name, store] of names) {
    const other = a.newLabel();
    a.mov(rdi, qword(sib(r14, rbp, 8, TUPLE.items)));
    unboxPtr(a, rdi);
    a.lea(rsi, rip(sym(`str_kw_${name}`)));
    a.call(sym('rt_cont_streq'));
    a.test(eax, eax);
    a.je(other);
    a.lea(rax, sib(r13, rbp, 1));
    a.mov(rax, qword(sib(r12, rax, 8)));
    store(rax);
    a.jmp(next);
    a.bind(other);
  }
  a.mov(rdx, qword(sib(r14, rbp, 8, TUPLE.items)));
  a.lea(rcx, rip(sym(`str_builtin_${fn}`)));
  raise(a, 'TypeError', 'msg_builtin_bad_keyword', [rdx, rcx], out);
  a.bind(next);
  a.inc(rbp);
  a.jmp(loop);
  a.bind(done);
}

/** min() and max(): CPython's min_max with op = '<' (min) or '>' (max). */
function minMax(name: 'min' | 'max'): RuntimeRoutine {
  const op = name === 'min' ? 0 : 4;
  return {
    name: `rt_builtin_${name}`,
    contract: `${name}(iterable, *[, default, key]) / ${name}(a, b, *args[, key]) (vector ABI) -> the ${name === 'min' ? 'smallest' : 'largest'} item (the first of equal ones), or EXC; may allocate, may raise`,
    emit(a: Assembler<any>) {
      // Locals: key, default, best item, best value, iterator, the item (argument memory).
      const L = { key: 0, dflt: 8, item: 16, val: 24, it: 32, arg: 40, size: 48 } as const;
      const at = (k: keyof typeof L) => qword(mem(rsp, L[k]));
      const out = a.newLabel();
      const fail = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      prologue(a, SAVED, L.size);
      splitArgs(a);
      const someArgs = a.newLabel();
      a.test(r13, r13);
      a.jne(someArgs);
      a.lea(rdx, rip(sym(`str_builtin_${name}`)));
      raise(a, 'TypeError', 'msg_minmax_no_args', [rdx], out);
      a.bind(someArgs);
      a.mov(at('key'), 0);
      // UNBOUND marks an absent default and no item yet (0 is the float 0.0).
      a.mov(rcx, UNBOUND);
      a.mov(at('dflt'), rcx);
      parseKeywords(a, name, [['key', (v) => a.mov(at('key'), v)], ['default', (v) => a.mov(at('dflt'), v)]], out);
      {
        // key=None means no key.
        const keep = a.newLabel();
        a.mov(rax, at('key'));
        a.cmp(rax, g('rt_const_None'));
        a.jne(keep);
        a.mov(at('key'), 0);
        a.bind(keep);
      }
      {
        // One positional argument: iterate it; several: iterate them (and no default).
        const one = a.newLabel();
        const haveIter = a.newLabel();
        const noDefault = a.newLabel();
        a.cmp(r13, 1);
        a.je(one);
        a.mov(rcx, UNBOUND);
        a.cmp(at('dflt'), rcx);
        a.je(noDefault);
        a.lea(rdx, rip(sym(`str_builtin_${name}`)));
        raise(a, 'TypeError', 'msg_minmax_default', [rdx], out);
        a.bind(noDefault);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_tuple_from_values'));
        a.mov(rdi, rax);
        a.jmp(haveIter);
        a.bind(one);
        a.mov(rdi, qword(mem(r12)));
        a.bind(haveIter);
        callChecked(a, 'rt_cont_iter', fail);
        a.mov(at('it'), rax);
      }
      a.mov(rcx, UNBOUND);
      a.mov(at('item'), rcx);
      a.bind(loop);
      a.mov(rdi, at('it'));
      callChecked(a, 'rt_cont_next', fail);
      a.cmp(rax, g('rt_const_unbound'));
      a.je(done);
      a.mov(rbx, rax); // the item
      a.mov(r15, rax); // its value
      {
        const noKey = a.newLabel();
        a.cmp(at('key'), 0);
        a.je(noKey);
        a.mov(at('arg'), rbx);
        a.mov(rdi, at('key'));
        a.lea(rsi, mem(rsp, L.arg));
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        callChecked(a, 'rt_call', fail);
        a.mov(r15, rax);
        a.bind(noKey);
      }
      {
        const take = a.newLabel();
        a.mov(rcx, UNBOUND);
        a.cmp(at('item'), rcx);
        a.je(take);
        a.mov(rdi, r15);
        a.mov(rsi, at('val'));
        a.mov(edx, op);
        callChecked(a, 'rt_richcompare', fail);
        const notBool = a.newLabel();
        a.cmp(rax, g('rt_const_True'));
        a.je(take);
        a.cmp(rax, g('rt_const_False'));
        a.je(loop);
        a.bind(notBool);
        a.mov(rdi, rax);
        a.call(sym('rt_truthy'));
        a.test(eax, eax);
        a.js(fail);
        a.je(loop);
        a.bind(take);
        a.mov(at('item'), rbx);
        a.mov(at('val'), r15);
        a.jmp(loop);
      }
      a.bind(done);
      {
        const found = a.newLabel();
        a.mov(rcx, UNBOUND);
        a.mov(rax, at('item'));
        a.cmp(rax, rcx);
        a.jne(found);
        a.mov(rax, at('dflt'));
        a.cmp(rax, rcx);
        a.jne(found);
        a.lea(rdx, rip(sym(`str_builtin_${name}`)));
        raise(a, 'ValueError', 'msg_minmax_empty', [rdx], out);
        a.bind(found);
        a.jmp(out);
      }
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, L.size);
    },
  };
}

const ROUTINES: RuntimeRoutine[] = [
  minMax('min'),
  minMax('max'),
  {
    name: 'rt_builtin_sum',
    contract: 'sum(iterable, /, start=0) (vector ABI) -> start + item + item ... (left to right), or EXC (str/bytes/bytearray starts refused); may allocate, may raise',
    emit(a: Assembler<any>) {
      // r15 = the running result, rbx = the iterator; [rsp] = start as given by keyword.
      const out = a.newLabel();
      const fail = a.newLabel();
      const loop = a.newLabel();
      prologue(a, SAVED, 8);
      splitArgs(a);
      {
        const some = a.newLabel();
        const notTooMany = a.newLabel();
        a.test(r13, r13);
        a.jg(some);
        raise(a, 'TypeError', 'msg_sum_positional', [r13], out);
        a.bind(some);
        a.cmp(rsi, 2);
        a.jle(notTooMany);
        raise(a, 'TypeError', 'msg_sum_too_many', [rsi], out);
        a.bind(notTooMany);
      }
      a.mov(r15, 0xfff9_0000_0000_0000n); // start = 0
      {
        const noPos = a.newLabel();
        a.cmp(r13, 2);
        a.jne(noPos);
        a.mov(r15, qword(mem(r12, 8)));
        a.bind(noPos);
      }
      parseKeywords(a, 'sum', [['start', (v) => a.mov(r15, v)]], out);
      // Strings of characters or bytes are refused as starts.
      for (const [t, msg] of [['str', 'msg_sum_str'], ['bytes', 'msg_sum_bytes']] as const) {
        const ok = a.newLabel();
        ifNotExact(a, r15, t, rax, rcx, ok);
        raise(a, 'TypeError', msg, [], out);
        a.bind(ok);
      }
      {
        const ok = a.newLabel();
        a.mov(rax, g('cont_type_bytearray'));
        a.test(rax, rax);
        a.je(ok);
        a.mov(rdi, r15);
        a.mov(rsi, rax);
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(ok);
        raise(a, 'TypeError', 'msg_sum_bytearray', [], out);
        a.bind(ok);
      }
      a.mov(rdi, qword(mem(r12)));
      callChecked(a, 'rt_cont_iter', fail);
      a.mov(rbx, rax);
      a.bind(loop);
      a.mov(rdi, rbx);
      callChecked(a, 'rt_cont_next', fail);
      a.cmp(rax, g('rt_const_unbound'));
      const done = a.newLabel();
      a.je(done);
      // result + item: small ints in i64, floats (with small ints) in doubles, else generic.
      {
        const notInts = a.newLabel();
        const generic = a.newLabel();
        const added = a.newLabel();
        a.mov(rcx, r15);
        a.shr(rcx, 48);
        a.mov(rdx, rax);
        a.shr(rdx, 48);
        a.cmp(ecx, TAG_INT);
        a.jne(notInts);
        a.cmp(edx, TAG_INT);
        a.jne(generic);
        a.mov(rdi, r15);
        a.shl(rdi, 16);
        a.sar(rdi, 16);
        a.mov(rcx, rax);
        a.shl(rcx, 16);
        a.sar(rcx, 16);
        a.add(rdi, rcx);
        callChecked(a, 'rt_cont_box_i64', fail);
        a.jmp(added);
        a.bind(notInts);
        a.cmp(ecx, TAG_MIN);
        a.jae(generic);
        a.movq(xmm0, r15);
        a.cmp(edx, TAG_INT);
        const itemFloat = a.newLabel();
        a.jne(itemFloat);
        a.mov(rcx, rax);
        a.shl(rcx, 16);
        a.sar(rcx, 16);
        a.cvtsi2sd(xmm1, rcx);
        const addF = a.newLabel();
        a.jmp(addF);
        a.bind(itemFloat);
        a.cmp(edx, TAG_MIN);
        a.jae(generic);
        a.movq(xmm1, rax);
        a.bind(addF);
        a.addsd(xmm0, xmm1);
        a.movq(rax, xmm0);
        // NaNs stay canonical (layout.ts): the sign kept, the payload cleared.
        {
          const notNan = a.newLabel();
          a.ucomisd(xmm0, xmm0);
          a.jnp(notNan);
          a.mov(rcx, 0x8000_0000_0000_0000n);
          a.and(rax, rcx);
          a.mov(rcx, 0x7ff8_0000_0000_0000n);
          a.or(rax, rcx);
          a.bind(notNan);
        }
        a.jmp(added);
        a.bind(generic);
        a.mov(rdi, r15);
        a.mov(rsi, rax);
        a.call(sym('rt_container_add'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(fail);
        a.bind(added);
        a.mov(r15, rax);
        a.jmp(loop);
      }
      a.bind(done);
      a.mov(rax, r15);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  {
    name: 'rt_container_add',
    contract: 'rdi=a, rsi=b -> rax=a + b through rt_binary_op (when the image has it), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const missing = a.newLabel();
      a.mov(rax, g('cont_fn_binary_op'));
      a.test(rax, rax);
      a.je(missing);
      a.xor(edx, edx); // '+'
      a.jmp(rax);
      a.bind(missing);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_cont_no_binary_op')));
      a.jmp(sym('rt_raise_cstr'));
    },
  },
  {
    name: 'rt_builtin_sorted',
    contract: 'sorted(iterable, /, *, key=None, reverse=False) (vector ABI) -> a new sorted list (list.sort\'s keyword handling), or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const fail = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(qword(mem(rsp)), rdx); // kwnames, passed on to list.sort
      splitArgs(a);
      const one = a.newLabel();
      a.cmp(r13, 1);
      a.je(one);
      a.lea(rdi, rip(sym(SPEC_SORTED.sym)));
      a.mov(rsi, r13);
      a.xor(edx, edx);
      a.call(sym('rt_cont_checkargs'));
      a.jmp(out);
      a.bind(one);
      a.mov(rdi, qword(mem(r12)));
      callChecked(a, 'rt_list_from_iterable', fail);
      a.mov(rbx, rax);
      // list.sort(new_list, **keywords): the keyword values follow the list.
      a.xor(r15, r15);
      const noKw = a.newLabel();
      a.test(r14, r14);
      a.je(noKw);
      a.mov(r15, qword(mem(r14, TUPLE.length)));
      a.bind(noKw);
      a.lea(rdi, mem(r15, 1));
      callChecked(a, 'rt_list_values_new', fail);
      a.lea(rbp, mem(rax, 24));
      a.mov(qword(mem(rbp)), rbx);
      a.lea(rdi, mem(rbp, 8));
      a.lea(rsi, mem(r12, 8));
      a.mov(rcx, r15);
      a.rep_movsq();
      a.mov(rdi, rbp);
      a.lea(rsi, mem(r15, 1));
      a.mov(rdx, qword(mem(rsp)));
      callChecked(a, 'rt_list_meth_sort', fail);
      a.mov(rax, rbx);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  {
    name: 'rt_new_reversed',
    contract: "the new slot of reversed: rdi=type, rsi=args, rdx=nargs, rcx=kwnames -> the argument's own reverse iterator (list, range, dict, dict views), or a reversed object over a sequence with len and getitem, or EXC (TypeError \"'int' object is not reversible\"); may allocate, may raise",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      const notRev = a.newLabel();
      prologue(a, SAVED, 8);
      a.mov(r12, rsi);
      a.lea(r13, mem(rdx, 1));
      checkArgs(a, SPEC_REVERSED, r13, rcx, out);
      a.mov(rbx, qword(mem(r12)));
      const own: [string, string][] = [['list', 'rt_list_reversed'], ['range', 'rt_range_reversed'], ['dict', 'rt_dict_reversed'], ['dict_keys', 'rt_dict_keys_reversed'], ['dict_values', 'rt_dict_values_reversed'], ['dict_items', 'rt_dict_items_reversed']];
      for (const [t, routine] of own) {
        const next = a.newLabel();
        ifNotExact(a, rbx, t, rax, rcx, next);
        a.mov(rdi, rbx);
        a.call(sym(routine));
        a.jmp(out);
        a.bind(next);
      }
      {
        // type(seq).__reversed__ (None means not reversible), as CPython's reversed_new_impl.
        const noMeth = a.newLabel();
        a.mov(rdi, rbx);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.mov(rsi, qword(rip(sym('dconst___reversed__'))));
        a.call(sym('rt_type_lookup'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noMeth);
        a.cmp(rax, g('rt_const_None'));
        a.je(notRev);
        a.mov(rdi, rbx);
        a.mov(rsi, qword(rip(sym('dconst___reversed__'))));
        a.mov(rdx, rsp); // no arguments
        a.xor(ecx, ecx);
        a.call(sym('rt_call_dunder'));
        a.jmp(out);
        a.bind(noMeth);
      }
      // Subclasses of dict without a __reversed__ of their own reverse as dicts (CPython's
      // dict.__reversed__); set kinds (and anything without len and getitem) are not
      // sequences.
      {
        const notDict = a.newLabel();
        ifNotLayout(a, rbx, 'dict', rax, notDict);
        a.mov(rdi, rbx);
        a.call(sym('rt_dict_reversed'));
        a.jmp(out);
        a.bind(notDict);
      }
      ifLayout(a, rbx, 'set', rax, notRev);
      a.mov(rdi, rbx);
      a.call(sym('rt_type_of'));
      a.cmp(qword(mem(rax, typeSlot('getitem'))), 0);
      a.je(notRev);
      a.mov(rcx, qword(mem(rax, typeSlot('len'))));
      a.test(rcx, rcx);
      a.je(notRev);
      a.mov(rdi, rbx);
      a.call(rcx);
      const lenOk = a.newLabel();
      a.test(rax, rax);
      a.jns(lenOk);
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
      a.bind(lenOk);
      a.lea(rdx, mem(rax, -1));
      a.mov(rdi, rbx);
      a.lea(rsi, rip(sym('type_reversed')));
      a.call(sym('rt_cont_seqiter_new'));
      a.jmp(out);
      a.bind(notRev);
      a.mov(rdx, rbx);
      raise(a, 'TypeError', 'msg_not_reversible', [rdx], out);
      a.bind(out);
      epilogue(a, SAVED, 8);
    },
  },
  {
    name: 'rt_next_reversed',
    contract: 'rdi=reversed object -> rax=seq[index] with index counting down (IndexError or StopIteration from the sequence end it), UNBOUND when exhausted, or EXC; may allocate, may raise',
    emit(a: Assembler<any>) {
      const end = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(rax, qword(mem(r12, SEQITER.index)));
      a.test(rax, rax);
      a.js(end);
      a.mov(rdi, qword(mem(r12, SEQITER.seq)));
      a.call(sym('rt_type_of'));
      a.mov(r13, qword(mem(rax, typeSlot('getitem'))));
      a.mov(rdi, qword(mem(r12, SEQITER.index)));
      a.call(sym('rt_cont_box_i64')); // an index below a length: a small int
      a.mov(rsi, rax);
      a.mov(rdi, qword(mem(r12, SEQITER.seq)));
      a.call(r13);
      a.cmp(rax, g('rt_const_exc'));
      const failed = a.newLabel();
      a.je(failed);
      a.dec(qword(mem(r12, SEQITER.index)));
      a.jmp(out);
      // IndexError and StopIteration end the iteration; other errors propagate.
      a.bind(failed);
      for (const t of ['IndexError', 'StopIteration']) {
        const next = a.newLabel();
        a.mov(rdi, g('rt_exc'));
        a.lea(rsi, rip(sym(`type_${t}`)));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(next);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.jmp(end);
        a.bind(next);
      }
      a.mov(rax, g('rt_const_exc'));
      a.jmp(out);
      a.bind(end);
      a.mov(qword(mem(r12, SEQITER.index)), -1);
      a.mov(rax, g('rt_const_unbound'));
      a.mov(qword(mem(r12, SEQITER.seq)), rax);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_iter_reversed',
    contract: 'rdi=reversed object -> rax=itself',
    emit(a: Assembler<any>) {
      a.mov(rax, rdi);
      a.ret();
    },
  },
];

export const containerBuiltinsModule: RuntimeModule = {
  name: 'listbuiltins',
  types: [{ name: 'reversed', layout: 'iterator' }],
  builtins: [
    { name: 'sorted', entry: 'rt_builtin_sorted' },
    { name: 'min', entry: 'rt_builtin_min' },
    { name: 'max', entry: 'rt_builtin_max' },
    { name: 'sum', entry: 'rt_builtin_sum' },
  ],
  routines: ROUTINES,
  data: [
    argSpecDatum(SPEC_SORTED),
    argSpecDatum(SPEC_REVERSED),
    cstr('msg_builtin_bad_keyword', "'%U' is an invalid keyword argument for %s()"),
    cstr('msg_minmax_no_args', '%s expected at least 1 argument, got 0'),
    cstr('msg_minmax_default', 'Cannot specify a default for %s() with multiple positional arguments'),
    cstr('msg_minmax_empty', '%s() arg is an empty sequence'),
    cstr('msg_sum_positional', 'sum() takes at least 1 positional argument (%d given)'),
    cstr('msg_sum_too_many', 'sum() takes at most 2 arguments (%d given)'),
    cstr('msg_sum_str', "sum() can't sum strings [use ''.join(seq) instead]"),
    cstr('msg_sum_bytes', "sum() can't sum bytes [use b''.join(seq) instead]"),
    cstr('msg_sum_bytearray', "sum() can't sum bytearray [use b''.join(seq) instead]"),
    cstr('msg_cont_no_binary_op', 'unsupported operand types: the generic binary operation is not linked'),
    cstr('msg_not_reversible', "'%T' object is not reversible"),
    ...(['min', 'max', 'sum'] as const).map((n) => cstr(`str_builtin_${n}`, n)),
    ...(['key', 'default', 'start'] as const).map((n) => ({ name: `str_kw_${n}`, section: 'rodata' as const, align: 8, emit: (a: Assembler<any>) => emitStr(a, n) })),
    { name: 'cont_type_bytearray', section: 'rodata', align: 8, emit: (a, ctx) => emitWord(a, { addrIfDefined: 'type_bytearray' }, ctx) },
  ],
};
