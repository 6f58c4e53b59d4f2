// Runtime: the methods of bytes and bytearray (Objects/bytes_methods.c, bytesobject.c,
// bytearrayobject.c of CPython 3.11) other than the mutators and the codecs.
//
// Role: most bytes methods mean exactly what the str method of the same name means on the
// Latin-1 reading of the bytes (find, count, replace, split with a separator, partition,
// center...). Those are delegated: rt_bytes_delegate converts self and the bytes-like
// arguments to Latin-1 strs ("views"), calls the str method (strsearch.ts, strsplit.ts,
// strmethods.ts), and converts the str results back to bytes (bytearray when self is one).
// Argument errors keep CPython's bytes wording because the conversion raises them first
// ("a bytes-like object is required, not 'str'", "argument should be integer or bytes-like
// object, not 'float'", "byte must be in range(0, 256)", "subsection not found").
//
// Where bytes differ from str, the ASCII-only rules (Py_ISSPACE, Py_ISLOWER... of
// pyctype.h) are applied: split()/strip() without a separator and splitlines() run on a
// view where the bytes str treats as whitespace or line breaks and bytes does not
// (\x1c-\x1f, \x85, \xa0; \x0b \x0c for lines) become U+01xx letters, so the str method
// leaves them alone; the low byte brings them back. Case mapping, the is* predicates, join,
// maketrans and translate are written here directly over 256-entry tables.
//
// Invariants: every view is a fresh or static str whose code points are < U+0200; views and
// partial results live in the frame (the collector scans the machine stack conservatively,
// interior pointers included), never only in a callee-saved register across an allocation.

import { type Assembler, type Label, al, byte, cl, dl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r10, r13, r13d, r14, r15, r8, r9, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxInt, BYTES, LIST, STR, TUPLE, typeSlot, VALUES } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { bytesOf } from './bytesobj.js';
import { cstr } from './exc.js';

type T = 'bytes' | 'bytearray';
const TYPES: readonly T[] = ['bytes', 'bytearray'];
const SELF_ID: Record<T, number> = { bytes: 0, bytearray: 1 };
const SAVED = [rbx, rbp, r12, r13, r14, r15] as const;

// ---- tables (pyctype.h's ASCII classes) ------------------------------------------------

const CT = { lower: 1, upper: 2, digit: 4, space: 8 } as const;
function ctype(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return CT.lower;
  if (c >= 0x41 && c <= 0x5a) return CT.upper;
  if (c >= 0x30 && c <= 0x39) return CT.digit;
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return CT.space;
  return 0;
}
const table = (f: (c: number) => number): Uint8Array => Uint8Array.from({ length: 256 }, (_, c) => f(c));
const TABLES = {
  bytes_ctype: table(ctype),
  bytes_tolower: table((c) => (ctype(c) === CT.upper ? c + 32 : c)),
  bytes_toupper: table((c) => (ctype(c) === CT.lower ? c - 32 : c)),
  bytes_toswap: table((c) => (ctype(c) === CT.upper ? c + 32 : ctype(c) === CT.lower ? c - 32 : c)),
  // Bytes str.split()/strip() take for whitespace but bytes do not (Py_UNICODE_ISSPACE on Latin-1).
  bytes_remap_ws: table((c) => ([0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0].includes(c) ? 1 : 0)),
  // Bytes str.splitlines() breaks at but bytes.splitlines() does not (only \n, \r, \r\n).
  bytes_remap_lines: table((c) => ([0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85].includes(c) ? 1 : 0)),
} as const;

// ---- views ------------------------------------------------------------------------------

const viewRoutines: RuntimeRoutine[] = [
  {
    name: 'rt_bytes_rawof',
    contract: 'rdi=value -> rax=raw address of the bytes object behind a bytes, bytearray or memoryview, else 0; clobbers rax rcx rdx',
    emit(a) {
      const none = a.newLabel();
      bytesOf(a, rdi, none);
      a.ret();
      a.bind(none);
      a.xor(eax, eax);
      a.ret();
    },
  },
  {
    name: 'rt_bytes_view',
    contract: 'rdi=raw bytes address, rsi=remap table (256 bytes of 0/1) or 0 -> rax=str of the Latin-1 code points, remapped ones + 0x100; may allocate',
    emit(a) {
      const plain = a.newLabel();
      const remap = a.newLabel();
      const out = a.newLabel();
      prologue(a, SAVED, 24);
      a.mov(r12, rdi);
      a.mov(qword(mem(rsp, 8)), rdi); // keeps the source reachable
      a.mov(r13, rsi);
      a.mov(r14, qword(mem(r12, BYTES.length)));
      a.test(r13, r13);
      a.je(plain);
      {
        const scan = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(scan);
        a.cmp(rcx, r14);
        a.jae(plain);
        a.movzx(eax, byte(sib(r12, rcx, 1, BYTES.data)));
        a.cmp(byte(sib(r13, rax, 1)), 0);
        a.jne(remap);
        a.inc(rcx);
        a.jmp(scan);
      }
      a.bind(plain);
      a.lea(rdi, mem(r12, BYTES.data));
      a.mov(rsi, r14);
      a.mov(edx, 1);
      a.call(sym('rt_str_new_from'));
      a.jmp(out);
      a.bind(remap);
      a.lea(rdi, sib(r14, r14, 1));
      a.call(sym('rt_bytes_alloc'));
      a.mov(qword(mem(rsp)), rax);
      a.mov(rbx, rax);
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rcx, r14);
        a.jae(done);
        a.movzx(eax, byte(sib(r12, rcx, 1, BYTES.data)));
        a.movzx(edx, byte(sib(r13, rax, 1)));
        a.mov(byte(sib(rbx, rcx, 2, BYTES.data)), al);
        a.mov(rax, rdx);
        a.mov(byte(sib(rbx, rcx, 2, BYTES.data + 1)), al);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
      }
      a.lea(rdi, mem(rbx, BYTES.data));
      a.mov(rsi, r14);
      a.mov(edx, 2);
      a.call(sym('rt_str_new_from'));
      a.bind(out);
      epilogue(a, SAVED, 24);
    },
  },
  {
    name: 'rt_bytes_unview',
    contract: 'rdi=str value (code points < U+0200), esi=1 for a bytearray result -> rax=bytes (or bytearray) of the low bytes of its code points; may allocate',
    emit(a) {
      const wide = a.newLabel();
      const made = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13, r14], 16);
      a.mov(qword(mem(rsp)), rdi);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13d, esi);
      a.cmp(byte(mem(r12, STR.kind)), 1);
      a.jne(wide);
      a.lea(rdi, mem(r12, STR.data));
      a.mov(rsi, qword(mem(r12, STR.length)));
      a.call(sym('rt_bytes_from_data'));
      a.jmp(made);
      a.bind(wide);
      a.mov(rdi, qword(mem(r12, STR.length)));
      a.call(sym('rt_bytes_alloc'));
      {
        const loop = a.newLabel();
        const done = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rcx, qword(mem(r12, STR.length)));
        a.jae(done);
        a.movzx(edx, byte(sib(r12, rcx, 2, STR.data)));
        a.mov(byte(sib(rax, rcx, 1, BYTES.data)), dl);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(done);
      }
      boxPtr(a, rax, rcx);
      a.bind(made);
      a.test(r13d, r13d);
      a.je(out);
      a.mov(rdi, rax);
      a.call(sym('rt_bytearray_wrap'));
      a.bind(out);
      epilogue(a, [r12, r13, r14], 16);
    },
  },
];

// ---- delegation to the str methods -----------------------------------------------------

/** How an argument is converted before the str method sees it. */
const RULE = { pass: 0, bytes: 1, bytesOrNone: 2, byteOrInt: 3, prefix: 4, fill: 5 } as const;
type Rule = keyof typeof RULE;
/** How the str method's result is converted back. */
const RESULT = { raw: 0, str: 1, list: 2, tuple: 3, index: 4 } as const;
type Result = keyof typeof RESULT;
const REMAP = { none: 0, wsIfNoSep: 1, lines: 2 } as const;

/** Descriptor record in rodata. */
const D = { entry: 0, name: 8, tname: 16, self: 24, result: 25, remap: 26, max: 27, rules: 28, kwname: 40, size: 48 } as const;

interface Delegated {
  readonly name: string;
  /** The str method (rt_str_meth_<strName>). */
  readonly strName?: string;
  readonly rules: readonly Rule[];
  readonly result: Result;
  readonly remap?: keyof typeof REMAP;
  /** A keyword argument converted with rules[0] (split's sep). */
  readonly kw?: string;
}

const DELEGATED: readonly Delegated[] = [
  ...(['find', 'rfind', 'count'] as const).map((name): Delegated => ({ name, rules: ['byteOrInt'], result: 'raw' })),
  { name: 'index', strName: 'find', rules: ['byteOrInt'], result: 'index' },
  { name: 'rindex', strName: 'rfind', rules: ['byteOrInt'], result: 'index' },
  ...(['startswith', 'endswith'] as const).map((name): Delegated => ({ name, rules: ['prefix'], result: 'raw' })),
  { name: 'replace', rules: ['bytes', 'bytes'], result: 'str' },
  ...(['partition', 'rpartition'] as const).map((name): Delegated => ({ name, rules: ['bytes'], result: 'tuple' })),
  ...(['removeprefix', 'removesuffix'] as const).map((name): Delegated => ({ name, rules: ['bytes'], result: 'str' })),
  ...(['split', 'rsplit'] as const).map((name): Delegated => ({ name, rules: ['bytesOrNone'], result: 'list', remap: 'wsIfNoSep', kw: 'sep' })),
  { name: 'splitlines', rules: [], result: 'list', remap: 'lines' },
  ...(['strip', 'lstrip', 'rstrip'] as const).map((name): Delegated => ({ name, rules: ['bytesOrNone'], result: 'str', remap: 'wsIfNoSep' })),
  ...(['center', 'ljust', 'rjust'] as const).map((name): Delegated => ({ name, rules: ['pass', 'fill'], result: 'str' })),
  { name: 'zfill', rules: [], result: 'str' },
  { name: 'expandtabs', rules: [], result: 'str' },
];
/** Most arguments any delegated method takes (more: the str method raises its arity error). */
const MAX_ARGS: Record<string, number> = { find: 3, rfind: 3, count: 3, index: 3, rindex: 3, startswith: 3, endswith: 3, replace: 3, split: 2, rsplit: 2, center: 2, ljust: 2, rjust: 2 };
const AREA_WORDS = 8;

function delegatedData(t: T, m: Delegated): RuntimeDatum[] {
  const base = `bytes_deleg_${t}_${m.name}`;
  return [
    cstr(`${base}_name`, m.name),
    ...(m.kw ? [cstr(`${base}_kw`, m.kw)] : []),
    {
      name: base,
      section: 'rodata',
      align: 8,
      emit(a) {
        a.u64(sym(`rt_str_meth_${m.strName ?? m.name}`));
        a.u64(sym(`${base}_name`));
        a.u64(sym(`bytes_tname_${t}`));
        a.u8(SELF_ID[t]);
        a.u8(RESULT[m.result]);
        a.u8(REMAP[m.remap ?? 'none']);
        a.u8(MAX_ARGS[m.name] ?? 1);
        for (let i = 0; i < 5; i++) a.u8(RULE[m.rules[i] ?? 'pass']);
        a.bytes(new Uint8Array(D.kwname - D.rules - 5));
        if (m.kw) a.u64(sym(`${base}_kw`));
        else a.u64(0);
      },
    },
  ];
}

/**
 * Check args[0] (rdi = args, rsi = nargs, rdx = desc with name/tname/self as D) is exactly the
 * type: jumps to `fail` with CPython's TypeError otherwise. Clobbers caller-saved registers.
 */
function checkSelf(a: Assembler<any>, args: typeof rdi, nargs: typeof rdi, desc: typeof rdi, fail: Label): void {
  const have = a.newLabel();
  const ok = a.newLabel();
  const isArray = a.newLabel();
  const bad = a.newLabel();
  a.test(nargs, nargs);
  a.jne(have);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_bytes_unbound')));
  a.mov(rdx, qword(mem(desc, D.tname)));
  a.mov(rcx, qword(mem(desc, D.name)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(have);
  a.mov(rdi, qword(mem(args)));
  a.call(sym('rt_type_of'));
  a.cmp(byte(mem(desc, D.self)), 0);
  a.jne(isArray);
  a.lea(rcx, rip(sym('type_bytes')));
  a.cmp(rax, rcx);
  a.je(ok);
  a.jmp(bad);
  a.bind(isArray);
  a.lea(rcx, rip(sym('type_bytearray')));
  a.cmp(rax, rcx);
  a.je(ok);
  a.bind(bad);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_bytes_descriptor')));
  a.mov(rdx, qword(mem(desc, D.name)));
  a.mov(rcx, qword(mem(desc, D.tname)));
  a.mov(r8, qword(mem(args)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(ok);
}

const convArg: RuntimeRoutine = {
  name: 'rt_bytes_conv_arg',
  contract: 'rdi=argument, esi=RULE (bytesmeth.ts), rdx=desc -> rax=the value the str method gets (a view for bytes-like), or EXC (TypeError, ValueError as bytes methods); may allocate',
  emit(a) {
    const out = a.newLabel();
    const needBytes = a.newLabel();
    const isView = a.newLabel();
    const ret = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(r12, rdi);
    a.mov(qword(mem(rsp)), rdi);
    a.mov(r13d, esi);
    a.mov(r14, rdx);
    a.mov(rax, r12);
    a.test(r13d, r13d);
    a.je(ret); // pass
    const notNone = a.newLabel();
    a.cmp(r13d, RULE.bytesOrNone);
    a.jne(notNone);
    a.cmp(r12, g('rt_const_None'));
    a.je(ret);
    a.bind(notNone);
    a.mov(rdi, r12);
    a.call(sym('rt_bytes_rawof'));
    a.test(rax, rax);
    a.je(needBytes);
    // fill: exactly one byte
    const notFill = a.newLabel();
    a.cmp(r13d, RULE.fill);
    a.jne(notFill);
    a.cmp(qword(mem(rax, BYTES.length)), 1);
    a.je(isView);
    a.jmp(needBytes);
    a.bind(notFill);
    a.bind(isView);
    a.mov(rdi, rax);
    a.xor(esi, esi);
    a.call(sym('rt_bytes_view'));
    a.jmp(ret);
    a.bind(needBytes);
    const notInt = a.newLabel();
    const notPrefix = a.newLabel();
    const notFill2 = a.newLabel();
    a.cmp(r13d, RULE.byteOrInt);
    a.jne(notInt);
    {
      const range = a.newLabel();
      const typeErr = a.newLabel();
      a.mov(rdi, r12);
      a.call(sym('rt_str_index_value'));
      a.cmp(edx, 2);
      a.je(typeErr);
      a.test(edx, edx);
      a.jne(range);
      a.cmp(rax, 255);
      a.ja(range);
      a.mov(edi, eax);
      a.call(sym('rt_str_char'));
      a.jmp(ret);
      a.bind(range);
      a.lea(rdi, rip(sym('type_ValueError')));
      a.lea(rsi, rip(sym('msg_bytes_byte_range')));
      a.call(sym('rt_raise_fmt'));
      a.jmp(ret);
      a.bind(typeErr);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_int_or_bytes')));
      a.mov(rdx, r12);
      a.call(sym('rt_raise_fmt'));
      a.jmp(ret);
    }
    a.bind(notInt);
    a.cmp(r13d, RULE.prefix);
    a.jne(notPrefix);
    {
      // a tuple of bytes-likes: a new tuple of their views
      const notTuple = a.newLabel();
      a.mov(rdi, r12);
      a.call(sym('rt_type_of'));
      a.lea(rcx, rip(sym('type_tuple')));
      a.cmp(rax, rcx);
      a.jne(notTuple);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.mov(rdi, qword(mem(rax, TUPLE.length)));
      a.call(sym('rt_tuple_alloc'));
      a.mov(qword(mem(rsp, 8)), rax);
      a.xor(ebx, ebx);
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      a.mov(rax, r12);
      unboxPtr(a, rax);
      a.cmp(rbx, qword(mem(rax, TUPLE.length)));
      a.jae(done);
      a.mov(rbp, qword(sib(rax, rbx, 8, TUPLE.items)));
      a.mov(rdi, rbp);
      a.call(sym('rt_bytes_rawof'));
      const itemOk = a.newLabel();
      a.test(rax, rax);
      a.jne(itemOk);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
      a.mov(rdx, rbp);
      a.call(sym('rt_raise_fmt'));
      a.jmp(ret);
      a.bind(itemOk);
      a.mov(rdi, rax);
      a.xor(esi, esi);
      a.call(sym('rt_bytes_view'));
      a.mov(rcx, qword(mem(rsp, 8)));
      a.mov(qword(sib(rcx, rbx, 8, TUPLE.items)), rax);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, qword(mem(rsp, 8)));
      boxPtr(a, rax, rcx);
      a.jmp(ret);
      a.bind(notTuple);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_prefix')));
      a.mov(rdx, qword(mem(r14, D.name)));
      a.mov(rcx, r12);
      a.call(sym('rt_raise_fmt'));
      a.jmp(ret);
    }
    a.bind(notPrefix);
    a.cmp(r13d, RULE.fill);
    a.jne(notFill2);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_fill')));
    a.mov(rdx, qword(mem(r14, D.name)));
    a.mov(rcx, r12);
    a.call(sym('rt_raise_fmt'));
    a.jmp(ret);
    a.bind(notFill2);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
    a.mov(rdx, r12);
    a.call(sym('rt_raise_fmt'));
    a.bind(ret);
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

/** Frame of rt_bytes_delegate. */
const F = { area: 0, kw: 64, sep: 72, res: 80, size: 88 } as const;

const delegate: RuntimeRoutine = {
  name: 'rt_bytes_delegate',
  contract: 'rdi=args (self first), rsi=nargs, rdx=kwnames or 0, rcx=desc (bytesmeth.ts D) -> rax=the str method\'s result with strs turned back into bytes/bytearray, or EXC; may allocate, may raise',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, SAVED, F.size);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(qword(mem(rsp, F.kw)), rdx);
    a.mov(r14, rcx);
    for (let i = 0; i < AREA_WORDS; i++) a.mov(qword(mem(rsp, F.area + 8 * i)), 0);
    checkSelf(a, r12, r13, r14, fail);
    // nkw and the positional count
    a.xor(ebp, ebp);
    const noKw = a.newLabel();
    a.mov(rax, qword(mem(rsp, F.kw)));
    a.test(rax, rax);
    a.je(noKw);
    unboxPtr(a, rax);
    a.mov(rbp, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    a.mov(r15, r13);
    a.sub(r15, rbp);
    const fits = a.newLabel();
    a.cmp(r13, AREA_WORDS);
    a.jbe(fits);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_too_many')));
    a.mov(rdx, qword(mem(r14, D.name)));
    a.lea(rcx, mem(r13, -1));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(fits);
    // copy the arguments
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(loop);
      a.cmp(rcx, r13);
      a.jae(done);
      a.mov(rax, qword(sib(r12, rcx, 8)));
      a.mov(qword(sib(rsp, rcx, 8, F.area)), rax);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(rax, g('rt_const_unbound'));
    a.mov(qword(mem(rsp, F.sep)), rax);
    // Convert the arguments unless there are too many (the str method then says so).
    const converted = a.newLabel();
    a.lea(rax, mem(r13, -1));
    a.movzx(ecx, byte(mem(r14, D.max)));
    a.cmp(rax, rcx);
    a.ja(converted);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.mov(ebx, 1);
      a.bind(loop);
      a.cmp(rbx, r15);
      a.jae(done);
      a.cmp(rbx, 5);
      a.ja(done);
      const notSep = a.newLabel();
      a.cmp(rbx, 1);
      a.jne(notSep);
      a.mov(rax, qword(mem(rsp, F.area + 8)));
      a.mov(qword(mem(rsp, F.sep)), rax);
      a.bind(notSep);
      a.mov(rdi, qword(sib(rsp, rbx, 8, F.area)));
      a.movzx(esi, byte(sib(r14, rbx, 1, D.rules - 1)));
      a.mov(rdx, r14);
      a.call(sym('rt_bytes_conv_arg'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.mov(qword(sib(rsp, rbx, 8, F.area)), rax);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(done);
    }
    // the keyword converted like the first argument (split's sep=)
    {
      const loop = a.newLabel();
      const next = a.newLabel();
      a.cmp(qword(mem(r14, D.kwname)), 0);
      a.je(converted);
      a.xor(ebx, ebx);
      a.bind(loop);
      a.cmp(rbx, rbp);
      a.jae(converted);
      a.mov(rax, qword(mem(rsp, F.kw)));
      unboxPtr(a, rax);
      a.mov(rdi, qword(sib(rax, rbx, 8, TUPLE.items)));
      a.mov(rsi, qword(mem(r14, D.kwname)));
      a.call(sym('rt_str_equals_cstr'));
      a.test(eax, eax);
      a.je(next);
      a.lea(rcx, sib(r15, rbx, 1));
      a.mov(rdi, qword(sib(rsp, rcx, 8, F.area)));
      a.mov(qword(mem(rsp, F.sep)), rdi);
      a.movzx(esi, byte(mem(r14, D.rules)));
      a.mov(rdx, r14);
      a.call(sym('rt_bytes_conv_arg'));
      a.cmp(rax, g('rt_const_exc'));
      a.je(fail);
      a.lea(rcx, sib(r15, rbx, 1));
      a.mov(qword(sib(rsp, rcx, 8, F.area)), rax);
      a.bind(next);
      a.inc(rbx);
      a.jmp(loop);
    }
    a.bind(converted);
    // self's view, remapped as the method needs
    {
      const viewIt = a.newLabel();
      const notLines = a.newLabel();
      a.xor(esi, esi);
      a.movzx(eax, byte(mem(r14, D.remap)));
      a.cmp(eax, REMAP.lines);
      a.jne(notLines);
      a.lea(rsi, rip(sym('bytes_remap_lines')));
      a.jmp(viewIt);
      a.bind(notLines);
      a.cmp(eax, REMAP.wsIfNoSep);
      a.jne(viewIt);
      a.mov(rax, qword(mem(rsp, F.sep)));
      a.lea(rcx, rip(sym('bytes_remap_ws')));
      a.cmp(rax, g('rt_const_unbound'));
      a.cmove(rsi, rcx);
      a.cmp(rax, g('rt_const_None'));
      a.cmove(rsi, rcx);
      a.bind(viewIt);
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_bytes_rawof'));
      a.mov(rdi, rax);
      a.call(sym('rt_bytes_view'));
      a.mov(qword(mem(rsp, F.area)), rax);
    }
    a.lea(rdi, mem(rsp, F.area));
    a.mov(rsi, r13);
    a.mov(rdx, qword(mem(rsp, F.kw)));
    a.call(qword(mem(r14, D.entry)));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp, F.res)), rax);
    // the result
    const notStr = a.newLabel();
    const seq = a.newLabel();
    a.movzx(ecx, byte(mem(r14, D.result)));
    a.cmp(ecx, RESULT.raw);
    a.je(out);
    a.cmp(ecx, RESULT.str);
    a.jne(notStr);
    a.mov(rdi, rax);
    a.movzx(esi, byte(mem(r14, D.self)));
    a.call(sym('rt_bytes_unview'));
    a.jmp(out);
    a.bind(notStr);
    a.cmp(ecx, RESULT.index);
    a.jne(seq);
    a.mov(rcx, boxInt(-1n));
    a.cmp(rax, rcx);
    a.jne(out);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_bytes_subsection')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(out);
    // list or tuple of strs, converted in place (both are fresh)
    a.bind(seq);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.xor(ebx, ebx);
      a.bind(loop);
      itemsOf(a, rax, rcx, F.res, r14);
      a.cmp(rbx, rcx);
      a.jae(done);
      a.mov(rdi, qword(sib(rax, rbx, 8)));
      a.movzx(esi, byte(mem(r14, D.self)));
      a.call(sym('rt_bytes_unview'));
      a.mov(rdx, rax);
      itemsOf(a, rax, rcx, F.res, r14);
      a.mov(qword(sib(rax, rbx, 8)), rdx);
      a.inc(rbx);
      a.jmp(loop);
      a.bind(done);
      a.mov(rax, qword(mem(rsp, F.res)));
      a.jmp(out);
    }
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, F.size);
  },
};

/** rax = address of the first item, rcx = length of the list or tuple (per desc result). Clobbers rdx. */
function itemsOf(a: Assembler<any>, items: typeof rax, len: typeof rcx, slot: number, desc: typeof rax): void {
  const tuple = a.newLabel();
  const done = a.newLabel();
  a.mov(items, qword(mem(rsp, slot)));
  unboxPtr(a, items);
  a.cmp(byte(mem(desc, D.result)), RESULT.tuple);
  a.je(tuple);
  a.mov(len, qword(mem(items, LIST.length)));
  a.mov(items, qword(mem(items, LIST.items)));
  unboxPtr(a, items);
  a.add(items, VALUES.items);
  a.jmp(done);
  a.bind(tuple);
  a.mov(len, qword(mem(items, TUPLE.length)));
  a.add(items, TUPLE.items);
  a.bind(done);
}

// ---- case mapping and predicates (bytes_methods.c over pyctype.h) -----------------------

const UNARY = ['lower', 'upper', 'swapcase', 'capitalize', 'title', 'isascii', 'isalnum', 'isalpha', 'isdigit', 'isspace', 'islower', 'isupper', 'istitle'] as const;
type Unary = (typeof UNARY)[number];
const OP = Object.fromEntries(UNARY.map((m, i) => [m, i])) as Record<Unary, number>;
const CLASS_MASK: Partial<Record<Unary, number>> = { isalnum: CT.lower | CT.upper | CT.digit, isalpha: CT.lower | CT.upper, isdigit: CT.digit, isspace: CT.space };

function unaryData(t: T, m: string): RuntimeDatum[] {
  const base = `bytes_deleg_${t}_${m}`;
  return [
    cstr(`${base}_name`, m),
    {
      name: base,
      section: 'rodata',
      align: 8,
      emit(a) {
        a.u64(0);
        a.u64(sym(`${base}_name`));
        a.u64(sym(`bytes_tname_${t}`));
        a.u8(SELF_ID[t]);
        a.u8(m in OP ? OP[m as Unary] : 0);
        a.bytes(new Uint8Array(D.size - D.result - 1));
      },
    },
  ];
}

/** METH_NOARGS / METH_O arity (r12 = args, r13 = nargs, rdx = kwnames, r14 = desc); jumps to fail. */
function checkArity(a: Assembler<any>, want: number, fail: Label): void {
  const noKw = a.newLabel();
  const ok = a.newLabel();
  a.test(rdx, rdx);
  a.je(noKw);
  a.mov(rax, rdx);
  unboxPtr(a, rax);
  a.cmp(qword(mem(rax, TUPLE.length)), 0);
  a.je(noKw);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_bytes_nokw')));
  a.mov(rdx, qword(mem(r14, D.tname)));
  a.mov(rcx, qword(mem(r14, D.name)));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(noKw);
  a.cmp(r13, want);
  a.je(ok);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym(want === 1 ? 'msg_bytes_noargs' : 'msg_bytes_onearg')));
  a.mov(rdx, qword(mem(r14, D.tname)));
  a.mov(rcx, qword(mem(r14, D.name)));
  a.lea(r8, mem(r13, -1));
  a.call(sym('rt_raise_fmt'));
  a.jmp(fail);
  a.bind(ok);
}

const unary: RuntimeRoutine = {
  name: 'rt_bytes_unary',
  contract: 'rdi=args, rsi=nargs, rdx=kwnames, rcx=desc (D, op at D.result) -> rax=case-mapped bytes/bytearray or bool, or EXC; may allocate',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    const yes = a.newLabel();
    const no = a.newLabel();
    prologue(a, SAVED, 24);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rcx);
    a.mov(qword(mem(rsp, 16)), rdx);
    checkSelf(a, r12, r13, r14, fail);
    a.mov(rdx, qword(mem(rsp, 16)));
    checkArity(a, 1, fail);
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_bytes_rawof'));
    a.mov(r15, rax); // self raw (held by args)
    a.mov(rbp, qword(mem(r15, BYTES.length)));
    a.movzx(ebx, byte(mem(r14, D.result)));
    const predicates = a.newLabel();
    a.cmp(ebx, OP.isascii);
    a.jae(predicates);
    // case mapping into a new object: rdi = dst raw, r15 = src raw, rbp = n
    a.mov(rdi, rbp);
    a.call(sym('rt_bytes_alloc'));
    a.mov(qword(mem(rsp)), rax);
    a.mov(rdi, rax);
    a.lea(r8, rip(sym('bytes_toupper')));
    a.lea(r9, rip(sym('bytes_tolower')));
    a.lea(r10, rip(sym('bytes_ctype')));
    const mapped = a.newLabel();
    const viaTable = a.newLabel();
    a.lea(rsi, rip(sym('bytes_tolower')));
    a.cmp(ebx, OP.lower);
    a.je(viaTable);
    a.mov(rsi, r8);
    a.cmp(ebx, OP.upper);
    a.je(viaTable);
    a.lea(rsi, rip(sym('bytes_toswap')));
    a.cmp(ebx, OP.swapcase);
    a.je(viaTable);
    const title = a.newLabel();
    a.cmp(ebx, OP.title);
    a.je(title);
    {
      // capitalize: the first byte upper, the rest lower
      const loop = a.newLabel();
      a.xor(ecx, ecx);
      a.test(rbp, rbp);
      a.je(mapped);
      a.movzx(eax, byte(mem(r15, BYTES.data)));
      a.movzx(eax, byte(sib(r8, rax, 1)));
      a.mov(byte(mem(rdi, BYTES.data)), al);
      a.mov(ecx, 1);
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(mapped);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.movzx(eax, byte(sib(r9, rax, 1)));
      a.mov(byte(sib(rdi, rcx, 1, BYTES.data)), al);
      a.inc(rcx);
      a.jmp(loop);
    }
    a.bind(title);
    {
      // previous_is_cased decides: lower after cased, upper after uncased
      const loop = a.newLabel();
      const notLower = a.newLabel();
      const store = a.newLabel();
      a.xor(ecx, ecx);
      a.xor(edx, edx); // previous is cased
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(mapped);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.movzx(esi, byte(sib(r10, rax, 1)));
      a.test(esi, CT.lower);
      a.je(notLower);
      const keep = a.newLabel();
      a.test(edx, edx);
      a.jne(keep);
      a.movzx(eax, byte(sib(r8, rax, 1)));
      a.bind(keep);
      a.mov(edx, 1);
      a.jmp(store);
      a.bind(notLower);
      const other = a.newLabel();
      a.test(esi, CT.upper);
      a.je(other);
      const keep2 = a.newLabel();
      a.test(edx, edx);
      a.je(keep2);
      a.movzx(eax, byte(sib(r9, rax, 1)));
      a.bind(keep2);
      a.mov(edx, 1);
      a.jmp(store);
      a.bind(other);
      a.xor(edx, edx);
      a.bind(store);
      a.mov(byte(sib(rdi, rcx, 1, BYTES.data)), al);
      a.inc(rcx);
      a.jmp(loop);
    }
    a.bind(viaTable);
    {
      const loop = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(mapped);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.movzx(eax, byte(sib(rsi, rax, 1)));
      a.mov(byte(sib(rdi, rcx, 1, BYTES.data)), al);
      a.inc(rcx);
      a.jmp(loop);
    }
    a.bind(mapped);
    a.mov(rax, qword(mem(rsp)));
    boxPtr(a, rax, rcx);
    a.cmp(byte(mem(r14, D.self)), 0);
    a.je(out);
    a.mov(rdi, rax);
    a.call(sym('rt_bytearray_wrap'));
    a.jmp(out);
    // predicates: r15 = raw, rbp = n, ebx = op
    a.bind(predicates);
    a.lea(r8, rip(sym('bytes_ctype')));
    a.xor(ecx, ecx);
    {
      const notAscii = a.newLabel();
      a.cmp(ebx, OP.isascii);
      a.jne(notAscii);
      const loop = a.newLabel();
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(yes);
      a.cmp(byte(sib(r15, rcx, 1, BYTES.data)), 0x80);
      a.jae(no);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(notAscii);
    }
    a.test(rbp, rbp);
    a.je(no);
    for (const m of ['isalnum', 'isalpha', 'isdigit', 'isspace'] as const) {
      const skip = a.newLabel();
      const loop = a.newLabel();
      a.cmp(ebx, OP[m]);
      a.jne(skip);
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(yes);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.test(byte(sib(r8, rax, 1)), CLASS_MASK[m]!);
      a.je(no);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(skip);
    }
    {
      // islower / isupper: edx = classes seen
      const notCase = a.newLabel();
      const loop = a.newLabel();
      const done = a.newLabel();
      a.cmp(ebx, OP.istitle);
      a.je(notCase);
      a.xor(edx, edx);
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(done);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.or(dl, byte(sib(r8, rax, 1)));
      a.inc(rcx);
      a.jmp(loop);
      a.bind(done);
      a.and(edx, CT.lower | CT.upper);
      a.mov(eax, CT.lower);
      a.mov(ecx, CT.upper);
      a.cmp(ebx, OP.isupper);
      a.cmove(eax, ecx);
      a.cmp(edx, eax);
      a.je(yes);
      a.jmp(no);
      a.bind(notCase);
    }
    {
      // istitle: uppercase only after uncased, lowercase only after cased; some cased
      const loop = a.newLabel();
      const notUpper = a.newLabel();
      const notLower = a.newLabel();
      const done = a.newLabel();
      a.xor(edx, edx); // previous is cased
      a.xor(esi, esi); // cased seen
      a.bind(loop);
      a.cmp(rcx, rbp);
      a.jae(done);
      a.movzx(eax, byte(sib(r15, rcx, 1, BYTES.data)));
      a.movzx(eax, byte(sib(r8, rax, 1)));
      a.inc(rcx);
      a.test(eax, CT.upper);
      a.je(notUpper);
      a.test(edx, edx);
      a.jne(no);
      a.mov(edx, 1);
      a.mov(esi, 1);
      a.jmp(loop);
      a.bind(notUpper);
      a.test(eax, CT.lower);
      a.je(notLower);
      a.test(edx, edx);
      a.je(no);
      a.mov(esi, 1);
      a.jmp(loop);
      a.bind(notLower);
      a.xor(edx, edx);
      a.jmp(loop);
      a.bind(done);
      a.test(esi, esi);
      a.jne(yes);
      a.jmp(no);
    }
    a.bind(yes);
    a.mov(rax, g('rt_const_True'));
    a.jmp(out);
    a.bind(no);
    a.mov(rax, g('rt_const_False'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

// ---- join, maketrans, translate ---------------------------------------------------------

const join: RuntimeRoutine = {
  name: 'rt_bytes_join',
  contract: 'rdi=args (self, iterable), rsi=nargs, rdx=kwnames, rcx=desc -> rax=bytes/bytearray of the items joined by self, or EXC (TypeError "can only join an iterable", "sequence item N: expected a bytes-like object, T found"); may allocate, may raise',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    // [rsp] = list of the items, [rsp+8] = result raw
    prologue(a, SAVED, 24);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rcx);
    a.mov(qword(mem(rsp)), 0);
    a.mov(qword(mem(rsp, 8)), 0);
    a.mov(qword(mem(rsp, 16)), rdx);
    checkSelf(a, r12, r13, r14, fail);
    a.mov(rdx, qword(mem(rsp, 16)));
    checkArity(a, 2, fail);
    a.mov(rdi, qword(mem(r12, 8)));
    a.call(sym('rt_type_of'));
    const iterable = a.newLabel();
    a.cmp(qword(mem(rax, typeSlot('iter'))), 0);
    a.jne(iterable);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_join_iterable')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(iterable);
    a.mov(rdi, qword(mem(r12, 8)));
    a.call(sym('rt_list_from_iterable'));
    a.cmp(rax, g('rt_const_exc'));
    a.je(fail);
    a.mov(qword(mem(rsp)), rax);
    // pass 1: types and total length (rbp)
    const listItems = (dst: typeof rax, len: typeof rax): void => {
      a.mov(dst, qword(mem(rsp)));
      unboxPtr(a, dst);
      a.mov(len, qword(mem(dst, LIST.length)));
      a.mov(dst, qword(mem(dst, LIST.items)));
      unboxPtr(a, dst);
      a.add(dst, VALUES.items);
    };
    a.xor(ebp, ebp);
    a.xor(ebx, ebx);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.bind(loop);
      listItems(r15, r8);
      a.cmp(rbx, r8);
      a.jae(done);
      a.mov(rdi, qword(sib(r15, rbx, 8)));
      a.call(sym('rt_bytes_rawof'));
      const ok = a.newLabel();
      a.test(rax, rax);
      a.jne(ok);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_join_item')));
      a.mov(rdx, rbx);
      a.mov(rcx, qword(sib(r15, rbx, 8)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(ok);
      a.add(rbp, qword(mem(rax, BYTES.length)));
      a.inc(rbx);
      a.jmp(loop);
      a.bind(done);
      const none = a.newLabel();
      a.test(rbx, rbx);
      a.je(none);
      a.dec(rbx);
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_bytes_rawof'));
      a.imul(rbx, qword(mem(rax, BYTES.length)));
      a.add(rbp, rbx);
      a.bind(none);
    }
    a.mov(rdi, rbp);
    a.call(sym('rt_bytes_alloc'));
    a.mov(qword(mem(rsp, 8)), rax);
    // pass 2: copy (rdi = destination cursor)
    a.lea(rdi, mem(rax, BYTES.data));
    a.xor(ebx, ebx);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      const first = a.newLabel();
      a.bind(loop);
      listItems(r15, r8);
      a.cmp(rbx, r8);
      a.jae(done);
      a.test(rbx, rbx);
      a.je(first);
      a.mov(rbp, rdi);
      a.mov(rdi, qword(mem(r12)));
      a.call(sym('rt_bytes_rawof'));
      a.mov(rdi, rbp);
      a.lea(rsi, mem(rax, BYTES.data));
      a.mov(rcx, qword(mem(rax, BYTES.length)));
      a.rep_movsb();
      a.bind(first);
      a.mov(rbp, rdi);
      a.mov(rdi, qword(sib(r15, rbx, 8)));
      a.call(sym('rt_bytes_rawof'));
      a.mov(rdi, rbp);
      a.lea(rsi, mem(rax, BYTES.data));
      a.mov(rcx, qword(mem(rax, BYTES.length)));
      a.rep_movsb();
      a.inc(rbx);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(rax, qword(mem(rsp, 8)));
    boxPtr(a, rax, rcx);
    a.cmp(byte(mem(r14, D.self)), 0);
    a.je(out);
    a.mov(rdi, rax);
    a.call(sym('rt_bytearray_wrap'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, 24);
  },
};

const maketrans: RuntimeRoutine = {
  name: 'rt_bytes_meth_maketrans',
  contract: 'bytes.maketrans(frm, to) (static; vector ABI) -> rax=bytes of 256 with frm[i] mapped to to[i], or EXC; may allocate',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, SAVED, 8);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    const noKw = a.newLabel();
    a.test(rdx, rdx);
    a.je(noKw);
    a.mov(rax, rdx);
    unboxPtr(a, rax);
    a.cmp(qword(mem(rax, TUPLE.length)), 0);
    a.je(noKw);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_maketrans_kw')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(noKw);
    const two = a.newLabel();
    a.cmp(r13, 2);
    a.je(two);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_maketrans_args')));
    a.mov(rdx, r13);
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(two);
    for (const i of [0, 1]) {
      const ok = a.newLabel();
      a.mov(rdi, qword(mem(r12, 8 * i)));
      a.call(sym('rt_bytes_rawof'));
      a.test(rax, rax);
      a.jne(ok);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
      a.mov(rdx, qword(mem(r12, 8 * i)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(ok);
      a.mov(i === 0 ? r14 : r15, rax);
    }
    const same = a.newLabel();
    a.mov(rax, qword(mem(r14, BYTES.length)));
    a.cmp(rax, qword(mem(r15, BYTES.length)));
    a.je(same);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_bytes_maketrans_len')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(same);
    a.mov(edi, 256);
    a.call(sym('rt_bytes_alloc'));
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(loop);
      a.mov(byte(sib(rax, rcx, 1, BYTES.data)), cl);
      a.inc(ecx);
      a.cmp(ecx, 256);
      a.jb(loop);
      a.xor(ecx, ecx);
      const loop2 = a.newLabel();
      a.bind(loop2);
      a.cmp(rcx, qword(mem(r14, BYTES.length)));
      a.jae(done);
      a.movzx(edx, byte(sib(r14, rcx, 1, BYTES.data)));
      a.movzx(esi, byte(sib(r15, rcx, 1, BYTES.data)));
      a.mov(rdi, rsi);
      a.lea(rsi, sib(rax, rdx, 1));
      a.mov(rdx, rdi);
      a.mov(byte(mem(rsi, BYTES.data)), dl);
      a.inc(rcx);
      a.jmp(loop2);
      a.bind(done);
    }
    boxPtr(a, rax, rcx);
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, 8);
  },
};

/** Frame of rt_bytes_translate: the delete set (256 bytes), then slots. */
const TR = { del: 0, table: 256, delete: 264, res: 272, size: 280 } as const;

const translate: RuntimeRoutine = {
  name: 'rt_bytes_translate',
  contract: 'bytes.translate(table, /, delete=b\'\'): rdi=args, rsi=nargs, rdx=kwnames, rcx=desc -> rax=bytes/bytearray, or EXC; may allocate',
  emit(a) {
    const out = a.newLabel();
    const fail = a.newLabel();
    prologue(a, SAVED, TR.size);
    a.mov(r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rcx);
    a.mov(r15, rdx);
    checkSelf(a, r12, r13, r14, fail);
    a.mov(rax, g('rt_const_unbound'));
    a.mov(qword(mem(rsp, TR.table)), rax);
    a.mov(qword(mem(rsp, TR.delete)), rax);
    // positional count rbx, keywords: only delete=
    a.xor(ebp, ebp);
    const noKw = a.newLabel();
    a.test(r15, r15);
    a.je(noKw);
    a.mov(rax, r15);
    unboxPtr(a, rax);
    a.mov(rbp, qword(mem(rax, TUPLE.length)));
    a.bind(noKw);
    a.lea(rbx, mem(r13, -1));
    a.sub(rbx, rbp);
    const countOk = a.newLabel();
    a.lea(rax, mem(r13, -1));
    a.cmp(rax, 2);
    a.jbe(countOk);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_translate_many')));
    a.mov(rdx, rax);
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(countOk);
    const havePos = a.newLabel();
    a.test(rbx, rbx);
    a.jne(havePos);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_translate_few')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(havePos);
    a.mov(rax, qword(mem(r12, 8)));
    a.mov(qword(mem(rsp, TR.table)), rax);
    const posDelete = a.newLabel();
    const kwDone = a.newLabel();
    a.cmp(rbx, 2);
    a.jne(posDelete);
    a.mov(rax, qword(mem(r12, 16)));
    a.mov(qword(mem(rsp, TR.delete)), rax);
    a.bind(posDelete);
    a.test(rbp, rbp);
    a.je(kwDone);
    {
      // one keyword (the count check leaves room for one): it must be delete=
      a.mov(rax, r15);
      unboxPtr(a, rax);
      a.mov(rdi, qword(mem(rax, TUPLE.items)));
      a.lea(rsi, rip(sym('bytes_kw_delete')));
      a.call(sym('rt_str_equals_cstr'));
      const isDelete = a.newLabel();
      a.test(eax, eax);
      a.jne(isDelete);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_translate_kw')));
      a.mov(rdx, r15);
      unboxPtr(a, rdx);
      a.mov(rdx, qword(mem(rdx, TUPLE.items)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(isDelete);
      a.mov(rax, qword(sib(r12, r13, 8, -8)));
      a.mov(qword(mem(rsp, TR.delete)), rax);
    }
    a.bind(kwDone);
    // table: None or 256 bytes -> r15 raw or 0
    a.xor(r15, r15);
    const tableDone = a.newLabel();
    a.mov(rdi, qword(mem(rsp, TR.table)));
    a.cmp(rdi, g('rt_const_None'));
    a.je(tableDone);
    a.call(sym('rt_bytes_rawof'));
    const tableIs = a.newLabel();
    a.test(rax, rax);
    a.jne(tableIs);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
    a.mov(rdx, qword(mem(rsp, TR.table)));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(tableIs);
    a.mov(r15, rax);
    a.cmp(qword(mem(r15, BYTES.length)), 256);
    a.je(tableDone);
    a.lea(rdi, rip(sym('type_ValueError')));
    a.lea(rsi, rip(sym('msg_bytes_table_len')));
    a.call(sym('rt_raise_fmt'));
    a.jmp(fail);
    a.bind(tableDone);
    // the delete set
    a.lea(rdi, mem(rsp, TR.del));
    a.xor(eax, eax);
    a.mov(ecx, 256);
    a.rep_stosb();
    {
      const none = a.newLabel();
      a.mov(rdi, qword(mem(rsp, TR.delete)));
      a.cmp(rdi, g('rt_const_unbound'));
      a.je(none);
      a.call(sym('rt_bytes_rawof'));
      const ok = a.newLabel();
      a.test(rax, rax);
      a.jne(ok);
      a.lea(rdi, rip(sym('type_TypeError')));
      a.lea(rsi, rip(sym('msg_bytes_need_bytes_like')));
      a.mov(rdx, qword(mem(rsp, TR.delete)));
      a.call(sym('rt_raise_fmt'));
      a.jmp(fail);
      a.bind(ok);
      const loop = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(loop);
      a.cmp(rcx, qword(mem(rax, BYTES.length)));
      a.jae(none);
      a.movzx(edx, byte(sib(rax, rcx, 1, BYTES.data)));
      a.mov(byte(sib(rsp, rdx, 1, TR.del)), 1);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(none);
    }
    // count the kept bytes (rbp), allocate, write
    a.mov(rdi, qword(mem(r12)));
    a.call(sym('rt_bytes_rawof'));
    a.mov(rbx, rax);
    a.xor(ebp, ebp);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      a.xor(ecx, ecx);
      a.bind(loop);
      a.cmp(rcx, qword(mem(rbx, BYTES.length)));
      a.jae(done);
      a.movzx(edx, byte(sib(rbx, rcx, 1, BYTES.data)));
      a.movzx(edx, byte(sib(rsp, rdx, 1, TR.del)));
      a.xor(edx, 1);
      a.add(rbp, rdx);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(done);
    }
    a.mov(rdi, rbp);
    a.call(sym('rt_bytes_alloc'));
    a.mov(qword(mem(rsp, TR.res)), rax);
    {
      const loop = a.newLabel();
      const done = a.newLabel();
      const skip = a.newLabel();
      const noTable = a.newLabel();
      a.xor(ecx, ecx);
      a.xor(edi, edi);
      a.bind(loop);
      a.cmp(rcx, qword(mem(rbx, BYTES.length)));
      a.jae(done);
      a.movzx(edx, byte(sib(rbx, rcx, 1, BYTES.data)));
      a.cmp(byte(sib(rsp, rdx, 1, TR.del)), 0);
      a.jne(skip);
      a.test(r15, r15);
      a.je(noTable);
      a.movzx(edx, byte(sib(r15, rdx, 1, BYTES.data)));
      a.bind(noTable);
      a.mov(byte(sib(rax, rdi, 1, BYTES.data)), dl);
      a.inc(rdi);
      a.bind(skip);
      a.inc(rcx);
      a.jmp(loop);
      a.bind(done);
    }
    boxPtr(a, rax, rcx);
    a.cmp(byte(mem(r14, D.self)), 0);
    a.je(out);
    a.mov(rdi, rax);
    a.call(sym('rt_bytearray_wrap'));
    a.jmp(out);
    a.bind(fail);
    a.mov(rax, g('rt_const_exc'));
    a.bind(out);
    epilogue(a, SAVED, TR.size);
  },
};

// ---- entries and the module -------------------------------------------------------------

const CUSTOM = { join: 'rt_bytes_join', translate: 'rt_bytes_translate' } as const;

function entry(t: T, m: string, target: string): RuntimeRoutine {
  return {
    name: `rt_${t}_meth_${m}`,
    contract: `${t}.${m} (vector ABI) -> the result or EXC (${target} with its descriptor)`,
    emit(a) {
      a.lea(rcx, rip(sym(`bytes_deleg_${t}_${m}`)));
      a.jmp(sym(target));
    },
  };
}

const entries: RuntimeRoutine[] = TYPES.flatMap((t) => [
  ...DELEGATED.map((m) => entry(t, m.name, 'rt_bytes_delegate')),
  ...UNARY.map((m) => entry(t, m, 'rt_bytes_unary')),
  ...Object.entries(CUSTOM).map(([m, target]) => entry(t, m, target)),
]);

const METHODS: RuntimeMethod[] = TYPES.flatMap((t) => [
  // startswith/endswith enter through bytesx.ts, which takes a tuple of prefixes to Python (stops at the first match)
  ...[...DELEGATED.map((m) => m.name), ...UNARY, ...Object.keys(CUSTOM)].map((m) => ({ type: t, name: m, entry: m === 'startswith' || m === 'endswith' ? `rt_bytesx_${t}_${m}` : `rt_${t}_meth_${m}` })),
  { type: t, name: 'maketrans', entry: 'rt_bytes_meth_maketrans', kind: 'staticmethod' as const },
]);

export const bytesMethModule: RuntimeModule = {
  name: 'bytesmeth',
  types: [],
  builtins: [],
  methods: METHODS,
  routines: [...viewRoutines, convArg, delegate, unary, join, maketrans, translate, ...entries],
  data: [
    ...Object.entries(TABLES).map(([name, bytes]): RuntimeDatum => ({ name, section: 'rodata', align: 16, emit: (a) => a.bytes(bytes) })),
    ...TYPES.map((t) => cstr(`bytes_tname_${t}`, t)),
    ...TYPES.flatMap((t) => [...DELEGATED.flatMap((m) => delegatedData(t, m)), ...[...UNARY, ...Object.keys(CUSTOM)].flatMap((m) => unaryData(t, m))]),
    cstr('bytes_kw_delete', 'delete'),
    cstr('msg_bytes_unbound', "unbound method %s.%s() needs an argument"),
    cstr('msg_bytes_descriptor', "descriptor '%s' for '%s' objects doesn't apply to a '%T' object"),
    cstr('msg_bytes_too_many', '%s() takes at most 3 arguments (%d given)'),
    cstr('msg_bytes_int_or_bytes', "argument should be integer or bytes-like object, not '%T'"),
    cstr('msg_bytes_prefix', '%s first arg must be bytes or a tuple of bytes, not %T'),
    cstr('msg_bytes_fill', '%s() argument 2 must be a byte string of length 1, not %T'),
    cstr('msg_bytes_subsection', 'subsection not found'),
    cstr('msg_bytes_nokw', '%s.%s() takes no keyword arguments'),
    cstr('msg_bytes_noargs', '%s.%s() takes no arguments (%d given)'),
    cstr('msg_bytes_onearg', '%s.%s() takes exactly one argument (%d given)'),
    cstr('msg_bytes_join_iterable', 'can only join an iterable'),
    cstr('msg_bytes_join_item', 'sequence item %d: expected a bytes-like object, %T found'),
    cstr('msg_bytes_maketrans_kw', 'maketrans() takes no keyword arguments'),
    cstr('msg_bytes_maketrans_args', 'maketrans expected 2 arguments, got %d'),
    cstr('msg_bytes_maketrans_len', 'maketrans arguments must have same length'),
    cstr('msg_bytes_translate_many', 'translate() takes at most 2 arguments (%d given)'),
    cstr('msg_bytes_translate_few', 'translate() takes at least 1 positional argument (0 given)'),
    cstr('msg_bytes_translate_kw', "'%U' is an invalid keyword argument for translate()"),
    cstr('msg_bytes_table_len', 'translation table must be 256 characters long'),
  ],
};
