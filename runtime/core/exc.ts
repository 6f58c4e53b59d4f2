// Runtime core: raising exceptions, and message formatting for the runtime's own errors.
//
// A routine that raises stores the exception object in `rt_exc` and returns the EXC word
// (layout.ts); every caller checks for it. `rt_exc_info` is the exception currently being
// handled (sys.exc_info(), bare `raise`, implicit chaining), UNBOUND when none.
//
// Runtime errors with CPython's messages are raised with `rt_raise_fmt(type, fmt, ...)`: a
// NUL-terminated format in rodata (see `cstr`) with up to four arguments:
//   %s  C string          %U  str value            %R  repr() of a value
//   %T  type name of a value                        %N  name of a type (raw address)
//   %d  signed 64-bit integer   %p  address (0x hex)   %%  a percent sign

import {
  type Assembler, al, byte, cl, dl, eax, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbp, rcx, rdi, rdx, r8, r9, rip, rsi, rsp, sym,
} from '../../src/asm/index.js';
import { EXC, EXCEPTION, TAG_OBJ, TYPE, TYPEFLAG_BUILTIN, UNBOUND, boxInt } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';

/** Bytes of formatted message the runtime keeps (longer messages are cut). */
export const FMT_BUFFER = 2048;

/** A NUL-terminated UTF-8 string in rodata, for messages and formats. */
export function cstr(name: string, text: string): RuntimeDatum {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && !'sURTNdp%'.includes(text[i + 1] ?? '')) throw new Error(`${name}: bad format directive %${text[i + 1]}`);
    if (text[i] === '%') i++;
  }
  return { name, section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode(`${text}\0`)) };
}

/** A NUL-terminated UTF-8 string in rodata that is text, not a format (may contain '%'). */
export function textCstr(name: string, text: string): RuntimeDatum {
  return { name, section: 'rodata', align: 1, emit: (a) => a.bytes(new TextEncoder().encode(`${text}\0`)) };
}

/** Value words that start out UNBOUND. */
function unboundWord(name: string): RuntimeDatum {
  return { name, section: 'data', align: 8, emit: (a) => a.u64(UNBOUND) };
}

export const excModule: RuntimeModule = {
  name: 'exc',
  routines: [
    {
      name: 'rt_exc_new',
      contract: 'rdi=exception type address, rsi=args tuple value -> rax=new exception value (no traceback, cause or context); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // AttributeError and NameError get their family words (name, obj): suggest.ts.
        a.mov(rdi, r12);
        a.call(sym('rt_exc_alloc_for'));
        a.mov(qword(mem(rax, EXCEPTION.args)), r13);
        a.mov(rcx, UNBOUND);
        for (const f of ['traceback', 'cause', 'context', 'dict', 'notes'] as const) a.mov(qword(mem(rax, EXCEPTION[f])), rcx);
        a.mov(rcx, boxInt(0n));
        a.mov(qword(mem(rax, EXCEPTION.suppress)), rcx);
        boxPtr(a, rax, rcx);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_init_BaseException',
      contract: 'init slot of exceptions: (self, args, nargs, kwnames) -> 0 with self.args = the positional arguments, or EXC ("X() takes no keyword arguments"); may allocate',
      emit(a: Assembler<any>) {
        const kw = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.test(rcx, rcx);
        a.je(kw);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.cmp(qword(mem(rax, 16)), 0); // TUPLE.length
        const none = a.newLabel();
        a.je(none);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(rdx, rax);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_exc_no_kw')));
        a.call(sym('rt_raise_fmt'));
        a.jmp(out);
        a.bind(none);
        a.bind(kw);
        a.mov(rdi, rsi);
        a.mov(rsi, rdx);
        a.call(sym('rt_tuple_from_values'));
        a.mov(rcx, r12);
        unboxPtr(a, rcx);
        a.mov(qword(mem(rcx, EXCEPTION.args)), rax);
        a.xor(eax, eax);
        a.bind(out);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_raise',
      contract: 'rdi=exception instance or class -> rax=EXC with rt_exc set (context chained to rt_exc_info); TypeError if not an exception; may allocate',
      emit(a: Assembler<any>) {
        const notExc = a.newLabel();
        const isClass = a.newLabel();
        const heapClass = a.newLabel();
        const setIt = a.newLabel();
        const store = a.newLabel();
        const out = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(rax, r12);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(notExc);
        a.mov(r13, r12);
        unboxPtr(a, r13);
        a.mov(rdi, qword(mem(r13)));
        a.lea(rsi, rip(sym('type_type')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.jne(isClass);
        a.mov(rdi, qword(mem(r13)));
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(notExc);
        a.jmp(setIt);
        // A class: instantiate it with no arguments.
        a.bind(isClass);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_is_subtype'));
        a.test(eax, eax);
        a.je(notExc);
        a.test(qword(mem(r13, TYPE.flags)), TYPEFLAG_BUILTIN);
        a.je(heapClass);
        a.mov(rdi, r13);
        a.mov(rsi, qword(rip(sym('rt_const_empty_tuple'))));
        a.call(sym('rt_exc_new'));
        a.mov(r12, rax);
        a.mov(r13, rax);
        unboxPtr(a, r13);
        a.jmp(setIt);
        a.bind(heapClass);
        a.mov(rdi, r12);
        a.xor(esi, esi);
        a.xor(edx, edx);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // CPython: "calling X should have returned an instance of BaseException, not Y".
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(notExc);
        a.mov(r13, r12);
        unboxPtr(a, r13);
        // Implicit chaining: the exception being handled becomes the new one's __context__,
        // unless it is the same object.
        a.bind(setIt);
        a.mov(rax, g('rt_exc_info'));
        a.cmp(rax, r12);
        a.je(store);
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(store);
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_exc_set_context'));
        a.bind(store);
        a.mov(g('rt_exc'), r12);
        a.mov(rax, EXC);
        a.bind(out);
        epilogue(a, [r12, r13]);
        a.bind(notExc);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_exc_must_derive')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      },
    },
    {
      name: 'rt_exc_set_context',
      contract: 'rdi=exception value, rsi=context exception value: set __context__, first cutting rsi\'s context chain where it reaches rdi (no cycles, as CPython); no alloc, no raise',
      emit(a: Assembler<any>) {
        const walk = a.newLabel();
        const done = a.newLabel();
        const cut = a.newLabel();
        // rcx walks rsi's chain: o = rsi; while o.context is an object: if o.context is rdi: cut.
        a.mov(rcx, rsi);
        a.bind(walk);
        unboxPtr(a, rcx);
        a.mov(rax, qword(mem(rcx, EXCEPTION.context)));
        a.cmp(rax, rdi);
        a.je(cut);
        a.mov(rdx, rax);
        a.shr(rdx, 48);
        a.cmp(edx, TAG_OBJ);
        a.jne(done);
        a.mov(rcx, rax);
        a.jmp(walk);
        a.bind(cut);
        a.mov(rax, UNBOUND);
        a.mov(qword(mem(rcx, EXCEPTION.context)), rax);
        a.bind(done);
        a.mov(rax, rdi);
        unboxPtr(a, rax);
        a.mov(qword(mem(rax, EXCEPTION.context)), rsi);
        a.ret();
      },
    },
    {
      name: 'rt_raise_msg',
      contract: 'rdi=exception type address, rsi=message str value -> rax=EXC (raises type(message)); may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        a.call(sym('rt_tuple_pack1'));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_exc_new'));
        a.mov(rdi, rax);
        a.call(sym('rt_raise'));
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_raise_cstr',
      contract: 'rdi=exception type address, rsi=NUL-terminated UTF-8 message -> rax=EXC; may allocate',
      emit(a: Assembler<any>) {
        const scan = a.newLabel();
        const found = a.newLabel();
        prologue(a, [r12]);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        a.mov(rcx, rsi);
        a.bind(scan);
        a.cmp(byte(mem(rcx)), 0);
        a.je(found);
        a.inc(rcx);
        a.jmp(scan);
        a.bind(found);
        a.sub(rcx, rdi);
        a.mov(rsi, rcx);
        a.call(sym('rt_str_from_utf8'));
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_raise_msg'));
        epilogue(a, [r12]);
      },
    },
    {
      name: 'rt_raise_fmt',
      contract: 'rdi=exception type address, rsi=format (see exc.ts), rdx, rcx, r8, r9=arguments -> rax=EXC; may allocate (a %R repr that raises raises instead)',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12], 40);
        a.mov(qword(mem(rsp, 0)), rdx);
        a.mov(qword(mem(rsp, 8)), rcx);
        a.mov(qword(mem(rsp, 16)), r8);
        a.mov(qword(mem(rsp, 24)), r9);
        a.mov(r12, rdi);
        a.mov(rdi, rsi);
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, r12);
        a.mov(rsi, rax);
        a.call(sym('rt_raise_msg'));
        a.bind(out);
        epilogue(a, [r12], 40);
      },
    },
    {
      name: 'rt_str_fmt',
      contract: 'rdi=format (see exc.ts), rsi=address of the argument words -> rax=str value or EXC (a %R repr raised); output beyond FMT_BUFFER bytes is cut; may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, FMT_BUFFER);
        // r12 = format, r13 = next argument, r14 = output position, r15 = output limit
        // (8 bytes of slack below the end, so one code point always fits).
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rsp);
        a.lea(r15, mem(rsp, FMT_BUFFER - 8));
        const loop = a.newLabel();
        const literal = a.newLabel();
        const next = a.newLabel();
        const finish = a.newLabel();
        const out = a.newLabel();
        const putc = (c: number | typeof al): void => {
          const full = a.newLabel();
          a.cmp(r14, r15);
          a.jae(full);
          a.mov(byte(mem(r14)), c as any);
          a.inc(r14);
          a.bind(full);
        };
        /** Append the str value in rdi. */
        const putStr = (): void => {
          a.xor(esi, esi);
          a.mov(rdx, r14);
          a.lea(rcx, mem(r15, 8));
          a.sub(rcx, r14);
          a.call(sym('rt_str_encode_utf8'));
          a.add(r14, rax);
        };
        const argument = (reg: typeof rdi): void => {
          a.mov(reg, qword(mem(r13)));
          a.add(r13, 8);
        };
        a.bind(loop);
        a.movzx(eax, byte(mem(r12)));
        a.test(eax, eax);
        a.je(finish);
        a.inc(r12);
        a.cmp(eax, 0x25); // '%'
        a.jne(literal);
        a.movzx(eax, byte(mem(r12)));
        a.inc(r12);
        const cases: [string, () => void][] = [
          ['s', () => {
            const copy = a.newLabel();
            const copied = a.newLabel();
            argument(rsi);
            a.bind(copy);
            a.movzx(eax, byte(mem(rsi)));
            a.test(eax, eax);
            a.je(copied);
            putc(al);
            a.inc(rsi);
            a.jmp(copy);
            a.bind(copied);
          }],
          ['U', () => {
            argument(rdi);
            putStr();
          }],
          ['T', () => {
            argument(rdi);
            a.call(sym('rt_type_of'));
            a.mov(rdi, qword(mem(rax, TYPE.name)));
            putStr();
          }],
          ['N', () => {
            argument(rdi);
            a.mov(rdi, qword(mem(rdi, TYPE.name)));
            putStr();
          }],
          ['d', () => {
            argument(rsi);
            a.mov(rdi, r14);
            a.call(sym('rt_fmt_i64'));
            a.add(r14, rax);
          }],
          ['p', () => {
            argument(rsi);
            a.mov(rdi, r14);
            a.call(sym('rt_fmt_hex'));
            a.add(r14, rax);
          }],
          ['R', () => {
            argument(rdi);
            a.call(sym('rt_repr'));
            a.cmp(rax, g('rt_const_exc'));
            a.je(out);
            a.mov(rdi, rax);
            putStr();
          }],
        ];
        for (const [ch, body] of cases) {
          const skip = a.newLabel();
          a.cmp(eax, ch.charCodeAt(0));
          a.jne(skip);
          body();
          a.jmp(loop);
          a.bind(skip);
        }
        // '%%' (and anything cstr() let through) is a literal character.
        a.bind(literal);
        putc(al);
        a.bind(next);
        a.jmp(loop);
        a.bind(finish);
        a.mov(rdi, rsp);
        a.mov(rsi, r14);
        a.sub(rsi, rsp);
        a.call(sym('rt_str_from_utf8'));
        a.bind(out);
        epilogue(a, saved, FMT_BUFFER);
      },
    },
    {
      name: 'rt_fmt_i64',
      contract: 'rdi=destination (>= 20 bytes of room), rsi=signed 64-bit integer -> rax=bytes written (decimal, "-" if negative); clobbers rax rcx rdx rsi rdi r8 r9; no alloc',
      emit(a: Assembler<any>) {
        // Digits are produced backwards into a 24-byte stack area, then copied.
        const pos = a.newLabel();
        const digits = a.newLabel();
        const copy = a.newLabel();
        a.sub(rsp, 24);
        a.mov(r8, rdi);
        a.mov(rax, rsi);
        a.test(rax, rax);
        a.jns(pos);
        a.mov(byte(mem(r8)), 0x2d); // '-'
        a.inc(r8);
        a.neg(rax); // INT64_MIN stays 2^63 when read unsigned below
        a.bind(pos);
        a.lea(r9, mem(rsp, 24)); // end of the digit area
        a.mov(ecx, 10);
        a.bind(digits);
        a.xor(edx, edx);
        a.div(rcx);
        a.add(edx, 0x30);
        a.dec(r9);
        a.mov(byte(mem(r9)), dl);
        a.test(rax, rax);
        a.jne(digits);
        // Copy r9 .. rsp+24 to r8.
        a.bind(copy);
        a.movzx(eax, byte(mem(r9)));
        a.mov(byte(mem(r8)), al);
        a.inc(r8);
        a.inc(r9);
        a.lea(rcx, mem(rsp, 24));
        a.cmp(r9, rcx);
        a.jb(copy);
        a.mov(rax, r8);
        a.sub(rax, rdi);
        a.add(rsp, 24);
        a.ret();
      },
    },
    {
      name: 'rt_fmt_hex',
      contract: 'rdi=destination (>= 18 bytes of room), rsi=unsigned 64-bit integer -> rax=bytes written ("0x" and lowercase hex digits, no leading zeros); clobbers rax rcx rdx rsi r8; no alloc',
      emit(a: Assembler<any>) {
        const skip = a.newLabel();
        const emitDigit = a.newLabel();
        const digitDone = a.newLabel();
        a.mov(byte(mem(rdi)), 0x30);
        a.mov(byte(mem(rdi, 1)), 0x78);
        a.lea(r8, mem(rdi, 2));
        a.mov(ecx, 60);
        // Skip leading zero nibbles (keep at least one digit).
        a.bind(skip);
        a.test(ecx, ecx);
        a.je(emitDigit);
        a.mov(rax, rsi);
        a.shr(rax, cl);
        a.test(eax, 15);
        a.jne(emitDigit);
        a.sub(ecx, 4);
        a.jmp(skip);
        a.bind(emitDigit);
        a.mov(rax, rsi);
        a.shr(rax, cl);
        a.and(eax, 15);
        a.lea(edx, mem(rax, 0x30));
        a.cmp(eax, 10);
        const isDigit = a.newLabel();
        a.jb(isDigit);
        a.lea(edx, mem(rax, 0x61 - 10));
        a.bind(isDigit);
        a.mov(byte(mem(r8)), dl);
        a.inc(r8);
        a.sub(ecx, 4);
        a.jns(emitDigit);
        a.bind(digitDone);
        a.mov(rax, r8);
        a.sub(rax, rdi);
        a.ret();
      },
    },
  ],
  data: [
    unboundWord('rt_exc'),
    unboundWord('rt_exc_info'),
    { name: 'rt_const_exc', section: 'rodata', align: 8, emit: (a) => a.u64(EXC) },
    { name: 'rt_const_unbound', section: 'rodata', align: 8, emit: (a) => a.u64(UNBOUND) },
    { name: 'rt_const_empty_tuple', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:obj_empty_tuple')) },
    cstr('msg_exc_must_derive', 'exceptions must derive from BaseException'),
    cstr('msg_exc_no_kw', '%N() takes no keyword arguments'),
  ],
};

