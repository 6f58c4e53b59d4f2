// Runtime core: the notes of an uncaught exception (PEP 678), printed after its
// "Type: message" line by rt_print_exception_one (traceback.ts), as CPython 3.11's
// print_exception_notes (Python/pythonrun.c): each note's str() and a newline ("<note str()
// failed>" when str() raises); a __notes__ that is not a sequence, or is a str or bytes, is
// printed as its repr() ("<__notes__ repr() failed>") with no newline after it (3.11 writes
// none there). CPython iterates any other sequence; this runtime takes lists and tuples
// (and their subclasses), the kinds add_note() makes, and prints the repr of the rest.

import { type Assembler, eax, esi, mem, qword, r12, r13, r13d, r14, rax, rdi, rip, rsi, sib, sym } from '../../src/asm/index.js';
import { EXCEPTION, TUPLE } from '../../src/native/layout.js';
import type { RuntimeModule } from '../../src/native/rt.js';
import { epilogue, g, prologue, unboxPtr } from '../../src/native/macros.js';
import { cstr } from './exc.js';

export const tbNotesModule: RuntimeModule = {
  name: 'tbnotes',
  routines: [
    {
      name: 'rt_print_exception_notes',
      contract: 'rdi=exception value: write its __notes__ to stderr, one note per line (nothing when unset); raises nothing (failures print placeholders); may allocate',
      emit(a: Assembler<any>) {
        // r12 the notes (then a tuple of them), r13 index, r14 scratch value.
        const saved = [r12, r13, r14] as const;
        const out = a.newLabel();
        const asRepr = a.newLabel();
        const clearOut = a.newLabel();
        prologue(a, saved);
        unboxPtr(a, rdi);
        a.mov(r12, qword(mem(rdi, EXCEPTION.notes)));
        a.cmp(r12, g('rt_const_unbound'));
        a.je(out);
        // A list or tuple: its items; anything else: its repr.
        const seq = a.newLabel();
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_list')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.jne(seq);
        a.mov(rdi, r12);
        a.lea(rsi, rip(sym('type_tuple')));
        a.call(sym('rt_isinstance_type'));
        a.test(eax, eax);
        a.je(asRepr);
        a.bind(seq);
        a.mov(rdi, r12);
        a.call(sym('rt_tuple_from_iterable'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(clearOut);
        a.mov(r12, rax);
        a.xor(r13d, r13d);
        const loop = a.newLabel();
        const failed = a.newLabel();
        const newline = a.newLabel();
        a.bind(loop);
        a.mov(rax, r12);
        unboxPtr(a, rax);
        a.cmp(r13, qword(mem(rax, TUPLE.length)));
        a.jae(out);
        a.mov(rdi, qword(sib(rax, r13, 8, TUPLE.items)));
        a.call(sym('rt_str'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(failed);
        a.mov(rdi, rax);
        a.mov(esi, 2);
        a.call(sym('rt_str_write'));
        a.jmp(newline);
        a.bind(failed);
        clearExc(a);
        a.lea(rdi, rip(sym('msg_note_str_failed')));
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.bind(newline);
        a.lea(rdi, rip(sym('msg_note_newline')));
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.inc(r13);
        a.jmp(loop);
        a.bind(asRepr);
        const reprFailed = a.newLabel();
        const reprDone = a.newLabel();
        a.mov(rdi, r12);
        a.call(sym('rt_repr'));
        a.cmp(rax, g('rt_const_exc'));
        a.je(reprFailed);
        a.mov(rdi, rax);
        a.mov(esi, 2);
        a.call(sym('rt_str_write'));
        a.jmp(reprDone);
        a.bind(reprFailed);
        clearExc(a);
        a.lea(rdi, rip(sym('msg_notes_repr_failed')));
        a.mov(esi, 2);
        a.call(sym('rt_write_cstr'));
        a.bind(reprDone);
        a.jmp(out);
        a.bind(clearOut);
        clearExc(a);
        a.bind(out);
        epilogue(a, saved);
      },
    },
  ],
  data: [
    cstr('msg_note_str_failed', '<note str() failed>'),
    cstr('msg_notes_repr_failed', '<__notes__ repr() failed>'),
    cstr('msg_note_newline', '\n'),
  ],
};

/** The pending exception is dropped (printing goes on, as CPython's PyErr_Clear). */
function clearExc(a: Assembler<any>): void {
  a.mov(rax, g('rt_const_unbound'));
  a.mov(g('rt_exc'), rax);
}
