// Runtime str methods of shape and translation: strip, lstrip, rstrip, center, ljust,
// rjust, zfill, expandtabs, translate, str.maketrans, and the dunder methods programs call
// by name (__len__, __add__, __mul__, __rmul__, __getitem__, __hash__, __eq__ ...).
//
// Role: method entries (vector ABI, strargs.ts) over small cores. Padding and expandtabs
// write their result directly in the final kind (the widest of the str and the fill
// character); stripping returns a substring (the str itself when nothing is removed).
// translate looks characters up in exact dicts through the containers' rt_dict_getitem
// and in other mappings through the generic rt_getitem (LookupError = keep), as
// unicode_translate does.

import {
  type Assembler, type Label, al, byte, cl, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r15, r15d, r8, r8d, r9, r9d, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym,
} from '../../src/asm/index.js';
import { BIGINT, STR } from '../../src/native/layout.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, loadCodePoint, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { ARG, type ArgSpec, boxSmall, requireStr, specData, ssizeArg, strMethod } from './strargs.js';
import { type Kind, type R64, box, byKind, kindOf, ld, lenOf, raw, st } from './strkit.js';
import { UC } from './unicode.js';

// ---- strip --------------------------------------------------------------------------------

const STRIP_LEFT = 1;
const STRIP_RIGHT = 2;

/** Jump to `yes` if the code point in edx is in the set: whitespace (r15 = 0) or the code points of the str at raw r15. Clobbers rax rcx rdi r8 r9. */
function ifInSet(a: Assembler<any>, yes: Label): void {
  const chars = a.newLabel();
  const done = a.newLabel();
  a.test(r15, r15);
  a.jne(chars);
  a.mov(edi, edx);
  a.call(sym('rt_unicode_info'));
  a.test(eax, UC.space);
  a.jne(yes);
  a.jmp(done);
  a.bind(chars);
  kindOf(a, r9d, r15);
  a.xor(r8d, r8d);
  const loop = a.newLabel();
  a.bind(loop);
  a.cmp(r8, qword(mem(r15, STR.length)));
  a.jae(done);
  loadCodePoint(a, eax, r15, r8, r9);
  a.cmp(eax, edx);
  a.je(yes);
  a.inc(r8);
  a.jmp(loop);
  a.bind(done);
}


const strip: RuntimeRoutine = {
  name: 'rt_str_strip',
  contract: 'rdi=str value, rsi=chars (str value, or None for whitespace), edx=sides (1 left, 2 right, 3 both) -> rax=str value stripped; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    a.mov(ebp, edx);
    a.xor(r15d, r15d);
    a.cmp(rsi, g('rt_const_None'));
    const ws = a.newLabel();
    a.je(ws);
    raw(a, r15, rsi);
    a.bind(ws);
    raw(a, r13, rdi);
    kindOf(a, ebx, r13); // rbx = kind (loadCodePoint), j on the stack
    a.xor(r14, r14); // i
    lenOf(a, rax, r13);
    a.mov(qword(mem(rsp)), rax); // j
    const leftDone = a.newLabel();
    const rightDone = a.newLabel();
    a.test(ebp, STRIP_LEFT);
    a.je(leftDone);
    const lloop = a.newLabel();
    const lnext = a.newLabel();
    a.bind(lloop);
    a.cmp(r14, qword(mem(rsp)));
    a.jae(leftDone);
    loadCodePoint(a, edx, r13, r14, rbx);
    ifInSet(a, lnext);
    a.jmp(leftDone);
    a.bind(lnext);
    a.inc(r14);
    a.jmp(lloop);
    a.bind(leftDone);
    a.test(ebp, STRIP_RIGHT);
    a.je(rightDone);
    const rloop = a.newLabel();
    const rnext = a.newLabel();
    a.bind(rloop);
    a.mov(rax, qword(mem(rsp)));
    a.cmp(rax, r14);
    a.jbe(rightDone);
    a.dec(rax);
    loadCodePoint(a, edx, r13, rax, rbx);
    ifInSet(a, rnext);
    a.jmp(rightDone);
    a.bind(rnext);
    a.dec(qword(mem(rsp)));
    a.jmp(rloop);
    a.bind(rightDone);
    a.mov(rdi, r12);
    a.mov(rsi, r14);
    a.mov(rdx, qword(mem(rsp)));
    a.call(sym('rt_str_substr'));
    epilogue(a, saved, 8);
  },
};


function stripMethod(method: 'strip' | 'lstrip' | 'rstrip'): RuntimeRoutine {
  const sides = method === 'strip' ? STRIP_LEFT | STRIP_RIGHT : method === 'lstrip' ? STRIP_LEFT : STRIP_RIGHT;
  return strMethod({ method, kind: 'pos', min: 0, max: 1 }, `rt_str_meth_${method}`, 'str or EXC', (a, out) => {
    const go = a.newLabel();
    const bad = a.newLabel();
    a.mov(rsi, ARG(1));
    a.cmp(rsi, g('rt_const_unbound'));
    const given = a.newLabel();
    a.jne(given);
    a.mov(rsi, g('rt_const_None'));
    a.mov(ARG(1), rsi);
    a.bind(given);
    a.cmp(rsi, g('rt_const_None'));
    a.je(go);
    a.mov(rdi, rsi);
    a.call(sym('rt_str_check'));
    a.test(eax, eax);
    a.je(bad);
    a.bind(go);
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
    a.mov(edx, sides);
    a.call(sym('rt_str_strip'));
    a.jmp(out);
    a.bind(bad);
    a.lea(rdi, rip(sym('type_TypeError')));
    a.lea(rsi, rip(sym(`msg_str_${method}_arg`)));
    a.call(sym('rt_raise_cstr'));
  });
}

// ---- padding ------------------------------------------------------------------------------

const pad: RuntimeRoutine = {
  name: 'rt_str_pad',
  contract: 'rdi=str value, rsi=left count, rdx=right count, ecx=fill code point -> rax=str value fill*left + s + fill*right; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    prologue(a, saved, 8);
    raw(a, r12, rdi);
    a.mov(r13, rsi);
    a.mov(r14, rdx);
    a.mov(ebp, ecx);
    // kind: max of the str's and the fill character's
    kindOf(a, ebx, r12);
    a.mov(eax, 2);
    a.cmp(ebp, 0xffff);
    a.mov(ecx, 4);
    a.cmova(eax, ecx);
    a.mov(ecx, 1);
    a.cmp(ebp, 0xff);
    a.cmovbe(eax, ecx);
    a.cmp(ebx, eax);
    a.cmovb(ebx, eax);
    lenOf(a, rdi, r12);
    a.add(rdi, r13);
    a.add(rdi, r14);
    a.mov(esi, ebx);
    a.call(sym('rt_str_alloc'));
    a.mov(r15, rax);
    a.cmp(ebp, 0x80);
    a.setb(al);
    a.and(al, byte(mem(r12, STR.ascii)));
    a.mov(byte(mem(r15, STR.ascii)), al);
    // fill [0, left) and [left + n, total)
    byKind(a, ebx, (k) => {
      fill(a, k, 0, r13);
      lenOf(a, rcx, r12);
      a.add(rcx, r13);
      fillFrom(a, k, rcx, r14);
    });
    a.lea(rdi, mem(r15, STR.data));
    a.mov(ecx, ebx);
    a.shr(ecx, 1);
    a.mov(rax, r13);
    a.shl(rax, cl);
    a.add(rdi, rax);
    a.mov(esi, ebx);
    a.lea(rdx, mem(r12, STR.data));
    kindOf(a, ecx, r12);
    lenOf(a, r8, r12);
    a.call(sym('rt_str_copy_cps'));
    a.mov(rax, r15);
    box(a, rax);
    epilogue(a, saved, 8);

    function fill(asm: Assembler<any>, k: Kind, from: number, count: R64): void {
      asm.mov(rcx, from);
      fillFrom(asm, k, rcx, count);
    }
    /** Store the fill code point (ebp) at indexes [start, start + count) of r15. */
    function fillFrom(asm: Assembler<any>, k: Kind, start: R64, count: R64): void {
      const loop = asm.newLabel();
      const done = asm.newLabel();
      asm.lea(rdx, sib(start, count, 1));
      asm.bind(loop);
      asm.cmp(start, rdx);
      asm.jae(done);
      st(asm, k, r15, start, ebp, STR.data);
      asm.inc(start);
      asm.jmp(loop);
      asm.bind(done);
    }
  },
};

/** rax = the fill code point from ARG(2) (space when omitted); jumps to `fail` with TypeError. */
function fillChar(a: Assembler<any>, fail: Label): void {
  const given = a.newLabel();
  const done = a.newLabel();
  const bad = a.newLabel();
  a.mov(rdi, ARG(2));
  a.cmp(rdi, g('rt_const_unbound'));
  a.jne(given);
  a.mov(eax, 0x20);
  a.jmp(done);
  a.bind(given);
  requireStr(a, rdi, 'msg_str_fill_type', fail);
  a.mov(rax, ARG(2));
  raw(a, rax, rax);
  a.cmp(qword(mem(rax, STR.length)), 1);
  a.jne(bad);
  kindOf(a, ecx, rax);
  byKind(a, ecx, (k) => ld(a, k, eax, rax, undefined, STR.data));
  a.jmp(done);
  a.bind(bad);
  a.lea(rdi, rip(sym('type_TypeError')));
  a.lea(rsi, rip(sym('msg_str_fill_length')));
  a.call(sym('rt_raise_cstr'));
  a.jmp(fail);
  a.bind(done);
}

function padMethod(method: 'center' | 'ljust' | 'rjust'): RuntimeRoutine {
  return strMethod({ method, kind: 'pos', min: 1, max: 2 }, `rt_str_meth_${method}`, 'str or EXC', (a, out) => {
    const same = a.newLabel();
    ssizeArg(a, ARG(1), out);
    a.mov(r12, rax); // width
    fillChar(a, out);
    a.mov(r13d, eax);
    a.mov(rax, ARG(0));
    raw(a, rax, rax);
    a.mov(rcx, r12);
    a.sub(rcx, qword(mem(rax, STR.length))); // marg
    a.jle(same);
    if (method === 'center') {
      // left = marg / 2 + (marg & width & 1)
      a.mov(rsi, rcx);
      a.shr(rsi, 1);
      a.mov(rax, rcx);
      a.and(rax, r12);
      a.and(eax, 1);
      a.add(rsi, rax);
      a.mov(rdx, rcx);
      a.sub(rdx, rsi);
    } else if (method === 'ljust') {
      a.xor(esi, esi);
      a.mov(rdx, rcx);
    } else {
      a.mov(rsi, rcx);
      a.xor(edx, edx);
    }
    a.mov(rdi, ARG(0));
    a.mov(ecx, r13d);
    a.call(sym('rt_str_pad'));
    a.jmp(out);
    a.bind(same);
    a.mov(rax, ARG(0));
  });
}


const zfill = strMethod({ method: 'zfill', kind: 'one', min: 1, max: 1 }, 'rt_str_meth_zfill', 'str or EXC', (a, out) => {
  const same = a.newLabel();
  ssizeArg(a, ARG(1), out);
  a.mov(rcx, ARG(0));
  raw(a, rcx, rcx);
  a.sub(rax, qword(mem(rcx, STR.length)));
  a.jle(same);
  a.mov(r12, rax); // fill
  a.mov(rdi, ARG(0));
  a.mov(rsi, rax);
  a.xor(edx, edx);
  a.mov(ecx, 0x30);
  a.call(sym('rt_str_pad'));
  // a sign moves to the front: u[0] = sign, u[fill] = '0'
  raw(a, rcx, rax);
  kindOf(a, edx, rcx);
  byKind(a, edx, (k) => {
    const done = a.newLabel();
    ld(a, k, edi, rcx, r12, STR.data);
    const sign = a.newLabel();
    a.cmp(edi, 0x2b);
    a.je(sign);
    a.cmp(edi, 0x2d);
    a.jne(done);
    a.bind(sign);
    st(a, k, rcx, undefined, edi, STR.data);
    a.mov(edi, 0x30);
    st(a, k, rcx, r12, edi, STR.data);
    a.bind(done);
  });
  a.jmp(out);
  a.bind(same);
  a.mov(rax, ARG(0));
});

// ---- expandtabs -----------------------------------------------------------------------------

const expandtabs: RuntimeRoutine = {
  name: 'rt_str_expandtabs',
  contract: 'rdi=str value, rsi=tabsize (<= 0: tabs removed) -> rax=str value with tabs expanded to the next multiple of tabsize (columns restart after \\n and \\r); s itself without tabs; may allocate',
  emit(a) {
    const saved = [rbx, rbp, r12, r13, r14, r15] as const;
    const same = a.newLabel();
    const out = a.newLabel();
    prologue(a, saved, 8);
    a.mov(r12, rdi);
    raw(a, r13, rdi);
    a.mov(r14, rsi);
    kindOf(a, ebx, r13);
    // pass 1: output length (rbp), found tab?
    a.xor(ebp, ebp);
    a.mov(qword(mem(rsp)), 0);
    walk(a, false);
    a.cmp(qword(mem(rsp)), 0);
    a.je(same);
    a.mov(rdi, rbp);
    a.mov(esi, ebx);
    a.call(sym('rt_str_alloc'));
    a.mov(r15, rax);
    a.movzx(eax, byte(mem(r13, STR.ascii)));
    a.mov(byte(mem(r15, STR.ascii)), al);
    walk(a, true);
    a.mov(rax, r15);
    box(a, rax);
    a.jmp(out);
    a.bind(same);
    a.mov(rax, r12);
    a.bind(out);
    epilogue(a, saved, 8);

    /** One pass: r8 = index, r9 = column, rbp = output position (pass 2 writes into r15). */
    function walk(asm: Assembler<any>, write: boolean): void {
      byKind(asm, ebx, (k) => {
        const loop = asm.newLabel();
        const done = asm.newLabel();
        const notTab = asm.newLabel();
        const next = asm.newLabel();
        asm.xor(r8d, r8d);
        asm.xor(r9d, r9d);
        if (write) asm.xor(ebp, ebp);
        asm.bind(loop);
        asm.cmp(r8, qword(mem(r13, STR.length)));
        asm.jae(done);
        ld(asm, k, edx, r13, r8, STR.data);
        asm.cmp(edx, 9);
        asm.jne(notTab);
        if (!write) asm.mov(qword(mem(rsp)), 1);
        asm.test(r14, r14);
        asm.jle(next);
        // incr = tabsize - column % tabsize
        asm.mov(rax, r9);
        asm.xor(edx, edx);
        asm.div(r14);
        asm.mov(rcx, r14);
        asm.sub(rcx, rdx);
        asm.add(r9, rcx);
        if (write) {
          const sp = asm.newLabel();
          const spDone = asm.newLabel();
          asm.mov(edx, 0x20);
          asm.bind(sp);
          asm.test(rcx, rcx);
          asm.je(spDone);
          st(asm, k, r15, rbp, edx, STR.data);
          asm.inc(rbp);
          asm.dec(rcx);
          asm.jmp(sp);
          asm.bind(spDone);
        } else {
          asm.add(rbp, rcx);
        }
        asm.jmp(next);
        asm.bind(notTab);
        if (write) st(asm, k, r15, rbp, edx, STR.data);
        asm.inc(rbp);
        asm.inc(r9);
        const keepCol = asm.newLabel();
        asm.cmp(edx, 10);
        const reset = asm.newLabel();
        asm.je(reset);
        asm.cmp(edx, 13);
        asm.jne(keepCol);
        asm.bind(reset);
        asm.xor(r9d, r9d);
        asm.bind(keepCol);
        asm.bind(next);
        asm.inc(r8);
        asm.jmp(loop);
        asm.bind(done);
      });
    }
  },
};

const EXPANDTABS_SPEC: ArgSpec = { method: 'expandtabs', kind: 'kw', min: 0, max: 1, names: ['tabsize'] };

const expandtabsMethod = strMethod(EXPANDTABS_SPEC, 'rt_str_meth_expandtabs', 'str or EXC', (a, out) => {
  const dflt = a.newLabel();
  const have = a.newLabel();
  a.mov(rax, ARG(1));
  a.cmp(rax, g('rt_const_unbound'));
  a.je(dflt);
  ssizeArg(a, ARG(1), out);
  a.jmp(have);
  a.bind(dflt);
  a.mov(eax, 8);
  a.bind(have);
  a.mov(rdi, ARG(0));
  a.mov(rsi, rax);
  a.call(sym('rt_str_expandtabs'));
});

// ---- dunder methods ---------------------------------------------------------------------------

const one = (method: string): ArgSpec => ({ method, kind: 'one', min: 1, max: 1 });
const none = (method: string): ArgSpec => ({ method, kind: 'noargs', min: 0, max: 0 });

/** A dunder method over a slot routine returning a value (NotImplemented passes through). */
function dunderValue(method: string, routine: string, setup: (a: Assembler<any>) => void): RuntimeRoutine {
  const spec = method === '__len__' || method === '__hash__' || method === '__str__' || method === '__repr__' || method === '__iter__' ? none(method) : one(method);
  return strMethod(spec, `rt_str_meth_${method}`, 'value or EXC', (a) => {
    setup(a);
    a.call(sym(routine));
  });
}

const DUNDERS: RuntimeRoutine[] = [
  strMethod(none('__len__'), 'rt_str_meth___len__', 'int', (a) => {
    a.mov(rdi, ARG(0));
    a.call(sym('rt_len_str'));
    boxSmall(a);
  }),
  strMethod(none('__hash__'), 'rt_str_meth___hash__', 'int', (a) => {
    a.mov(rdi, ARG(0));
    a.call(sym('rt_hash_str'));
    a.mov(rdi, rax);
    a.call(sym('rt_str_box_i64'));
  }),
  dunderValue('__str__', 'rt_str_str', (a) => a.mov(rdi, ARG(0))),
  dunderValue('__repr__', 'rt_repr_str', (a) => a.mov(rdi, ARG(0))),
  dunderValue('__iter__', 'rt_iter_str', (a) => a.mov(rdi, ARG(0))),
  dunderValue('__getitem__', 'rt_getitem_str', (a) => {
    a.mov(rdi, ARG(0));
    a.mov(rsi, ARG(1));
  }),
  ...([['__add__', 0], ['__mul__', 2], ['__rmul__', 2], ['__mod__', 5]] as const).map(([m, op]) =>
    dunderValue(m, 'rt_binop_str', (a) => {
      a.mov(rdi, ARG(0));
      a.mov(rsi, ARG(1));
      a.mov(edx, op);
    }),
  ),
  ...(['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'] as const).map((m, op) =>
    dunderValue(m, 'rt_richcompare_str', (a) => {
      a.mov(rdi, ARG(0));
      a.mov(rsi, ARG(1));
      a.mov(edx, op);
    }),
  ),
];

/** rt_str_box_i64: an i64 as an int value (hash values may exceed int48). */
const boxI64: RuntimeRoutine = {
  name: 'rt_str_box_i64',
  contract: 'rdi=i64 -> rax=int value (small int, or a big int when beyond int48); may allocate',
  emit(a) {
    const big = a.newLabel();
    a.mov(rax, rdi);
    a.shl(rax, 16);
    a.sar(rax, 16);
    a.cmp(rax, rdi);
    a.jne(big);
    a.shl(rax, 16);
    a.shr(rax, 16);
    a.mov(rcx, 0xfff9n << 48n);
    a.or(rax, rcx);
    a.ret();
    // A big int: 2 digits and a sign (layout.ts BIGINT).
    a.bind(big);
    a.push(rdi);
    a.mov(edi, BIGINT.digits + 16);
    a.lea(rsi, rip(sym('type_int')));
    a.call(sym('rt_alloc'));
    a.pop(rdi);
    a.mov(rcx, rdi);
    a.mov(rdx, 1);
    a.test(rcx, rcx);
    const pos = a.newLabel();
    a.jns(pos);
    a.neg(rcx);
    a.mov(rdx, -1);
    a.bind(pos);
    a.mov(qword(mem(rax, BIGINT.sign)), rdx);
    a.mov(qword(mem(rax, BIGINT.digits)), rcx); // two 32-bit digits, little-endian
    const oneDigit = a.newLabel();
    a.mov(edx, 1);
    a.shr(rcx, 32);
    a.je(oneDigit);
    a.mov(edx, 2);
    a.bind(oneDigit);
    a.mov(qword(mem(rax, BIGINT.ndigits)), rdx);
    box(a, rax);
    a.ret();
  },
};

export const STR_METHOD_SPECS: ArgSpec[] = [
  { method: 'strip', kind: 'pos', min: 0, max: 1 },
  { method: 'lstrip', kind: 'pos', min: 0, max: 1 },
  { method: 'rstrip', kind: 'pos', min: 0, max: 1 },
  { method: 'center', kind: 'pos', min: 1, max: 2 },
  { method: 'ljust', kind: 'pos', min: 1, max: 2 },
  { method: 'rjust', kind: 'pos', min: 1, max: 2 },
  one('zfill'),
  EXPANDTABS_SPEC,
  none('__len__'), none('__hash__'), none('__str__'), none('__repr__'), none('__iter__'),
  one('__getitem__'), one('__add__'), one('__mul__'), one('__rmul__'), one('__mod__'),
  one('__lt__'), one('__le__'), one('__eq__'), one('__ne__'), one('__gt__'), one('__ge__'),
];

const NAMES = ['strip', 'lstrip', 'rstrip', 'center', 'ljust', 'rjust', 'zfill', 'expandtabs', '__len__', '__hash__', '__str__', '__repr__', '__iter__', '__getitem__', '__add__', '__mul__', '__rmul__', '__mod__', '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

export const strMethodsModule: RuntimeModule = {
  name: 'strmethods',
  routines: [
    strip, stripMethod('strip'), stripMethod('lstrip'), stripMethod('rstrip'),
    pad, padMethod('center'), padMethod('ljust'), padMethod('rjust'), zfill,
    expandtabs, expandtabsMethod, boxI64, ...DUNDERS,
  ],
  methods: NAMES.map((m) => ({ type: 'str', name: m, entry: `rt_str_meth_${m}` })),
  data: [
    ...STR_METHOD_SPECS.flatMap(specData),
    cstr('msg_str_strip_arg', 'strip arg must be None or str'),
    cstr('msg_str_lstrip_arg', 'lstrip arg must be None or str'),
    cstr('msg_str_rstrip_arg', 'rstrip arg must be None or str'),
    cstr('msg_str_fill_type', 'The fill character must be a unicode character, not %T'),
    cstr('msg_str_fill_length', 'The fill character must be exactly one character long'),
  ],
};
