// Runtime core: traceback entries and printing uncaught exceptions like CPython.
//
// When an exception leaves an instruction of a compiled function, the function's handler
// block calls rt_tb_add(code, instruction): a traceback object (this frame's code and
// instruction) is pushed in front of the exception's chain, so the chain runs from the
// outermost frame to the innermost, as CPython's tb_next. Printing walks it; each entry's
// text ("  File ..., line N, in f" plus the source line and carets) was computed at
// compile time and sits in the code object's snippet blob, so the native and interpreted
// tracebacks are the same text. Consecutive identical entries beyond three fold into
// "[Previous line repeated N more times]" (traceback.c, TB_RECURSIVE_CUTOFF).

import { type Assembler, dword, eax, ebx, ecx, edi, edx, esi, mem, qword, r12, r13, r13d, r14, r15, r15d, r8, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, rsp, sib, sym } from '../../src/asm/index.js';
import { emitStr } from '../../src/native/statics.js';
import { CODE, EXCEPTION, STR, TAG_OBJ, TYPE, boxInt } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { boxPtr, epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

/** A traceback object: the next (inner) entry, the code object value, the instruction. */
export const TB = { next: 16, code: 24, instr: 32, size: 40 } as const;

/** How many nested causes/contexts are printed at most (CPython stops at cycles). */
const MAX_CHAIN = 32;

export const tracebackModule: RuntimeModule = {
  name: 'traceback',
  types: [{ name: 'traceback', layout: 'fixed' }],
  routines: [
    {
      name: 'rt_tb_add',
      contract: 'rdi=code object (raw address), esi=instruction index: push a traceback entry for this frame onto the exception in rt_exc; may allocate',
      emit(a: Assembler<any>) {
        prologue(a, [r12, r13]);
        a.mov(r12, rdi);
        a.mov(r13d, esi);
        a.mov(edi, TB.size);
        a.lea(rsi, rip(sym('type_traceback')));
        a.call(sym('rt_alloc'));
        a.mov(rcx, g('rt_exc'));
        unboxPtr(a, rcx);
        a.mov(rdx, qword(mem(rcx, EXCEPTION.traceback)));
        a.mov(qword(mem(rax, TB.next)), rdx);
        a.mov(rdx, r12);
        boxPtr(a, rdx, r8);
        a.mov(qword(mem(rax, TB.code)), rdx);
        a.mov(rdx, r13);
        a.mov(r8, boxInt(0n));
        a.or(rdx, r8);
        a.mov(qword(mem(rax, TB.instr)), rdx);
        boxPtr(a, rax, rdx);
        a.mov(qword(mem(rcx, EXCEPTION.traceback)), rax);
        epilogue(a, [r12, r13]);
      },
    },
    {
      name: 'rt_print_exception',
      contract: 'rdi=exception value: print it to stderr like CPython\'s default excepthook (chained causes and contexts first); may allocate',
      emit(a: Assembler<any>) {
        // Collect the chain (newest last) on the machine stack, then print oldest first.
        const saved = [rbx, r12, r13] as const;
        const frame = 8 * MAX_CHAIN + 8;
        prologue(a, saved, frame);
        // A program with exception groups prints through runtime/lib/_edgepyc_eg.py (excgroup.ts).
        const viaGroups = a.newLabel();
        a.mov(r12, rdi);
        a.call(sym('rt_eg_print'));
        a.test(eax, eax);
        a.jne(viaGroups);
        a.mov(rdi, r12);
        const collect = a.newLabel();
        const collected = a.newLabel();
        const useContext = a.newLabel();
        const push = a.newLabel();
        a.xor(ebx, ebx); // count
        a.mov(r12, rdi);
        a.bind(collect);
        a.mov(qword(sib(rsp, rbx, 8)), r12);
        a.inc(rbx);
        a.cmp(rbx, MAX_CHAIN);
        a.jae(collected);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, EXCEPTION.cause)));
        a.call(sym('rt_is_exception_value_rcx'));
        a.test(edx, edx);
        a.jne(push);
        a.bind(useContext);
        a.mov(rdx, boxInt(0n));
        a.cmp(qword(mem(rax, EXCEPTION.suppress)), rdx);
        a.jne(collected);
        a.mov(rcx, qword(mem(rax, EXCEPTION.context)));
        a.call(sym('rt_is_exception_value_rcx'));
        a.test(edx, edx);
        a.je(collected);
        a.bind(push);
        // Stop at a cycle (an exception already collected).
        a.xor(edx, edx);
        const scan = a.newLabel();
        const scanned = a.newLabel();
        a.bind(scan);
        a.cmp(rdx, rbx);
        a.jae(scanned);
        a.cmp(rcx, qword(sib(rsp, rdx, 8)));
        a.je(collected);
        a.inc(rdx);
        a.jmp(scan);
        a.bind(scanned);
        a.mov(r12, rcx);
        a.jmp(collect);
        a.bind(collected);
        // Print from the oldest; between two, the link message of the newer one.
        const printLoop = a.newLabel();
        const printed = a.newLabel();
        a.bind(printLoop);
        a.dec(rbx);
        a.mov(rdi, qword(sib(rsp, rbx, 8)));
        a.call(sym('rt_print_exception_one'));
        a.test(rbx, rbx);
        a.je(printed);
        // The newer exception (index rbx-1) names how it relates to this one.
        a.mov(rax, qword(sib(rsp, rbx, 8, -8)));
        unboxPtr(a, rax);
        a.mov(rcx, qword(mem(rax, EXCEPTION.cause)));
        a.lea(rdi, rip(sym('msg_direct_cause')));
        a.cmp(rcx, qword(sib(rsp, rbx, 8)));
        const chosen = a.newLabel();
        a.je(chosen);
        a.lea(rdi, rip(sym('msg_during_handling')));
        a.bind(chosen);
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.jmp(printLoop);
        a.bind(printed);
        a.bind(viaGroups);
        epilogue(a, saved, frame);
      },
    },
    {
      name: 'rt_is_exception_value_rcx',
      contract: 'rcx=value -> edx=1 if it is an exception object (not None/UNBOUND), else 0; preserves everything else but flags',
      emit(a: Assembler<any>) {
        const no = a.newLabel();
        a.push(rax);
        a.push(rcx);
        a.push(rdi);
        a.push(rsi);
        a.mov(rax, rcx);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(no);
        a.mov(rdi, rcx);
        a.lea(rsi, rip(sym('type_BaseException')));
        a.call(sym('rt_isinstance_type'));
        a.mov(edx, eax);
        const done = a.newLabel();
        a.jmp(done);
        a.bind(no);
        a.xor(edx, edx);
        a.bind(done);
        a.pop(rsi);
        a.pop(rdi);
        a.pop(rcx);
        a.pop(rax);
        a.ret();
      },
    },
    {
      name: 'rt_print_exception_one',
      contract: 'rdi=exception value: print "Traceback (most recent call last):", its entries, "Type: message" and its notes to stderr; may allocate',
      emit(a: Assembler<any>) {
        const saved = [rbx, rbp, r12, r13, r14, r15] as const;
        prologue(a, saved, 8);
        a.mov(r12, rdi);
        const noTb = a.newLabel();
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.mov(rbx, qword(mem(rax, EXCEPTION.traceback)));
        a.mov(rcx, rbx);
        a.shr(rcx, 48);
        a.cmp(ecx, TAG_OBJ);
        a.jne(noTb);
        a.lea(rdi, rip(sym('msg_traceback_header')));
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        // rbx = entry; r13 = last code, r14 = last line, r15 = repeat count.
        const loop = a.newLabel();
        const done = a.newLabel();
        const same = a.newLabel();
        const print = a.newLabel();
        const skipPrint = a.newLabel();
        a.xor(r13d, r13d);
        a.mov(r14, -1);
        a.xor(r15d, r15d);
        a.bind(loop);
        a.mov(rax, rbx);
        a.shr(rax, 48);
        a.cmp(eax, TAG_OBJ);
        a.jne(done);
        unboxPtr(a, rbx);
        a.mov(rbp, qword(mem(rbx, TB.code)));
        unboxPtr(a, rbp); // code (raw)
        a.mov(rcx, qword(mem(rbx, TB.instr)));
        a.shl(rcx, 16);
        a.sar(rcx, 16); // instruction
        a.mov(rdx, qword(mem(rbp, CODE.lines)));
        a.mov(edx, dword(sib(rdx, rcx, 4)));
        a.cmp(rbp, r13);
        a.jne(print);
        a.cmp(rdx, r14);
        a.je(same);
        a.bind(print);
        a.push(rcx);
        a.push(rdx);
        a.mov(rdi, r15);
        a.call(sym('rt_tb_print_repeats'));
        a.pop(rdx);
        a.pop(rcx);
        a.mov(r13, rbp);
        a.mov(r14, rdx);
        a.xor(r15d, r15d);
        a.bind(same);
        a.inc(r15);
        a.cmp(r15, 3);
        a.ja(skipPrint);
        // The entry's precomputed text.
        a.mov(rdx, qword(mem(rbp, CODE.snippets)));
        a.mov(edx, dword(sib(rdx, rcx, 4)));
        a.cmp(edx, -1);
        a.je(skipPrint);
        a.mov(rdi, qword(mem(rbp, CODE.snippetBlob)));
        a.add(rdi, rdx);
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.bind(skipPrint);
        a.mov(rbx, qword(mem(rbx, TB.next)));
        a.jmp(loop);
        a.bind(done);
        a.mov(rdi, r15);
        a.call(sym('rt_tb_print_repeats'));
        a.bind(noTb);
        // "Type: message" (module-qualified unless builtins or __main__).
        a.mov(rdi, r12);
        a.call(sym('rt_exception_only'));
        a.mov(rdi, rax);
        a.mov(esi, 2);
        a.call(sym('rt_str_write'));
        // Its __notes__ (PEP 678), runtime/core/tbnotes.ts.
        a.mov(rdi, r12);
        a.call(sym('rt_print_exception_notes'));
        epilogue(a, saved, 8);
      },
    },
    {
      name: 'rt_tb_print_repeats',
      contract: 'rdi=count of identical entries: print "  [Previous line repeated N more times]" when N = count - 3 > 0; clobbers caller-saved',
      emit(a: Assembler<any>) {
        const none = a.newLabel();
        a.sub(rdi, 3);
        a.jle(none);
        a.sub(rsp, 8);
        a.mov(qword(mem(rsp)), rdi);
        a.lea(rdi, rip(sym('msg_repeated')));
        a.mov(rsi, rsp);
        a.call(sym('rt_str_fmt'));
        a.mov(rdi, rax);
        a.mov(esi, 2);
        a.call(sym('rt_str_write'));
        a.add(rsp, 8);
        a.bind(none);
        a.ret();
      },
    },
    {
      name: 'rt_exception_only',
      contract: 'rdi=exception value -> rax=str "Type: message\\n" (or "Type\\n" for an empty message; "<exception str() failed>" if str() raises); may allocate',
      emit(a: Assembler<any>) {
        const saved = [r12, r13, r14] as const;
        prologue(a, saved);
        a.mov(r12, rdi);
        a.mov(edi, 64);
        a.call(sym('rt_sb_new'));
        a.mov(r13, rax);
        a.mov(rdi, r12);
        a.call(sym('rt_type_of'));
        a.mov(r14, rax);
        // Module prefix: the type's __module__ unless 'builtins' or '__main__'.
        const noModule = a.newLabel();
        a.test(qword(mem(r14, TYPE.flags)), 1);
        a.jne(noModule);
        a.mov(rdi, qword(mem(r14, TYPE.module)));
        a.mov(rsi, qword(rip(sym('const_str_main'))));
        a.call(sym('rt_eq'));
        a.test(eax, eax);
        a.jne(noModule);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(r14, TYPE.module)));
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.mov(esi, 0x2e);
        a.call(sym('rt_sb_append_cp'));
        a.mov(r13, rax);
        a.bind(noModule);
        a.mov(rdi, r13);
        a.mov(rsi, qword(mem(r14, TYPE.qualname)));
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        // The message.
        const failed = a.newLabel();
        const haveMsg = a.newLabel();
        const noMsg = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.mov(rcx, rax);
        unboxPtr(a, rcx);
        a.cmp(qword(mem(rcx, STR.length)), 0);
        a.je(noMsg);
        a.bind(haveMsg);
        a.mov(r14, rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_colon_space')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.mov(rsi, r14);
        a.call(sym('rt_sb_append_str'));
        a.mov(r13, rax);
        a.jmp(noMsg);
        a.bind(failed);
        a.mov(rax, g('rt_const_unbound'));
        a.mov(g('rt_exc'), rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_str_failed')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(noMsg);
        // ". Did you mean: 'x'?" for an AttributeError / NameError (suggest.ts).
        const noSuggestion = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_exc_suggestion'));
        a.cmp(rax, g('rt_const_unbound'));
        a.je(noSuggestion);
        a.mov(r14, rax);
        a.mov(rdi, r13);
        a.lea(rsi, rip(sym('str_did_you_mean')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(rdi, rax);
        a.mov(rsi, r14);
        a.call(sym('rt_sb_append_str'));
        a.mov(rdi, rax);
        a.lea(rsi, rip(sym('str_did_you_mean_end')));
        a.call(sym('rt_sb_append_cstr'));
        a.mov(r13, rax);
        a.bind(noSuggestion);
        a.mov(rdi, r13);
        a.mov(esi, 10);
        a.call(sym('rt_sb_append_cp'));
        a.mov(rdi, rax);
        a.call(sym('rt_sb_finish'));
        epilogue(a, saved);
      },
    },
  ],
  data: [
    cstr('msg_traceback_header', 'Traceback (most recent call last):\n'),
    cstr('msg_repeated', '  [Previous line repeated %d more times]\n'),
    cstr('msg_direct_cause', '\nThe above exception was the direct cause of the following exception:\n\n'),
    cstr('msg_during_handling', '\nDuring handling of the above exception, another exception occurred:\n\n'),
    cstr('str_colon_space', ': '),
    cstr('str_str_failed', ': <exception str() failed>'),
    cstr('str_did_you_mean', ". Did you mean: '"),
    cstr('str_did_you_mean_end', "'?"),
    { name: 'str_main_name', section: 'rodata', align: 16, emit: (a) => emitStr(a, '__main__') },
    { name: 'const_str_main', section: 'rodata', align: 8, emit: (a) => a.u64(sym('box:str_main_name')) },
  ],
};

