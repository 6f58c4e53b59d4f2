// Runtime core: calling type objects, exception construction, and the builtins print()
// and len() with the vector ABI (rdi = args, rsi = nargs, rdx = kwnames or 0).
//
// Static builtin-function objects (`bfn_<name>`) are generated for every module's
// `builtins` table (see builtinFunctionObjects below); the program compiles a reference to
// a builtin name into a reference to that object.

import { type Assembler, al, byte, eax, ebp, ebx, ecx, edx, esi, mem, qword, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { boxInt, STR, TUPLE, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeDatum, RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { builtinFunctionData } from '../../src/native/statics.js';
import { cstr } from './exc.js';
import { staticStr } from './descrkit.js';

export const builtinsModule: RuntimeModule = {
  name: 'builtins',
  builtins: [
    { name: 'print', entry: 'rt_builtin_print' },
    { name: 'len', entry: 'rt_builtin_len' },
    { name: 'repr', entry: 'rt_builtin_repr' },
  ],
  routines: [
    {
      name: 'rt_call_type',
      contract: "call slot of type objects: type(x) gives x's type; otherwise the type's new slot, then its init slot when the result is an instance; may allocate, may raise",
      emit(a: Assembler<any>) {
        const saved = [rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const notTypeOf = a.newLabel();
        const noNew = a.newLabel();
        const skipInit = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rbp, rdi);
        unboxPtr(a, rbp); // the type (raw)
        // type(x): one positional argument and no keywords.
        a.lea(rax, rip(sym('type_type')));
        a.cmp(rbp, rax);
        a.jne(notTypeOf);
        a.cmp(r14, 1);
        a.jne(notTypeOf);
        a.test(r15, r15);
        a.jne(notTypeOf);
        a.mov(rdi, qword(mem(r13)));
        a.call(sym('rt_type_of'));
        boxPtr(a, rax, rcx);
        a.jmp(out);
        a.bind(notTypeOf);
        a.mov(rax, qword(mem(rbp, typeSlot('new'))));
        a.test(rax, rax);
        a.je(noNew);
        a.mov(rdi, rbp); // new slots take the type's address
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.call(rax);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        // __init__ runs when new returned an instance of the type: the init slot of the
        // result's own type (type_call: a metaclass's __new__ may return a subclass instance).
        a.mov(qword(mem(rsp)), rax);
        a.mov(rdi, rax);
        a.mov(rsi, rbp);
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(skipInit);
        a.mov(rdi, qword(mem(rsp)));
        a.call(sym('rt_type_of'));
        a.mov(rax, qword(mem(rax, typeSlot('init'))));
        a.test(rax, rax);
        a.je(skipInit);
        a.mov(rdi, qword(mem(rsp)));
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.call(rax);
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.bind(skipInit);
        a.mov(rax, qword(mem(rsp)));
        a.jmp(out);
        a.bind(noNew);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_cannot_create')));
        a.mov(rdx, rbp);
        a.call(sym('rt_raise_fmt'));
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_new_BaseException',
      contract: 'new slot of exception types: (type, args, nargs, kwnames) -> exception with args=tuple(the positional arguments); keywords are left to __init__ (CPython BaseException_new; BaseException.__init__ refuses them); may allocate',
      emit(a: Assembler<any>) {
        const kw = a.newLabel();
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.test(rcx, rcx);
        a.je(kw);
        a.mov(rax, rcx);
        unboxPtr(a, rax);
        a.sub(rdx, qword(mem(rax, TUPLE.length)));
        a.bind(kw);
        a.mov(rdi, rsi);
        a.mov(esi, edx);
        a.call(sym('rt_build_tuple'));
        a.mov(rsi, rax);
        a.mov(rdi, r12);
        unboxPtr(a, rdi);
        a.call(sym('rt_exc_new'));
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_builtin_print',
      contract: 'print(*objects, sep=" ", end="\\n", flush=False) to stdout; vector ABI; may allocate, may raise',
      emit(a: Assembler<any>) {
        // Locals: [rsp] sep (str or UNBOUND = " "), [rsp+8] end (or UNBOUND = "\n"), [rsp+16] fd
        // (1, 2) or a file object whose write() takes the text (rt_print_emit),
        // [rsp+24] flush (truth of the argument, taken while parsing as CPython's clinic does).
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        const fail = a.newLabel();
        prologue(a, saved, 40);
        a.mov(r12, rdi);
        a.mov(r13, rsi); // nargs (positional + keyword)
        a.mov(r14, rdx); // kwnames
        a.mov(rax, UNBOUND);
        a.mov(qword(mem(rsp)), rax);
        a.mov(qword(mem(rsp, 8)), rax);
        a.mov(qword(mem(rsp, 24)), 0);
        // No file= (or None): sys.stdout, which a program may have replaced.
        a.mov(rdi, g('rt_const_None'));
        a.call(sym('rt_stream_fd'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(qword(mem(rsp, 16)), rax);
        // Keywords: sep, end, file, flush.
        const noKw = a.newLabel();
        a.test(r14, r14);
        a.je(noKw);
        {
          const loop = a.newLabel();
          const next = a.newLabel();
          a.mov(rax, r14);
          unboxPtr(a, rax);
          a.mov(rbx, qword(mem(rax, TUPLE.length)));
          a.sub(r13, rbx); // positional count
          a.xor(ebp, ebp);
          a.bind(loop);
          a.cmp(rbp, rbx);
          a.jae(noKw);
          a.mov(rax, r14);
          unboxPtr(a, rax);
          a.mov(r15, qword(sib(rax, rbp, 8, TUPLE.items))); // name
          for (const [kwname, slotOff] of [['sep', 0], ['end', 8]] as const) {
            const notIt = a.newLabel();
            const okType = a.newLabel();
            a.mov(rdi, r15);
            a.lea(rsi, rip(sym(`str_kw_${kwname}`)));
            a.call(sym('rt_str_equals_cstr'));
            a.test(eax, eax);
            a.je(notIt);
            a.lea(rax, sib(r13, rbp, 1));
            a.mov(rax, qword(sib(r12, rax, 8)));
            a.cmp(rax, g('rt_const_None'));
            a.je(next);
            a.mov(qword(mem(rsp, slotOff)), rax);
            a.mov(rdi, rax);
            a.lea(rsi, rip(sym('type_str')));
            a.call(sym('rt_isinstance_type'));
            a.test(eax, eax);
            a.jne(okType);
            a.lea(rdi, rip(sym('type_TypeError')));
            a.lea(rsi, rip(sym(`msg_print_${kwname}_type`)));
            a.mov(rdx, qword(mem(rsp, slotOff)));
            a.call(sym('rt_raise_fmt'));
            a.jmp(out);
            a.bind(okType);
            a.jmp(next);
            a.bind(notIt);
          }
          {
            const notFlush = a.newLabel();
            a.mov(rdi, r15);
            a.lea(rsi, rip(sym('str_kw_flush')));
            a.call(sym('rt_str_equals_cstr'));
            a.test(eax, eax);
            a.je(notFlush);
            a.lea(rax, sib(r13, rbp, 1));
            a.mov(rdi, qword(sib(r12, rax, 8)));
            a.call(sym('rt_truthy'));
            a.test(eax, eax);
            a.js(fail);
            a.mov(qword(mem(rsp, 24)), rax);
            a.jmp(next);
            a.bind(notFlush);
          }
          {
            // file=sys.stderr / sys.stdout: the stream objects carry their fd.
            const notFile = a.newLabel();
            a.mov(rdi, r15);
            a.lea(rsi, rip(sym('str_kw_file')));
            a.call(sym('rt_str_equals_cstr'));
            a.test(eax, eax);
            a.je(notFile);
            a.lea(rax, sib(r13, rbp, 1));
            a.mov(rdi, qword(sib(r12, rax, 8)));
            a.call(sym('rt_stream_fd'));
            a.cmp(rax, g('rt_const_exc'));
            a.je(out);
            a.mov(qword(mem(rsp, 16)), rax);
            a.jmp(next);
            a.bind(notFile);
          }
          a.lea(rdi, rip(sym('type_TypeError')));
          a.lea(rsi, rip(sym('msg_print_bad_kw')));
          a.mov(rdx, r15);
          a.call(sym('rt_raise_fmt'));
          a.jmp(out);
          a.bind(next);
          a.inc(rbp);
          a.jmp(loop);
        }
        a.bind(noKw);
        // The objects, separated by sep.
        {
          const loop = a.newLabel();
          const done = a.newLabel();
          const first = a.newLabel();
          a.xor(ebx, ebx);
          a.bind(loop);
          a.cmp(rbx, r13);
          a.jae(done);
          a.test(rbx, rbx);
          a.je(first);
          a.mov(rdi, qword(mem(rsp)));
          a.mov(rsi, g('bi_s_space.v'));
          a.mov(rdx, qword(mem(rsp, 16)));
          a.call(sym('rt_print_part'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.bind(first);
          a.mov(rdi, qword(sib(r12, rbx, 8)));
          a.call(sym('rt_str'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.mov(rdi, rax);
          a.mov(rsi, qword(mem(rsp, 16)));
          a.call(sym('rt_print_emit'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.inc(rbx);
          a.jmp(loop);
          a.bind(done);
          a.mov(rdi, qword(mem(rsp, 8)));
          a.mov(rsi, g('bi_s_newline.v'));
          a.mov(rdx, qword(mem(rsp, 16)));
          a.call(sym('rt_print_part'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          const noFlush = a.newLabel();
          const fdFlush = a.newLabel();
          a.cmp(qword(mem(rsp, 24)), 0);
          a.je(noFlush);
          a.cmp(qword(mem(rsp, 16)), 2);
          a.jbe(fdFlush);
          // a file object: file.flush()
          a.mov(rdi, qword(mem(rsp, 16)));
          a.mov(rsi, g('bi_s_flush.v'));
          a.call(sym('rt_getattr'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.mov(rdi, rax);
          a.xor(esi, esi);
          a.xor(edx, edx);
          a.xor(ecx, ecx);
          a.call(sym('rt_call'));
          a.cmp(rax, g('rt_const_exc'));
          a.je(fail);
          a.jmp(noFlush);
          a.bind(fdFlush);
          a.call(sym('rt_flush_stdout'));
          a.bind(noFlush);
          a.mov(rax, g('rt_const_None'));
          a.jmp(out);
        }
        a.bind(fail);
        a.mov(rax, g('rt_const_exc'));
        a.bind(out);
        epilogue(a, saved, 40);
      },
    },
    {
      name: 'rt_print_part',
      contract: 'rdi=str value or UNBOUND, rsi=default str value, rdx=fd or file object (rt_print_emit): write the str, or the default when UNBOUND -> rax=0 or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        a.cmp(rdi, g('rt_const_unbound'));
        a.cmove(rdi, rsi);
        a.mov(rsi, rdx);
        a.jmp(sym('rt_print_emit'));
      },
    },
    {
      name: 'rt_print_emit',
      contract: 'rdi=str value, rsi=fd (1 stdout, 2 stderr) or a file object -> write it to the fd, or call file.write(str) (CPython PyFile_WriteObject) -> rax=0 or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const obj = a.newLabel();
        const out = a.newLabel();
        a.cmp(rsi, 2);
        a.ja(obj);
        a.sub(rsp, 8);
        a.call(sym('rt_str_write'));
        a.add(rsp, 8);
        a.xor(eax, eax);
        a.ret();
        a.bind(obj);
        // [rsp] = the str (the argument vector of write), [rsp+8] the file
        a.sub(rsp, 24);
        a.mov(qword(mem(rsp)), rdi);
        a.mov(qword(mem(rsp, 8)), rsi);
        a.mov(rdi, rsi);
        a.mov(rsi, g('bi_s_write.v'));
        a.call(sym('rt_getattr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.mov(rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(out);
        a.xor(eax, eax);
        a.bind(out);
        a.add(rsp, 24);
        a.ret();
      },
    },
    {
      name: 'rt_str_equals_cstr',
      contract: 'rdi=str value, rsi=NUL-terminated ASCII -> eax=1 if equal, else 0; clobbers rax rcx rdx rdi rsi',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const no = a.newLabel();
        const end = a.newLabel();
        unboxPtr(a, rdi);
        a.cmp(byte(mem(rdi, STR.kind)), 1);
        a.jne(no);
        a.mov(rdx, qword(mem(rdi, STR.length)));
        a.xor(ecx, ecx);
        a.bind(loop);
        a.movzx(eax, byte(sib(rsi, rcx, 1)));
        a.cmp(rcx, rdx);
        a.je(end);
        a.test(eax, eax);
        a.je(no);
        a.cmp(al, byte(sib(rdi, rcx, 1, STR.data)));
        a.jne(no);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(end);
        // Both ended: the C string must end here too.
        a.test(eax, eax);
        a.jne(no);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_stream_fd',
      contract: 'rdi=a file= argument -> rax=its fd (None: sys.stdout\'s; sys.stdout/sys.stderr objects: 1/2), else the object itself (print calls its write()), or EXC; may allocate',
      emit(a: Assembler<any>) {
        const notNone = a.newLabel();
        const notStream = a.newLabel();
        const noSys = a.newLabel();
        a.cmp(rdi, g('rt_const_None'));
        a.jne(notNone);
        // None: sys.stdout, unless the program never imported sys (then it is fd 1)
        a.mov(rdi, qword(rip(sym('rt_modules_table'))));
        a.mov(rax, boxInt(0n));
        a.cmp(rdi, rax);
        a.je(noSys);
        a.mov(rsi, g('bi_s_stdout.v'));
        a.sub(rsp, 8);
        a.call(sym('rt_getattr'));
        a.add(rsp, 8);
        const ok = a.newLabel();
        a.cmp(rax, g('rt_const_exc'));
        a.jne(ok);
        a.ret();
        a.bind(ok);
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noSys);
        a.cmp(rax, g('rt_const_None'));
        a.je(noSys);
        a.mov(rdi, rax);
        a.jmp(notNone);
        a.bind(noSys);
        a.mov(eax, 1);
        a.ret();
        a.bind(notNone);
        a.push(rdi);
        a.lea(rsi, rip(sym('type_TextIOWrapper')));
        a.call(sym('rt_isinstance_type'));
        a.pop(rdi);
        a.test(eax, eax);
        a.je(notStream);
        unboxPtr(a, rdi);
        a.mov(rax, qword(mem(rdi, 16))); // TEXTIO.fd
        a.shl(rax, 16);
        a.sar(rax, 16);
        a.ret();
        a.bind(notStream);
        a.mov(rax, rdi);
        a.ret();
      },
    },
    {
      name: 'rt_builtin_repr',
      contract: 'repr(obj): vector ABI -> str value or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        a.test(rdx, rdx);
        a.jne(bad);
        a.cmp(rsi, 1);
        a.jne(bad);
        a.mov(rdi, qword(mem(rdi)));
        a.jmp(sym('rt_repr'));
        a.bind(bad);
        a.mov(rdx, rsi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_repr_args')));
        a.jmp(sym('rt_raise_fmt'));
      },
    },
    {
      name: 'rt_builtin_len',
      contract: 'len(obj): vector ABI -> int value or EXC; may allocate, may raise',
      emit(a: Assembler<any>) {
        const bad = a.newLabel();
        const failed = a.newLabel();
        const kw = a.newLabel();
        a.test(rdx, rdx);
        a.jne(kw);
        a.cmp(rsi, 1);
        a.jne(bad);
        a.sub(rsp, 8);
        a.mov(rdi, qword(mem(rdi)));
        a.call(sym('rt_len'));
        a.add(rsp, 8);
        a.test(rax, rax);
        a.js(failed);
        // A length may pass int48: range(0, 10**18) or a class's __len__ up to sys.maxsize.
        a.mov(rdi, rax);
        a.jmp(sym('rt_int_from_i64'));
        a.bind(failed);
        a.mov(rax, g('rt_const_exc'));
        a.ret();
        a.bind(bad);
        a.mov(rdx, rsi);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_len_args')));
        a.jmp(sym('rt_raise_fmt'));
        a.bind(kw);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_len_no_kw')));
        a.jmp(sym('rt_raise_cstr'));
      },
    },
  ],
  data: [
    ...staticStr('bi_s_write', 'write'),
    ...staticStr('bi_s_flush', 'flush'),
    ...staticStr('bi_s_stdout', 'stdout'),
    ...staticStr('bi_s_space', ' '),
    ...staticStr('bi_s_newline', '\n'),
    cstr('msg_len_args', 'len() takes exactly one argument (%d given)'),
    cstr('msg_len_no_kw', 'len() takes no keyword arguments'),
    cstr('msg_repr_args', 'repr() takes exactly one argument (%d given)'),
    cstr('msg_cannot_create', "cannot create '%N' instances"),
    cstr('msg_print_sep_type', 'sep must be None or a string, not %T'),
    cstr('msg_print_end_type', 'end must be None or a string, not %T'),
    cstr('msg_print_bad_kw', "'%U' is an invalid keyword argument for print()"),
    cstr('str_kw_sep', 'sep'),
    cstr('str_kw_end', 'end'),
    cstr('str_kw_file', 'file'),
    cstr('str_kw_flush', 'flush'),
    cstr('str_space', ' '),
    cstr('str_newline_c', '\n'),
  ],
};


/** Static builtin-function objects for every module's `builtins` table. */
export function builtinFunctionObjects(modules: readonly RuntimeModule[]): RuntimeDatum[] {
  const out: RuntimeDatum[] = [];
  for (const m of modules) {
    for (const b of m.builtins ?? []) out.push(...builtinFunctionData(`bfn_${b.name}`, b.name, b.entry));
  }
  return out;
}
