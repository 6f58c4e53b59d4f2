// Runtime str splitting and joining: split, rsplit, splitlines, join.
//
// Role: the method entries and their cores. Pieces are collected in a value accumulator
// (strbase.ts rt_str_acc_push: a tuple used as a growable array, kept alive from the
// machine stack) and become a list through the containers' rt_list_from_values. Whitespace
// is Py_UNICODE_ISSPACE (the Unicode table's `space` flag, Latin-1 from uc_latin1 without a
// call), line boundaries Py_UNICODE_ISLINEBREAK. join takes a list's or tuple's items
// directly (PySequence_Fast) and iterates anything else through the type slots.

import {
  type Assembler, type Label, al, byte, cl, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r8, r8d, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { LIST, STR, TUPLE, typeSlot, VALUES } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ARG, type ArgSpec, requireStr, specData, ssizeArg, strMethod } from './strargs.js';
import { type Kind, type R64, box, byKind, callWeak, guardExactStr, kindOf, ld, lenOf, raw } from './strkit.js';
import { UC } from './unicode.js';

/**
 * Frame of the split cores (after saving rbx, rbp, r12-r15): the accumulator and its
 * count, the remaining splits, and a scratch word.
 */
const F = { acc: 0, count: 8, left: 16, aux: 24, size: 32 } as const;

/** Jump to `yes` if the code point in edx is whitespace. Clobbers rax rcx (and rdi). */
function ifSpace(a: Assembler<any>, k: Kind, yes: Label): void {
  const lookup = a.newLabel();
  const done = a.newLabel();
  if (k !== 1) {
    a.cmp(edx, 0xff);
    a.ja(lookup);
  }
  a.lea(rax, rip(sym('uc_latin1')));
  a.test(dword(sib(rax, rdx, 4)), UC.space);
  a.jne(yes);
  if (k !== 1) {
    a.jmp(done);
    a.bind(lookup);
    a.mov(edi, edx);
    a.call(sym('rt_unicode_info'));
    a.test(eax, UC.space);
    a.jne(yes);
  }
  a.bind(done);
}


/** Push s[rbx : r14] (s value in r12) onto the accumulator in the frame. */
function pushPiece(a: Assembler<any>, from: R64, to: R64): void {
  a.mov(rdi, r12);
  a.mov(rsi, from);
  a.mov(rdx, to);
  a.call(sym('rt_str_substr'));
  a.mov(rdi, qword(mem(rsp, F.acc)));
  a.mov(rsi, qword(mem(rsp, F.count)));
  a.mov(rdx, rax);
  a.call(sym('rt_str_acc_push'));
  a.mov(qword(mem(rsp, F.acc)), rax);
  a.inc(qword(mem(rsp, F.count)));
}

/** Reverse the accumulator's items in place (rsplit collects from the right). */
function reverseAcc(a: Assembler<any>): void {
  const loop = a.newLabel();
  const done = a.newLabel();
  a.mov(rax, qword(mem(rsp, F.acc)));
  a.test(rax, rax);
  a.je(done);
  a.xor(ecx, ecx);
  a.mov(rdx, qword(mem(rsp, F.count)));
  a.dec(rdx);
  a.bind(loop);
  a.cmp(rcx, rdx);
  a.jge(done);
  a.mov(r8, qword(sib(rax, rcx, 8, TUPLE.items)));
  a.mov(r9, qword(sib(rax, rdx, 8, TUPLE.items)));
  a.mov(qword(sib(rax, rcx, 8, TUPLE.items)), r9);
  a.mov(qword(sib(rax, rdx, 8, TUPLE.items)), r8);
  a.inc(rcx);
  a.dec(rdx);
  a.jmp(loop);
  a.bind(done);
}

/** rax = list of the accumulated pieces (or EXC). */
function finishList(a: Assembler<any>, fail: Label): void {
  a.mov(rdi, qword(mem(rsp, F.acc)));
  a.add(rdi, TUPLE.items);
  a.mov(rsi, qword(mem(rsp, F.count)));
  callWeak(a, 'rt_list_from_values', fail);
}

/**
 * Whitespace split (sep None). r12 = s value, r13 = s raw, r14 = position, r15 = length,
 * rbx = start of the current piece; [F.left] = splits left (negative: unlimited).
 */
function splitWhitespace(a: Assembler<any>, reverse: boolean): void {
  const kindLoops = (k: Kind): void => {
    const outer = a.newLabel();
    const rest = a.newLabel();
    const finished = a.newLabel();
    const skip = a.newLabel();
    const skipped = a.newLabel();
    const word = a.newLabel();
    const wordEnd = a.newLabel();
    const isSpace = a.newLabel();
    // forward: position r14 moves right; reverse: r14 is one past the current character.
    const at = (): void => {
      if (reverse) ld(a, k, edx, r13, r14, STR.data - k);
      else ld(a, k, edx, r13, r14, STR.data);
    };
    const atEnd = (l: Label): void => {
      if (reverse) {
        a.test(r14, r14);
        a.je(l);
      } else {
        a.cmp(r14, r15);
        a.jae(l);
      }
    };
    const step = (): void => (reverse ? a.dec(r14) : a.inc(r14));
    a.bind(outer);
    a.cmp(qword(mem(rsp, F.left)), 0);
    a.je(rest);
    // skip whitespace
    a.bind(skip);
    atEnd(finished);
    at();
    ifSpace(a, k, isSpace);
    a.jmp(skipped);
    a.bind(isSpace);
    step();
    a.jmp(skip);
    a.bind(skipped);
    a.mov(rbx, r14);
    // the word
    a.bind(word);
    step();
    atEnd(wordEnd);
    at();
    ifSpace(a, k, wordEnd);
    a.jmp(word);
    a.bind(wordEnd);
    if (reverse) pushPiece(a, r14, rbx);
    else pushPiece(a, rbx, r14);
    a.dec(qword(mem(rsp, F.left)));
    a.jmp(outer);
    // maxsplit reached: the rest, without its leading (trailing) whitespace, if any.
    a.bind(rest);
    const restSkip = a.newLabel();
    const restSpace = a.newLabel();
    a.bind(restSkip);
    atEnd(finished);
    at();
    ifSpace(a, k, restSpace);
    if (reverse) pushPiece(a, rbp, r14); // rbp = 0 in reverse mode
    else pushPiece(a, r14, r15);
    a.jmp(finished);
    a.bind(restSpace);
    step();
    a.jmp(restSkip);
    a.bind(finished);
  };
  kindOf(a, eax, r13);
  byKind(a, eax, kindLoops);
}


/** Split by a separator: r12 = s value, r13 = s raw, rbp = sep raw (s's kind), r15 = len(sep). */
function splitSep(a: Assembler<any>, reverse: boolean): void {
  const loop = a.newLabel();
  const rest = a.newLabel();
  // forward: r14 = piece start; reverse: r14 = piece end
  if (reverse) lenOf(a, r14, r13);
  else a.xor(r14, r14);
  a.bind(loop);
  a.cmp(qword(mem(rsp, F.left)), 0);
  a.je(rest);
  if (reverse) {
    a.lea(rdi, mem(r13, STR.data));
    a.mov(rsi, r14);
  } else {
    kindOf(a, ecx, r13);
    a.shr(ecx, 1);
    a.mov(rdi, r14);
    a.shl(rdi, cl);
    a.lea(rdi, sib(r13, rdi, 1, STR.data));
    lenOf(a, rsi, r13);
    a.sub(rsi, r14);
  }
  if (reverse) {
    a.lea(rdx, mem(rbp, STR.data));
    a.mov(rcx, r15);
    kindOf(a, r8d, r13);
    a.call(sym('rt_str_rfind_raw'));
  } else {
    // One-character separators go straight to the vector scan.
    const general = a.newLabel();
    const found = a.newLabel();
    kindOf(a, ecx, r13);
    a.cmp(r15, 1);
    a.jne(general);
    byKind(a, ecx, (k) => ld(a, k, edx, rbp, undefined, STR.data));
    a.call(sym('rt_str_memchr'));
    a.jmp(found);
    a.bind(general);
    a.lea(rdx, mem(rbp, STR.data));
    a.mov(r8d, ecx);
    a.mov(rcx, r15);
    a.call(sym('rt_str_find_raw'));
    a.bind(found);
  }
  a.test(rax, rax);
  a.js(rest);
  if (reverse) {
    a.mov(rbx, rax);
    a.lea(rax, sib(rax, r15, 1));
    pushPiece(a, rax, r14);
    a.mov(r14, rbx);
  } else {
    a.lea(rbx, sib(r14, rax, 1));
    pushPiece(a, r14, rbx);
    a.lea(r14, sib(rbx, r15, 1));
  }
  a.dec(qword(mem(rsp, F.left)));
  a.jmp(loop);
  a.bind(rest);
  if (reverse) {
    a.xor(ebx, ebx);
    pushPiece(a, rbx, r14);
  } else {
    lenOf(a, rbx, r13);
    pushPiece(a, r14, rbx);
  }
}

/** rt_str_split / rt_str_rsplit: the cores behind the methods. */
function splitCore(reverse: boolean): RuntimeRoutine {
  return {
    name: reverse ? 'rt_str_rsplit' : 'rt_str_split',
    contract: `rdi=str value, rsi=separator str or None, rdx=maxsplit (< 0: all) -> rax=list of the pieces${reverse ? ' (splitting from the right)' : ''}, or EXC; the separator is not empty; may allocate`,
    emit(a) {
      const saved = [rbx, rbp, r12, r13, r14, r15] as const;
      const out = a.newLabel();
      const fail = a.newLabel();
      const whitespace = a.newLabel();
      const done = a.newLabel();
      prologue(a, saved, F.size);
      a.mov(qword(mem(rsp, F.acc)), 0);
      a.mov(qword(mem(rsp, F.count)), 0);
      a.mov(qword(mem(rsp, F.left)), rdx);
      a.mov(r12, rdi);
      raw(a, r13, rdi);
      lenOf(a, r15, r13);
      a.cmp(rsi, g('rt_const_None'));
      a.je(whitespace);
      // separator: wider than s -> no split at all
      raw(a, rax, rsi);
      kindOf(a, ecx, r13);
      a.cmp(byte(mem(rax, STR.kind)), cl);
      const fits = a.newLabel();
      const widened = a.newLabel();
      lenOf(a, r15, rax);
      a.mov(rbp, rax);
      a.jbe(fits);
      a.mov(qword(mem(rsp, F.left)), 0); // cannot occur: the whole str is the one piece
      a.jmp(widened);
      a.bind(fits);
      a.mov(rdi, rsi);
      kindOf(a, esi, r13);
      a.call(sym('rt_str_as_kind'));
      a.mov(rbp, rax);
      a.bind(widened);
      splitSep(a, reverse);
      a.jmp(done);
      a.bind(whitespace);
      if (reverse) {
        a.mov(r14, r15);
        a.xor(ebp, ebp);
      } else {
        a.xor(r14, r14);
      }
      splitWhitespace(a, reverse);
      a.bind(done);
      if (reverse) reverseAcc(a);
      finishList(a, fail);
      a.jmp(out);
      a.bind(fail);
      a.mov(rax, g('rt_const_exc'));
      a.bind(out);
      epilogue(a, saved, F.size);
    },
  };
}


const SPLIT_SPEC = (method: 'split' | 'rsplit'): ArgSpec => ({ method, kind: 'kw', min: 0, max: 2, names: ['sep', 'maxsplit'] });

function splitMethod(method: 'split' | 'rsplit'): RuntimeRoutine {
  return strMethod(SPLIT_SPEC(method), `rt_str_meth_${method}`, 'list or EXC', (a, out) => {
    const noSep = a.newLabel();
    const haveMax = a.newLabel();
    const haveSep = a.newLabel();
    a.mov(rax, -1);
    a.mov(rcx, ARG(2));
    a.cmp(rcx, g('rt_const_unbound'));
    a.je(haveMax);
    ssizeArg(a, ARG(2), out);
    a.bind(haveMax);
    a.mov(r12, rax);
    a.mov(rsi, ARG(1));
    a.cmp(rsi, g('rt_const_unbound'));
    a.je(noSep);
    a.cmp(rsi, g('rt_const_None'));
    a.je(haveSep);
    requireStr(a, rsi, 'msg_str_sep_type', out);
    a.mov(rax, ARG(1));
    raw(a, rax, rax);
    a.cmp(qword(mem(rax, STR.length)), 0);
    a.jne(haveSep);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_str_empty_separator')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(noSep);
    a.mov(rsi, g('rt_const_None'));
    a.mov(ARG(1), rsi);
    a.bind(haveSep);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.mov(rdx, r12);
    a.call(sym(method === 'split' ? 'rt_str_split' : 'rt_str_rsplit'));
  });
}

// ---- splitlines ------------------------------------------------------------------------------

const splitlines: RuntimeRoutine = {
  name: 'rt_str_splitlines',
  contract: 'rdi=str value, esi=keepends (0/1) -> rax=list of the lines (\\n \\r \\r\\n \\v \\f \\x1c-\\x1e \\x85 \\u2028 \\u2029 end a line), or EXC; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, saved, F.size);
    a.mov(qword(mem(rsp, F.acc)), 0);
    a.mov(qword(mem(rsp, F.count)), 0);
    a.mov(qword(mem(rsp, F.aux)), rsi);
    a.mov(r12, rdi);
    raw(a, r13, rdi);
    lenOf(a, r15, r13);
    a.xor(r14, r14);
    kindOf(a, eax, r13);
    byKind(a, eax, (k) => {
      const line = a.newLabel();
      const scan = a.newLabel();
      const brk = a.newLabel();
      const finished = a.newLabel();
      const notBreak = a.newLabel();
      a.bind(line);
      a.cmp(r14, r15);
      a.jae(finished);
      a.mov(rbx, r14); // line start
      a.bind(scan);
      a.cmp(r14, r15);
      const endOfText = a.newLabel();
      a.jae(endOfText);
      ld(a, k, edx, r13, r14, STR.data);
      // Py_UNICODE_ISLINEBREAK
      if (k !== 1) {
        const latin = a.newLabel();
        a.cmp(edx, 0xff);
        a.jbe(latin);
        a.mov(eax, edx);
        a.or(eax, 1);
        a.cmp(eax, 0x2029);
        a.je(brk);
        a.jmp(notBreak);
        a.bind(latin);
      }
      a.lea(rax, rip(sym('uc_latin1')));
      a.test(dword(sib(rax, rdx, 4)), UC.linebreak);
      a.jne(brk);
      a.bind(notBreak);
      a.inc(r14);
      a.jmp(scan);
      a.bind(brk);
      // rbp = end of the line's text, r14 = start of the next line
      a.mov(rbp, r14);
      a.inc(r14);
      const notCrLf = a.newLabel();
      a.cmp(edx, 13);
      a.jne(notCrLf);
      a.cmp(r14, r15);
      a.jae(notCrLf);
      ld(a, k, eax, r13, r14, STR.data);
      a.cmp(eax, 10);
      a.jne(notCrLf);
      a.inc(r14);
      a.bind(notCrLf);
      const keep = a.newLabel();
      a.cmp(qword(mem(rsp, F.aux)), 0);
      a.je(keep);
      a.mov(rbp, r14);
      a.bind(keep);
      pushPiece(a, rbx, rbp);
      a.jmp(line);
      a.bind(endOfText);
      pushPiece(a, rbx, r14);
      a.bind(finished);
    });
    finishList(a, fail);
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, F.size);
  },
};

const SPLITLINES_SPEC: ArgSpec = { method: 'splitlines', kind: 'kw', min: 0, max: 1, names: ['keepends'] };

const splitlinesMethod = strMethod(SPLITLINES_SPEC, 'rt_str_meth_splitlines', 'list or EXC', (a, out) => {
  const absent = a.newLabel();
  a.xor(eax, eax);
  a.mov(rcx, ARG(1));
  a.cmp(rcx, g('rt_const_unbound'));
  a.je(absent);
  ssizeArg(a, ARG(1), out);
  a.bind(absent);
  a.test(rax, rax);
  a.setne(al);
  a.movzx(esi, al);
  a.mov(rdi, ARG(0));
  a.call(sym('rt_str_splitlines'));
});


// ---- join ------------------------------------------------------------------------------------

const join: RuntimeRoutine = {
  name: 'rt_str_join',
  contract: 'rdi=separator str, rsi=iterable -> rax=str value of the items joined, or EXC (TypeError "can only join an iterable", "sequence item N: expected str instance, T found"); may allocate, may raise (iterating)',
  emit(a) {
    // r12 = sep value, r13 = items address, r14 = n, r15 = result raw, rbx = kind, rbp = index
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const out = a.newLabel();
    const fail = a.newLabel();
    const haveItems = a.newLabel();
    prologue(a, saved, F.size);
    a.mov(qword(mem(rsp, F.acc)), 0);
    a.mov(qword(mem(rsp, F.count)), 0);
    a.mov(r12, rdi);
    a.mov(qword(mem(rsp, F.aux)), rsi);
    // exact list or tuple: their items directly
    a.mov(rdi, rsi);
    a.call(sym('rt_type_of'));
    const notTuple = a.newLabel();
    const notList = a.newLabel();
    a.lea(rcx, rip(sym('type_tuple')));
    a.cmp(rax, rcx);
    a.jne(notTuple);
    a.mov(rax, qword(mem(rsp, F.aux)));
    raw(a, rax, rax);
    a.lea(r13, mem(rax, TUPLE.items));
    a.mov(r14, qword(mem(rax, TUPLE.length)));
    a.jmp(haveItems);
    a.bind(notTuple);
    a.lea(rcx, rip(sym('type_list')));
    a.cmp(rax, rcx);
    a.jne(notList);
    a.mov(rax, qword(mem(rsp, F.aux)));
    raw(a, rax, rax);
    a.mov(r14, qword(mem(rax, LIST.length)));
    a.mov(rax, qword(mem(rax, LIST.items)));
    raw(a, rax, rax);
    a.lea(r13, mem(rax, VALUES.items));
    a.jmp(haveItems);
    // anything else: iterate through the type slots into the accumulator
    a.bind(notList);
    a.mov(rax, qword(mem(rax, typeSlot('iter'))));
    a.test(rax, rax);
    const iterable = a.newLabel();
    a.jne(iterable);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_str_join_iterable')));
    a.call(sym('rt_raise_cstr'));
    a.jmp(out);
    a.bind(iterable);
    a.mov(rdi, qword(mem(rsp, F.aux)));
    a.call(rax);
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.mov(rbp, rax); // the iterator
    const next = a.newLabel();
    const exhausted = a.newLabel();
    a.bind(next);
    a.mov(rdi, rbp);
    a.call(sym('rt_type_of'));
    a.mov(rdi, rbp);
    a.call(qword(mem(rax, typeSlot('next'))));
    a.cmp(rax, g('rt_const_exc'));
    a.je(out);
    a.cmp(rax, g('rt_const_unbound'));
    a.je(exhausted);
    a.mov(rdi, qword(mem(rsp, F.acc)));
    a.mov(rsi, qword(mem(rsp, F.count)));
    a.mov(rdx, rax);
    a.call(sym('rt_str_acc_push'));
    a.mov(qword(mem(rsp, F.acc)), rax);
    a.inc(qword(mem(rsp, F.count)));
    a.jmp(next);
    a.bind(exhausted);
    a.mov(r13, qword(mem(rsp, F.acc)));
    a.add(r13, TUPLE.items);
    a.mov(r14, qword(mem(rsp, F.count)));
    a.bind(haveItems);
    // Pass 1: types, total length, widest kind, ascii.
    const empty = a.newLabel();
    a.test(r14, r14);
    a.je(empty);
    raw(a, rax, r12);
    kindOf(a, ebx, rax);
    a.movzx(ecx, byte(mem(rax, STR.ascii)));
    a.mov(qword(mem(rsp, F.left)), rcx); // all ascii so far
    lenOf(a, rax, rax);
    a.lea(rcx, mem(r14, -1));
    a.imul(rax, rcx);
    a.mov(qword(mem(rsp, F.count)), rax); // total length (count slot reused)
    a.xor(ebp, ebp);
    const check = a.newLabel();
    const checked = a.newLabel();
    const several = a.newLabel();
    const notExact = a.newLabel();
    a.bind(check);
    a.cmp(rbp, r14);
    a.jae(checked);
    // exact strs inline; anything else asks rt_str_check (subclasses)
    const isStr = a.newLabel();
    const bad = a.newLabel();
    a.mov(rdi, qword(sib(r13, rbp, 8)));
    guardExactStr(a, rdi, rax, notExact);
    a.jmp(isStr);
    a.bind(notExact);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(bad);
    a.bind(isStr);
    a.mov(rax, qword(sib(r13, rbp, 8)));
    raw(a, rax, rax);
    a.movzx(ecx, byte(mem(rax, STR.kind)));
    a.cmp(ebx, ecx);
    a.cmovb(ebx, ecx);
    a.movzx(ecx, byte(mem(rax, STR.ascii)));
    a.and(qword(mem(rsp, F.left)), rcx);
    a.mov(rcx, qword(mem(rax, STR.length)));
    a.add(qword(mem(rsp, F.count)), rcx);
    a.inc(rbp);
    a.jmp(check);
    a.bind(bad);
    a.mov(rdx, rbp);
    a.mov(rcx, qword(sib(r13, rbp, 8)));
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_str_join_item')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    a.bind(checked);
    // One item: itself when an exact str, else a str copy of it.
    a.cmp(r14, 1);
    a.jne(several);
    a.mov(rax, qword(mem(r13)));
    raw(a, rcx, rax);
    a.lea(rdx, rip(sym('type_str')));
    a.cmp(qword(mem(rcx)), rdx);
    a.je(out);
    a.lea(rdi, mem(rcx, STR.data));
    lenOf(a, rsi, rcx);
    kindOf(a, edx, rcx);
    a.call(sym('rt_str_new_from'));
    a.jmp(out);
    a.bind(several);
    a.mov(rdi, qword(mem(rsp, F.count)));
    a.mov(esi, ebx);
    a.call(sym('rt_str_alloc'));
    a.mov(r15, rax);
    a.mov(rax, qword(mem(rsp, F.left)));
    a.mov(byte(mem(r15, STR.ascii)), al);
    // Pass 2: copy items and separators; [F.aux] = output index.
    a.mov(qword(mem(rsp, F.aux)), 0);
    a.xor(ebp, ebp);
    const copy = a.newLabel();
    const copied = a.newLabel();
    a.bind(copy);
    a.test(rbp, rbp);
    const noSep = a.newLabel();
    a.je(noSep);
    a.mov(rdi, r12);
    copyInto(a);
    a.bind(noSep);
    a.mov(rdi, qword(sib(r13, rbp, 8)));
    copyInto(a);
    a.inc(rbp);
    a.cmp(rbp, r14);
    a.jb(copy);
    a.bind(copied);
    a.mov(rax, r15);
    box(a, rax);
    a.jmp(out);
    a.bind(empty);
    a.mov(rax, g('const_str_empty'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, saved, F.size);

    /** Append the str value in rdi to the result (r15, kind ebx) at [F.aux]. */
    function copyInto(asm: Assembler<any>): void {
      raw(asm, rdx, rdi);
      lenOf(asm, r8, rdx);
      asm.mov(rdi, qword(mem(rsp, F.aux)));
      asm.add(qword(mem(rsp, F.aux)), r8);
      asm.mov(ecx, ebx);
      asm.shr(ecx, 1);
      asm.shl(rdi, cl);
      asm.lea(rdi, sib(r15, rdi, 1, STR.data));
      asm.mov(esi, ebx);
      kindOf(asm, ecx, rdx);
      asm.add(rdx, STR.data);
      asm.call(sym('rt_str_copy_cps'));
    }
  },
};


const joinMethod = strMethod({ method: 'join', kind: 'one', min: 1, max: 1 }, 'rt_str_meth_join', 'str or EXC', (a) => {
  a.mov(rdi, ARG(0));
  a.mov(rsi, ARG(1));
  a.call(sym('rt_str_join'));
});

export const STR_SPLIT_SPECS: ArgSpec[] = [SPLIT_SPEC('split'), SPLIT_SPEC('rsplit'), SPLITLINES_SPEC, { method: 'join', kind: 'one', min: 1, max: 1 }];

export const strSplitModule: RuntimeModule = {
  name: 'strsplit',
  routines: [splitCore(false), splitCore(true), splitMethod('split'), splitMethod('rsplit'), splitlines, splitlinesMethod, join, joinMethod],
  methods: (['split', 'rsplit', 'splitlines', 'join'] as const).map((m) => ({ type: 'str', name: m, entry: `rt_str_meth_${m}` })),
  data: [
    ...STR_SPLIT_SPECS.flatMap(specData),
    cstr('msg_str_sep_type', 'must be str or None, not %T'),
    cstr('msg_str_join_iterable', 'can only join an iterable'),
    cstr('msg_str_join_item', 'sequence item %d: expected str instance, %T found'),
  ],
};
