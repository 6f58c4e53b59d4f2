// Runtime core: attributes and methods of exception objects (CPython 3.11
// Objects/exceptions.c).
//
// BaseException's `getattr` slot serves the members and getsets: args, __traceback__,
// __cause__, __context__ (None when unset), __suppress_context__, __notes__, __dict__, then the
// attributes of the specific families, then the generic lookup (descrkit.ts) over the
// exception's dict (EXCEPTION.dict), so `e.extra = 1` and methods of classes deriving from
// exceptions work. The `setattr` slot checks the members as CPython ("exception cause must be
// None or derive from BaseException"...) and stores other names in the dict.
//
// Families with fields of their own (OSError: errno, strerror, filename, filename2,
// characters_written; ImportError: msg, name, path; AttributeError: name, obj; NameError:
// name) are allocated by their new slots with EXC_EXT words after the EXCEPTION layout and
// header aux = EXC_AUX_EXT; an exception of such a type made elsewhere (rt_exc_new, aux 0)
// reads those attributes as None. StopIteration.value and SystemExit.code are computed from
// args (an assignment goes to the dict and wins). The init slots follow CPython: args are the
// positional arguments, keywords are refused except ImportError(name=, path=),
// AttributeError(name=, obj=) and NameError(name=).

import { type Assembler, type Label, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r14, r15, r8, rax, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { EXCEPTION, HDR_AUX, TAG_INT, TUPLE, TYPE, boxInt, typeSlot, UNBOUND } from '../../src/native/layout.js';
import type { RuntimeMethod, RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { addrOf, atMem, ifNotObject, inReg, kwSpec, methodSelfCheck, nameIndex, nameTable, onExc, raiseFmt, staticStr } from './descrkit.js';

/** Family fields after the EXCEPTION layout (present when the header's aux is EXC_AUX_EXT). */
export const EXC_EXT = { f0: EXCEPTION.size, size: EXCEPTION.size + 5 * 8 } as const;
export const EXC_AUX_EXT = 1;

/** Each family's attribute names, in field order (field i at EXC_EXT.f0 + 8 * i). */
const FAMILIES = [
  { type: 'OSError', names: ['errno', 'strerror', 'filename', 'filename2', 'characters_written'] },
  { type: 'ImportError', names: ['msg', 'name', 'path'] },
  { type: 'AttributeError', names: ['name', 'obj'] },
  { type: 'NameError', names: ['name'] },
  // Set by BaseExceptionGroup's new slot (excgroup.ts).
  { type: 'BaseExceptionGroup', names: ['message', 'exceptions'] },
] as const;
const OS = { errno: EXC_EXT.f0, strerror: EXC_EXT.f0 + 8, filename: EXC_EXT.f0 + 16, filename2: EXC_EXT.f0 + 24, written: EXC_EXT.f0 + 32 } as const;
const IMPORT_MSG = EXC_EXT.f0;

/** OSError(errno, ...) of these errno values makes the subclass (CPython's errnomap, Linux). */
const ERRNO_MAP: readonly (readonly [number, string])[] = [
  [11, 'BlockingIOError'], [114, 'BlockingIOError'], [115, 'BlockingIOError'], [10, 'ChildProcessError'], [32, 'BrokenPipeError'],
  [108, 'BrokenPipeError'], [103, 'ConnectionAbortedError'], [111, 'ConnectionRefusedError'], [104, 'ConnectionResetError'],
  [17, 'FileExistsError'], [2, 'FileNotFoundError'], [21, 'IsADirectoryError'], [20, 'NotADirectoryError'], [4, 'InterruptedError'],
  [13, 'PermissionError'], [1, 'PermissionError'], [3, 'ProcessLookupError'], [110, 'TimeoutError'],
];

const BASE_NAMES = ['args', '__traceback__', '__cause__', '__context__', '__suppress_context__', '__notes__', '__dict__'] as const;
const BASE = { args: 0, traceback: 1, cause: 2, context: 3, suppress: 4, notes: 5, dict: 6 } as const;

/** Jump to `no` unless the exception (raw address in `r`) has the family fields. */
function ifNotExt(a: Assembler<any>, r: typeof rax, no: Label): void {
  a.cmp(dword(mem(r, HDR_AUX)), EXC_AUX_EXT);
  a.jne(no);
}

/** rax = the tuple of `n` words at `src` (rt_build_tuple). */
function buildTuple(a: Assembler<any>, src: typeof rax, n: typeof rax): void {
  if (src !== rdi) a.mov(rdi, src);
  if (n !== rsi) a.mov(rsi, n);
  a.call(sym('rt_build_tuple'));
}

const routines: RuntimeRoutine[] = [
  {
    name: 'rt_excattr_family_offset',
    contract: "rdi=exception value, rsi=name str -> rax=byte offset of the family field the name is for (OSError.errno, ImportError.msg...), or 0 when it names none; no alloc",
    emit(a: Assembler<any>) {
      const out = a.newLabel();
      prologue(a, [r12, r13]);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      for (const f of FAMILIES) {
        const skip = a.newLabel();
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym(`type_${f.type}`)));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(skip);
        nameIndex(a, r13, `xattr_names_${f.type}`);
        a.test(rax, rax);
        a.js(skip);
        a.lea(rax, mem(rax, EXC_EXT.f0 / 8));
        a.shl(rax, 3);
        a.jmp(out);
        a.bind(skip);
      }
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12, r13]);
    },
  },
  {
    name: 'rt_getattr_BaseException',
    contract: "getattr slot of exceptions: (exception, name) -> args, __traceback__, __cause__, __context__ (None when unset), __suppress_context__, __notes__, __dict__, the family fields (errno, msg, name...), StopIteration.value, SystemExit.code, else the generic lookup over the exception's dict; UNBOUND if absent, or EXC; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13] as const;
      const out = a.newLabel();
      const generic = a.newLabel();
      prologue(a, saved, 8);
      a.mov(r12, rdi);
      a.mov(rbx, rdi);
      unboxPtr(a, rbx);
      a.mov(r13, rsi);
      nameIndex(a, rsi, 'xattr_names_base');
      const family = a.newLabel();
      a.test(rax, rax);
      a.js(family);
      const cases: Label[] = BASE_NAMES.map(() => a.newLabel());
      BASE_NAMES.forEach((_, i) => {
        a.cmp(eax, i);
        a.je(cases[i]);
      });
      a.bind(cases[BASE.args]);
      a.mov(rax, qword(mem(rbx, EXCEPTION.args)));
      a.jmp(out);
      for (const [i, off] of [[BASE.traceback, EXCEPTION.traceback], [BASE.cause, EXCEPTION.cause], [BASE.context, EXCEPTION.context]] as const) {
        a.bind(cases[i]);
        a.mov(rax, qword(mem(rbx, off)));
        a.cmp(rax, g('rt_const_unbound'));
        a.cmove(rax, g('rt_const_None'));
        a.jmp(out);
      }
      a.bind(cases[BASE.suppress]);
      a.mov(rax, qword(mem(rbx, EXCEPTION.suppress)));
      a.cmp(rax, g('dsc_int_zero'));
      a.mov(rax, g('rt_const_True'));
      a.cmove(rax, g('rt_const_False'));
      a.jmp(out);
      a.bind(cases[BASE.notes]);
      a.mov(rax, qword(mem(rbx, EXCEPTION.notes)));
      a.cmp(rax, g('rt_const_unbound'));
      a.jne(out);
      a.jmp(generic);
      a.bind(cases[BASE.dict]);
      a.lea(rdi, mem(rbx, EXCEPTION.dict));
      a.call(sym('rt_descr_dict_of'));
      a.jmp(out);
      // Family fields.
      a.bind(family);
      {
        const none = a.newLabel();
        const computed = a.newLabel();
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.call(sym('rt_excattr_family_offset'));
        a.test(rax, rax);
        a.je(computed);
        a.mov(rcx, rax);
        const noFields = a.newLabel();
        ifNotExt(a, rbx, noFields);
        a.mov(rax, qword(sib(rbx, rcx, 1)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        // OSError.characters_written unset is an AttributeError, as CPython's getter.
        a.cmp(rcx, OS.written);
        a.jne(none);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('xattr_n_characters_written')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        // Made without the fields (rt_exc_new): an assignment went to the dict.
        a.bind(noFields);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.lea(rdx, mem(rbx, EXCEPTION.dict));
        a.call(sym('rt_descr_getattr_generic'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        a.bind(none);
        a.mov(rax, g('rt_const_None'));
        a.jmp(out);
        // StopIteration.value and SystemExit.code: the dict first (an assignment), then args.
        a.bind(computed);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.lea(rdx, mem(rbx, EXCEPTION.dict));
        a.call(sym('rt_descr_getattr_generic'));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(out);
        for (const [type, name, table] of [['StopIteration', 'value', 'xattr_names_value'], ['SystemExit', 'code', 'xattr_names_code']] as const) {
          const skip = a.newLabel();
          a.mov(rdi, r12);
          a.lea(rsi, rip(sym(`type_${type}`)));
          a.call(sym('rt_isinstance_type'));
          a.test(eax, eax);
          a.je(skip);
          nameIndex(a, r13, table);
          a.test(rax, rax);
          a.js(skip);
          // value: args[0] or None; code: None, args[0], or the args tuple.
          a.mov(rcx, qword(mem(rbx, EXCEPTION.args)));
          a.mov(rdx, rcx);
          unboxPtr(a, rdx);
          a.mov(rax, g('rt_const_None'));
          a.cmp(qword(mem(rdx, TUPLE.length)), 0);
          a.je(out);
          a.mov(rax, qword(mem(rdx, TUPLE.items)));
          if (name === 'code') {
            a.cmp(qword(mem(rdx, TUPLE.length)), 1);
            a.cmovne(rax, rcx);
          }
          a.jmp(out);
          a.bind(skip);
        }
        a.mov(rax, g('rt_const_unbound'));
        a.jmp(out);
      }
      a.bind(generic);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.lea(rdx, mem(rbx, EXCEPTION.dict));
      a.call(sym('rt_descr_getattr_generic'));
      a.bind(out);
      epilogue(a, saved, 8);
    },
  },
  {
    name: 'rt_setattr_BaseException',
    contract: "setattr slot of exceptions: (exception, name, value or UNBOUND) -> 0 or EXC; args becomes tuple(value), __traceback__ must be a traceback or None, __cause__/__context__ None or an exception (a cause sets __suppress_context__), __suppress_context__ a bool, none of them deletable (CPython's TypeErrors); family fields are stored in place; other names go to the exception's dict; may allocate, may raise",
    emit(a: Assembler<any>) {
      const saved = [rbx, r12, r13, r14] as const;
      const out = a.newLabel();
      const ok = a.newLabel();
      const generic = a.newLabel();
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(rbx, rdi);
      unboxPtr(a, rbx);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      nameIndex(a, rsi, 'xattr_names_base');
      const family = a.newLabel();
      a.test(rax, rax);
      a.js(family);
      const cases: Label[] = BASE_NAMES.map(() => a.newLabel());
      BASE_NAMES.forEach((_, i) => {
        a.cmp(eax, i);
        a.je(cases[i]);
      });
      /** TypeError(cstr) and out. */
      const typeError = (msg: string): void => {
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym(msg)));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
      };
      /** Jump to `del` when deleting. */
      const ifDelete = (del: Label): void => {
        a.cmp(r14, g('rt_const_unbound'));
        a.je(del);
      };
      // args
      {
        a.bind(cases[BASE.args]);
        const del = a.newLabel();
        ifDelete(del);
        a.sub(rsp, 8);
        a.push(r14);
        a.lea(rdi, rip(sym('type_tuple')));
        boxPtr(a, rdi, rax);
        a.mov(rsi, rsp);
        a.mov(edx, 1);
        a.xor(ecx, ecx);
        a.call(sym('rt_call'));
        a.add(rsp, 16);
        onExc(a, out);
        a.mov(qword(mem(rbx, EXCEPTION.args)), rax);
        a.jmp(ok);
        a.bind(del);
        typeError('msg_xattr_args_del');
      }
      // __traceback__
      {
        a.bind(cases[BASE.traceback]);
        const del = a.newLabel();
        const store = a.newLabel();
        const bad = a.newLabel();
        ifDelete(del);
        a.mov(rax, g('rt_const_unbound'));
        a.cmp(r14, g('rt_const_None'));
        a.je(store);
        a.mov(rdi, r14);
        a.lea(rsi, rip(sym('type_traceback')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(bad);
        a.mov(rax, r14);
        a.bind(store);
        a.mov(qword(mem(rbx, EXCEPTION.traceback)), rax);
        a.jmp(ok);
        a.bind(bad);
        typeError('msg_xattr_tb_type');
        a.bind(del);
        typeError('msg_xattr_tb_del');
      }
      // __cause__ and __context__
      for (const [i, off, what] of [[BASE.cause, EXCEPTION.cause, 'cause'], [BASE.context, EXCEPTION.context, 'context']] as const) {
        a.bind(cases[i]);
        const del = a.newLabel();
        const store = a.newLabel();
        const bad = a.newLabel();
        ifDelete(del);
        a.mov(rax, g('rt_const_unbound'));
        a.cmp(r14, g('rt_const_None'));
        a.je(store);
        a.mov(rdi, r14);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(bad);
        a.mov(rax, r14);
        a.bind(store);
        a.mov(qword(mem(rbx, off)), rax);
        if (what === 'cause') {
          // PyException_SetCause: setting a cause suppresses the context.
          a.mov(rax, g('dsc_int_one'));
          a.mov(qword(mem(rbx, EXCEPTION.suppress)), rax);
        }
        a.jmp(ok);
        a.bind(bad);
        typeError(`msg_xattr_${what}_type`);
        a.bind(del);
        typeError(`msg_xattr_${what}_del`);
      }
      // __suppress_context__ (a T_BOOL member)
      {
        a.bind(cases[BASE.suppress]);
        const del = a.newLabel();
        const isTrue = a.newLabel();
        ifDelete(del);
        a.mov(rax, g('dsc_int_zero'));
        a.cmp(r14, g('rt_const_False'));
        const store = a.newLabel();
        a.je(store);
        a.cmp(r14, g('rt_const_True'));
        a.je(isTrue);
        typeError('msg_xattr_bool_member');
        a.bind(isTrue);
        a.mov(rax, g('dsc_int_one'));
        a.bind(store);
        a.mov(qword(mem(rbx, EXCEPTION.suppress)), rax);
        a.jmp(ok);
        a.bind(del);
        typeError('msg_xattr_numeric_del');
      }
      // __notes__ (kept in its own word; deleting an unset one is the usual AttributeError)
      {
        a.bind(cases[BASE.notes]);
        const store = a.newLabel();
        a.cmp(r14, g('rt_const_unbound'));
        a.jne(store);
        a.cmp(qword(mem(rbx, EXCEPTION.notes)), r14);
        a.jne(store);
        raiseFmt(a, 'AttributeError', 'msg_dsc_no_attr', [inReg(r12), inReg(r13)], out);
        a.bind(store);
        a.mov(qword(mem(rbx, EXCEPTION.notes)), r14);
        a.jmp(ok);
      }
      // __dict__
      a.bind(cases[BASE.dict]);
      a.lea(rdi, mem(rbx, EXCEPTION.dict));
      a.mov(rsi, r14);
      a.call(sym('rt_descr_set_dict'));
      a.jmp(out);
      // Family fields: in place when the exception has them.
      a.bind(family);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.call(sym('rt_excattr_family_offset'));
      a.test(rax, rax);
      a.je(generic);
      ifNotExt(a, rbx, generic);
      {
        // BaseExceptionGroup's message and exceptions are read-only members (excgroup.ts).
        const writable = a.newLabel();
        a.push(rax);
        a.push(rax);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_BaseExceptionGroup')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.pop(rax);
        a.pop(rax);
        a.je(writable);
        a.lea(rdi, rip(sym('type_AttributeError')));
        a.lea(rsi, rip(sym('xattr_readonly')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(writable);
      }
      a.mov(qword(sib(rbx, rax, 1)), r14);
      a.jmp(ok);
      a.bind(generic);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.lea(rcx, mem(rbx, EXCEPTION.dict));
      a.call(sym('rt_descr_setattr_generic'));
      a.jmp(out);
      a.bind(ok);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved);
    },
  },
  {
    name: 'rt_excattr_set_args',
    contract: 'rdi=exception value, rsi=args, rdx=count -> rax=0: args = tuple of them (the old tuple kept when equal word for word, which spares the allocation when __init__ repeats what __new__ stored); may allocate',
    emit(a: Assembler<any>) {
      const build = a.newLabel();
      const out = a.newLabel();
      prologue(a, [r12, r13, r14]);
      a.mov(r12, rdi);
      unboxPtr(a, r12);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      a.mov(rax, qword(mem(r12, EXCEPTION.args)));
      ifNotObject(a, rax, rcx, build);
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, TUPLE.length)), r14);
      a.jne(build);
      {
        const loop = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(loop);
        a.cmp(rcx, r14);
        const same = a.newLabel();
        a.jae(same);
        a.mov(rdx, qword(sib(r13, rcx, 8)));
        a.cmp(rdx, qword(sib(rax, rcx, 8, TUPLE.items)));
        a.jne(build);
        a.inc(rcx);
        a.jmp(loop);
        a.bind(same);
        a.xor(eax, eax);
        a.jmp(out);
      }
      a.bind(build);
      buildTuple(a, r13, r14);
      a.mov(qword(mem(r12, EXCEPTION.args)), rax);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, [r12, r13, r14]);
    },
  },
  {
    name: 'rt_excattr_new_ext',
    contract: 'rdi=exception type (raw), rsi=args, rdx=nargs, rcx=kwnames or 0 -> rax=new exception value with the family fields (aux EXC_AUX_EXT, fields unset), args = the positional arguments; keywords are left to the init slot; may allocate',
    emit(a: Assembler<any>) {
      const saved = [r12, r13, r14] as const;
      prologue(a, saved);
      a.mov(r12, rdi);
      a.mov(r13, rsi);
      a.mov(r14, rdx);
      const noKw = a.newLabel();
      a.test(rcx, rcx);
      a.je(noKw);
      a.mov(rax, rcx);
      unboxPtr(a, rax);
      a.sub(r14, qword(mem(rax, TUPLE.length)));
      a.bind(noKw);
      buildTuple(a, r13, r14);
      a.mov(r13, rax);
      a.mov(rdi, qword(mem(r12, TYPE.instanceSize)));
      a.mov(eax, EXC_EXT.size);
      a.cmp(rdi, rax);
      a.cmovb(rdi, rax);
      a.mov(rsi, r12);
      a.call(sym('rt_alloc'));
      a.mov(dword(mem(rax, HDR_AUX)), EXC_AUX_EXT);
      a.mov(qword(mem(rax, EXCEPTION.args)), r13);
      a.mov(rcx, UNBOUND);
      for (const f of ['traceback', 'cause', 'context', 'dict', 'notes'] as const) a.mov(qword(mem(rax, EXCEPTION[f])), rcx);
      for (let i = 0; i < 5; i++) a.mov(qword(mem(rax, EXC_EXT.f0 + 8 * i)), rcx);
      a.mov(rcx, boxInt(0n));
      a.mov(qword(mem(rax, EXCEPTION.suppress)), rcx);
      boxPtr(a, rax, rcx);
      epilogue(a, saved);
    },
  },
  ...(['ImportError', 'AttributeError', 'NameError'] as const).map((t): RuntimeRoutine => ({
    name: `rt_new_${t}`,
    contract: `new slot of ${t}: (type address, args, nargs, kwnames) -> a new exception with its family fields (rt_excattr_new_ext; the keywords are for __init__); may allocate`,
    emit(a: Assembler<any>) {
      a.jmp(sym('rt_excattr_new_ext'));
    },
  })),
  ...(
    [
      ['ImportError', ['name', 'path']],
      ['AttributeError', ['name', 'obj']],
      ['NameError', ['name']],
    ] as const
  ).map(([t, params]): RuntimeRoutine => ({
    name: `rt_init_${t}`,
    contract: `init slot of ${t}: (self, args, nargs, kwnames) -> 0 or EXC; args = the positional arguments, keyword-only ${params.join(', ')} (CPython's "'x' is an invalid keyword argument for ${t}()")${t === 'ImportError' ? ', msg = the single argument' : ''}; may allocate`,
    emit(a: Assembler<any>) {
      // Locals: [rsp] the parsed keywords.
      const saved = [rbx, r12, r13, r14] as const;
      const out = a.newLabel();
      prologue(a, saved, 24);
      a.mov(r12, rdi);
      a.mov(rbx, rdi);
      unboxPtr(a, rbx);
      a.mov(r13, rsi);
      a.mov(r14, rdx); // positional count, after the keywords are taken off
      const noKw = a.newLabel();
      a.xor(eax, eax);
      a.test(rcx, rcx);
      a.je(noKw);
      a.mov(rax, rcx);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, TUPLE.length)));
      a.bind(noKw);
      a.sub(r14, rax);
      // The keywords alone: values at args + npos.
      a.lea(rdi, sib(r13, r14, 8));
      a.mov(rsi, rax);
      a.mov(rdx, rcx);
      a.lea(rcx, rip(sym(`xattr_spec_${t}`)));
      a.mov(r8, rsp);
      a.call(sym('rt_descr_parse_kw'));
      onExc(a, out);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      a.mov(rdx, r14);
      a.call(sym('rt_excattr_set_args'));
      const done = a.newLabel();
      ifNotExt(a, rbx, done);
      const family = FAMILIES.find((f) => f.type === t)!;
      params.forEach((p, i) => {
        a.mov(rax, qword(mem(rsp, 8 * i)));
        a.mov(qword(mem(rbx, EXC_EXT.f0 + 8 * (family.names as readonly string[]).indexOf(p))), rax);
      });
      if (t === 'ImportError') {
        a.mov(rax, g('rt_const_unbound'));
        a.cmp(r14, 1);
        const notOne = a.newLabel();
        a.jne(notOne);
        a.mov(rax, qword(mem(r13)));
        a.bind(notOne);
        a.mov(qword(mem(rbx, IMPORT_MSG)), rax);
      }
      a.bind(done);
      a.xor(eax, eax);
      a.bind(out);
      epilogue(a, saved, 24);
    },
  })),
  {
    name: 'rt_str_ImportError',
    contract: 'str slot of ImportError: -> msg when it is an exact str, else as BaseException; may allocate, may raise',
    emit(a: Assembler<any>) {
      const base = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      ifNotExt(a, rax, base);
      a.mov(rax, qword(mem(rax, IMPORT_MSG)));
      ifNotObject(a, rax, rcx, base);
      a.mov(rcx, rax);
      unboxPtr(a, rcx);
      a.lea(rdx, rip(sym('type_str')));
      a.cmp(qword(mem(rcx)), rdx);
      a.jne(base);
      a.ret();
      a.bind(base);
      a.jmp(sym('rt_str_BaseException'));
    },
  },
  {
    name: 'rt_str_KeyError',
    contract: "str slot of KeyError: -> repr of the single argument (\"KeyError: 'x'\"), else as BaseException; may allocate, may raise",
    emit(a: Assembler<any>) {
      const base = a.newLabel();
      a.mov(rax, rdi);
      unboxPtr(a, rax);
      a.mov(rax, qword(mem(rax, EXCEPTION.args)));
      unboxPtr(a, rax);
      a.cmp(qword(mem(rax, TUPLE.length)), 1);
      a.jne(base);
      a.mov(rdi, qword(mem(rax, TUPLE.items)));
      a.jmp(sym('rt_repr'));
      a.bind(base);
      a.jmp(sym('rt_str_BaseException'));
    },
  },
  ...osErrorRoutines(),
  ...methodRoutines(),
];

function osErrorRoutines(): RuntimeRoutine[] {
  return [
    {
      name: 'rt_oserror_use_init',
      contract: "rdi=type (raw) -> eax=1 when OSError's arguments are parsed by __init__ (the type overrides __init__ but not __new__: CPython's oserror_use_init), else 0; no alloc",
      emit(a: Assembler<any>) {
        const no = a.newLabel();
        a.lea(rax, rip(sym('rt_init_OSError')));
        a.cmp(qword(mem(rdi, typeSlot('init'))), rax);
        a.je(no);
        a.lea(rax, rip(sym('rt_new_OSError')));
        a.cmp(qword(mem(rdi, typeSlot('new'))), rax);
        a.jne(no);
        a.mov(eax, 1);
        a.ret();
        a.bind(no);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_oserror_parse',
      contract: "rdi=OSError value with its family fields -> rax=0: OSError(errno, strerror[, filename[, winerror[, filename2]]]) read from args as CPython's oserror_init (2 to 5 arguments; a filename other than None cuts args to (errno, strerror); BlockingIOError's int third argument is characters_written); may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14]);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        ifNotExt(a, r12, out);
        a.mov(r13, qword(mem(r12, EXCEPTION.args)));
        unboxPtr(a, r13);
        a.mov(r14, qword(mem(r13, TUPLE.length)));
        a.cmp(r14, 2);
        a.jb(out);
        a.cmp(r14, 5);
        a.ja(out);
        a.mov(rax, qword(mem(r13, TUPLE.items)));
        a.mov(qword(mem(r12, OS.errno)), rax);
        a.mov(rax, qword(mem(r13, TUPLE.items + 8)));
        a.mov(qword(mem(r12, OS.strerror)), rax);
        a.cmp(r14, 3);
        a.jb(out);
        a.mov(rax, qword(mem(r13, TUPLE.items + 16)));
        a.cmp(rax, g('rt_const_None'));
        a.je(out);
        const notWritten = a.newLabel();
        a.lea(rcx, rip(sym('type_BlockingIOError')));
        a.cmp(qword(mem(r12)), rcx);
        a.jne(notWritten);
        a.mov(rcx, rax);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_INT);
        a.jne(notWritten);
        a.mov(qword(mem(r12, OS.written)), rax);
        a.jmp(out);
        a.bind(notWritten);
        a.mov(qword(mem(r12, OS.filename)), rax);
        const noSecond = a.newLabel();
        a.cmp(r14, 5);
        a.jne(noSecond);
        a.mov(rax, qword(mem(r13, TUPLE.items + 32)));
        a.cmp(rax, g('rt_const_None'));
        a.je(noSecond);
        a.mov(qword(mem(r12, OS.filename2)), rax);
        a.bind(noSecond);
        a.lea(rdi, mem(r13, TUPLE.items));
        a.mov(esi, 2);
        a.call(sym('rt_build_tuple'));
        a.mov(qword(mem(r12, EXCEPTION.args)), rax);
        a.bind(out);
        a.xor(eax, eax);
        epilogue(a, [r12, r13, r14]);
      },
    },
    {
      name: 'rt_new_OSError',
      contract: "new slot of OSError: (type address, args, nargs, kwnames) -> the exception: OSError(errno, ...) of a known errno makes the subclass (FileNotFoundError...), fields parsed here unless __init__ does it; TypeError \"OSError() takes no keyword arguments\"; may allocate",
      emit(a: Assembler<any>) {
        const saved = [rbx, r12, r13, r14, r15] as const;
        const out = a.newLabel();
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.mov(rdi, r12);
        a.call(sym('rt_oserror_use_init'));
        a.mov(ebx, eax);
        const alloc = a.newLabel();
        a.test(ebx, ebx);
        a.jne(alloc);
        {
          const noKw = a.newLabel();
          a.test(r15, r15);
          a.je(noKw);
          a.mov(rax, r15);
          unboxPtr(a, rax);
          a.cmp(qword(mem(rax, TUPLE.length)), 0);
          a.je(noKw);
          raiseFmt(a, 'TypeError', 'msg_xattr_no_kw', [inReg(r12)], out);
          a.bind(noKw);
          // errno -> subclass, for OSError itself and an int errno.
          a.lea(rax, rip(sym('type_OSError')));
          a.cmp(r12, rax);
          a.jne(alloc);
          a.cmp(r14, 2);
          a.jb(alloc);
          a.mov(rax, qword(mem(r13)));
          a.cmp(rax, g('rt_const_True'));
          a.mov(rcx, boxInt(1n));
          a.cmove(rax, rcx);
          a.cmp(rax, g('rt_const_False'));
          a.mov(rcx, boxInt(0n));
          a.cmove(rax, rcx);
          a.mov(rcx, rax);
          a.shr(rcx, 48);
          a.cmp(ecx, TAG_INT);
          a.jne(alloc);
          a.lea(rcx, rip(sym('xattr_errno_map')));
          const scan = a.newLabel();
          const hit = a.newLabel();
          a.bind(scan);
          a.mov(rdx, qword(mem(rcx)));
          a.test(rdx, rdx);
          a.je(alloc);
          a.cmp(rdx, rax);
          a.je(hit);
          a.add(rcx, 16);
          a.jmp(scan);
          a.bind(hit);
          a.mov(r12, qword(mem(rcx, 8)));
        }
        a.bind(alloc);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.call(sym('rt_excattr_new_ext'));
        a.test(ebx, ebx);
        a.jne(out);
        a.mov(r12, rax);
        a.mov(rdi, rax);
        a.call(sym('rt_oserror_parse'));
        a.mov(rax, r12);
        a.bind(out);
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_init_OSError',
      contract: 'init slot of OSError: (self, args, nargs, kwnames) -> 0 or EXC; nothing to do when __new__ parsed the arguments, else (a class overriding __init__ only) args and fields from these arguments; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r14, rdx);
        a.mov(r15, rcx);
        a.call(sym('rt_type_of'));
        a.mov(rdi, rax);
        a.call(sym('rt_oserror_use_init'));
        a.test(eax, eax);
        const parse = a.newLabel();
        a.jne(parse);
        a.xor(eax, eax);
        a.jmp(out);
        a.bind(parse);
        a.mov(rdi, r12);
        a.mov(rsi, r13);
        a.mov(rdx, r14);
        a.mov(rcx, r15);
        a.call(sym('rt_init_BaseException'));
        onExc(a, out);
        a.mov(rdi, r12);
        a.call(sym('rt_oserror_parse'));
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
    {
      name: 'rt_str_OSError',
      contract: "str slot of OSError: \"[Errno 2] No such file or directory: 'x'\" (and \" -> 'y'\" with filename2), \"[Errno 2] msg\" without a filename, else as BaseException; may allocate, may raise",
      emit(a: Assembler<any>) {
        // Locals: the rt_str_fmt arguments (str(errno), str(strerror), filename, filename2).
        const saved = [r12, r13] as const;
        const out = a.newLabel();
        const base = a.newLabel();
        prologue(a, saved, 40);
        a.mov(r12, rdi);
        unboxPtr(a, r12);
        ifNotExt(a, r12, base);
        const withName = a.newLabel();
        a.mov(rax, qword(mem(r12, OS.filename)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(withName);
        a.mov(rax, qword(mem(r12, OS.errno)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(base);
        a.mov(rax, qword(mem(r12, OS.strerror)));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(base);
        a.bind(withName);
        for (const [i, off] of [[0, OS.errno], [1, OS.strerror]] as const) {
          a.mov(rdi, qword(mem(r12, off)));
          a.cmp(rdi, g('rt_const_unbound'));
          a.cmove(rdi, g('rt_const_None'));
          a.call(sym('rt_str'));
          onExc(a, out);
          a.mov(qword(mem(rsp, 8 * i)), rax);
        }
        a.mov(rax, qword(mem(r12, OS.filename)));
        a.mov(qword(mem(rsp, 16)), rax);
        a.mov(rax, qword(mem(r12, OS.filename2)));
        a.mov(qword(mem(rsp, 24)), rax);
        a.lea(rdi, rip(sym('msg_xattr_os_plain')));
        const fmt = a.newLabel();
        a.mov(rcx, g('rt_const_unbound'));
        a.cmp(qword(mem(rsp, 16)), rcx);
        a.je(fmt);
        a.lea(rdi, rip(sym('msg_xattr_os_file')));
        a.cmp(qword(mem(rsp, 24)), rcx);
        a.je(fmt);
        a.lea(rdi, rip(sym('msg_xattr_os_file2')));
        a.bind(fmt);
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.jmp(out);
        a.bind(base);
        a.mov(rdi, r12);
        boxPtr(a, rdi, rax);
        a.call(sym('rt_str_BaseException'));
        a.bind(out);
        epilogue(a, saved, 40);
      },
    },
  ];
}

function methodRoutines(): RuntimeRoutine[] {
  return [
    {
      name: 'rt_excattr_meth_with_traceback',
      contract: 'BaseException.with_traceback(tb): vector ABI -> self with __traceback__ = tb (a traceback or None), or EXC; may allocate',
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r15, rdx);
        methodSelfCheck(a, 'BaseException', 'xattr_q_with_traceback', 'xattr_n_with_traceback', out);
        oneArg(a, 'xattr_q_with_traceback', out);
        a.mov(rdi, qword(mem(r12)));
        a.mov(rsi, g('xattr_s___traceback__.v'));
        a.mov(rdx, qword(mem(r12, 8)));
        a.call(sym('rt_setattr_BaseException'));
        onExc(a, out);
        a.mov(rax, qword(mem(r12)));
        a.bind(out);
        epilogue(a, [r12, r13, r15]);
      },
    },
    {
      name: 'rt_excattr_meth_add_note',
      contract: "BaseException.add_note(note): vector ABI -> None after appending note to __notes__ (a new list when unset), or EXC (TypeError \"note must be a str, not 'int'\", \"Cannot add note: __notes__ is not a list\"); may allocate",
      emit(a: Assembler<any>) {
        const out = a.newLabel();
        prologue(a, [r12, r13, r14, r15]);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.mov(r15, rdx);
        methodSelfCheck(a, 'BaseException', 'xattr_q_add_note', 'xattr_n_add_note', out);
        oneArg(a, 'xattr_q_add_note', out);
        const isStr = a.newLabel();
        a.mov(rdi, qword(mem(r12, 8)));
        a.lea(rsi, rip(sym('type_str')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.jne(isStr);
        raiseFmt(a, 'TypeError', 'msg_xattr_note_type', [atMem(r12, 8)], out);
        a.bind(isStr);
        a.mov(r14, qword(mem(r12)));
        unboxPtr(a, r14);
        const have = a.newLabel();
        a.mov(rax, qword(mem(r14, EXCEPTION.notes)));
        a.cmp(rax, g('rt_const_unbound'));
        a.jne(have);
        a.xor(edi, edi);
        a.call(sym('rt_list_new'));
        onExc(a, out);
        a.mov(qword(mem(r14, EXCEPTION.notes)), rax);
        a.bind(have);
        const isList = a.newLabel();
        a.mov(rdi, rax);
        a.push(rax);
        a.lea(rsi, rip(sym('type_list')));
        a.call(sym('rt_isinstance_type'));
        a.pop(rdi);
        a.test(eax, eax);
        a.jne(isList);
        a.lea(rdi, rip(sym('type_TypeError')));
        a.lea(rsi, rip(sym('msg_xattr_notes_not_list')));
        a.call(sym('rt_raise_cstr'));
        a.jmp(out);
        a.bind(isList);
        a.mov(rsi, qword(mem(r12, 8)));
        a.call(sym('rt_list_append'));
        onExc(a, out);
        a.mov(rax, g('rt_const_None'));
        a.bind(out);
        epilogue(a, [r12, r13, r14, r15]);
      },
    },
  ];
}

/** METH_O checks after methodSelfCheck (r13 = nargs with self, r15 = kwnames). */
function oneArg(a: Assembler<any>, qualname: string, out: Label): void {
  const kwOk = a.newLabel();
  const ok = a.newLabel();
  a.test(r15, r15);
  a.je(kwOk);
  raiseFmt(a, 'TypeError', 'msg_dsc_no_kwargs', [addrOf(qualname)], out);
  a.bind(kwOk);
  a.cmp(r13, 2);
  a.je(ok);
  a.lea(rax, mem(r13, -1));
  raiseFmt(a, 'TypeError', 'msg_dsc_one_arg', [addrOf(qualname), inReg(rax)], out);
  a.bind(ok);
}

const METHODS: RuntimeMethod[] = [
  { type: 'BaseException', name: 'with_traceback', entry: 'rt_excattr_meth_with_traceback' },
  { type: 'BaseException', name: 'add_note', entry: 'rt_excattr_meth_add_note' },
];

export const excAttrsModule: RuntimeModule = {
  name: 'excattrs',
  methods: METHODS,
  routines,
  data: [
    nameTable('xattr_names_base', BASE_NAMES),
    cstr('xattr_readonly', 'readonly attribute'),
    ...FAMILIES.map((f) => nameTable(`xattr_names_${f.type}`, f.names)),
    nameTable('xattr_names_value', ['value']),
    nameTable('xattr_names_code', ['code']),
    ...(
      [
        ['ImportError', ['name', 'path']],
        ['AttributeError', ['name', 'obj']],
        ['NameError', ['name']],
      ] as const
    ).map(([t, params]) => kwSpec(`xattr_spec_${t}`, t, params)),
    {
      name: 'xattr_errno_map',
      section: 'rodata',
      align: 8,
      emit(a) {
        for (const [errno, type] of ERRNO_MAP) {
          a.u64(boxInt(BigInt(errno)));
          a.u64(sym(`type_${type}`));
        }
        a.u64(0n);
      },
    },
    ...staticStr('xattr_s___traceback__', '__traceback__'),
    cstr('xattr_n_characters_written', 'characters_written'),
    cstr('xattr_q_with_traceback', 'BaseException.with_traceback'),
    cstr('xattr_n_with_traceback', 'with_traceback'),
    cstr('xattr_q_add_note', 'BaseException.add_note'),
    cstr('xattr_n_add_note', 'add_note'),
    cstr('msg_xattr_args_del', 'args may not be deleted'),
    cstr('msg_xattr_tb_type', '__traceback__ must be a traceback or None'),
    cstr('msg_xattr_tb_del', '__traceback__ may not be deleted'),
    cstr('msg_xattr_cause_type', 'exception cause must be None or derive from BaseException'),
    cstr('msg_xattr_cause_del', '__cause__ may not be deleted'),
    cstr('msg_xattr_context_type', 'exception context must be None or derive from BaseException'),
    cstr('msg_xattr_context_del', '__context__ may not be deleted'),
    cstr('msg_xattr_bool_member', 'attribute value type must be bool'),
    cstr('msg_xattr_numeric_del', "can't delete numeric/char attribute"),
    cstr('msg_xattr_no_kw', '%N() takes no keyword arguments'),
    cstr('msg_xattr_note_type', "note must be a str, not '%T'"),
    cstr('msg_xattr_notes_not_list', 'Cannot add note: __notes__ is not a list'),
    cstr('msg_xattr_os_plain', '[Errno %U] %U'),
    cstr('msg_xattr_os_file', '[Errno %U] %U: %R'),
    cstr('msg_xattr_os_file2', '[Errno %U] %U: %R -> %R'),
  ],
};
