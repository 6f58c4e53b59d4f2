// Builtins runtime: input() and the line reader of standard input behind it
// (docs/builtins-native.md).
//
// input([prompt]) as builtin_input_impl of CPython 3.11 when stdin is not a terminal: the
// prompt's str() goes to stdout, stdout is flushed, a line is read from fd 0 and returned
// without its "\n"; nothing left gives EOFError "EOF when reading a line". On Linux
// sys.stdin is opened with newline="\n" (create_stdio), so only "\n" ends a line and a
// "\r" stays in the text.
//
// The reader keeps raw bytes in a static buffer (rt_bi_stdin_buf, [pos, len) unread). A
// line longer than the buffer is decoded in pieces cut at UTF-8 character boundaries and
// joined. Bytes are decoded as UTF-8 by rt_str_from_utf8 (malformed sequences become
// U+FFFD where CPython raises UnicodeDecodeError).

import { type Assembler, type Label, byte, dl, eax, ecx, edi, edx, esi, mem, r12, r13, r14, r15, rax, rbp, rbx, rcx, rdi, rdx, rip, rsi, sib, sym } from '../../src/asm/index.js';
import type { RuntimeModule, RuntimeRoutine } from '../../src/native/rt.js';
import { epilogue, g, prologue } from '../../src/native/macros.js';
import { cstr } from './exc.js';
import { type BiSpec, BI_SAVED, builtinRoutine, callChecked, raise, specData } from './bi_args.js';
import { SYS } from './sys.js';

/** Bytes of the stdin buffer. */
export const STDIN_BUF_SIZE = 1 << 16;
const EINTR = -4;

const INPUT: BiSpec = { fname: 'input', style: 'VAR', min: 0, max: 1 };

/** acc (r15) = acc + utf8(buf[start, end)) with rdi = start offset, rsi = end offset; EXC -> fail. */
function appendBytes(a: Assembler<any>, fail: Label): void {
  const first = a.newLabel();
  a.sub(rsi, rdi);
  a.add(rdi, rbx);
  a.call(sym('rt_str_from_utf8'));
  a.cmp(r15, g('rt_const_unbound'));
  a.je(first);
  a.mov(rdi, r15);
  a.mov(rsi, rax);
  callChecked(a, 'rt_str_concat', fail);
  a.bind(first);
  a.mov(r15, rax);
}

/** The line reader; `keep` keeps the "\n" (sys.stdin.readline) where input() drops it. */
const readlineRoutine = (name: string, keep: boolean): RuntimeRoutine => ({
  name,
  contract: `read one line of standard input -> rax=str value ${keep ? 'with' : 'without'} its "\\n", UNBOUND at the end of input with nothing read, or EXC; may allocate`,
  emit(a) {
    // rbx buffer address, r12 pos, r13 len, r15 the line so far (UNBOUND: nothing yet).
    const out = a.newLabel();
    const top = a.newLabel();
    const scan = a.newLabel();
    const found = a.newLabel();
    const notFound = a.newLabel();
    const finish = a.newLabel();
    prologue(a, BI_SAVED, 8);
    a.lea(rbx, rip(sym('rt_bi_stdin_buf')));
    a.mov(r15, g('rt_const_unbound'));
    a.bind(top);
    a.mov(r12, g('rt_bi_stdin_pos'));
    a.mov(r13, g('rt_bi_stdin_len'));
    a.mov(r14, r12);
    a.bind(scan);
    a.cmp(r14, r13);
    a.jae(notFound);
    a.cmp(byte(sib(rbx, r14, 1)), 0x0a);
    a.je(found);
    a.inc(r14);
    a.jmp(scan);
    a.bind(found);
    {
      // The line is [pos, r14).
      a.lea(rax, mem(r14, 1));
      a.mov(g('rt_bi_stdin_pos'), rax);
      a.mov(rdi, r12);
      if (keep) a.lea(rsi, mem(r14, 1));
      else a.mov(rsi, r14);
      appendBytes(a, out);
      a.jmp(finish);
    }
    a.bind(notFound);
    {
      const more = a.newLabel();
      a.cmp(g('rt_bi_stdin_eof'), 0);
      a.je(more);
      // End of input: the rest is the last line (or nothing).
      a.mov(g('rt_bi_stdin_pos'), r13);
      a.cmp(r12, r13);
      a.je(finish);
      a.mov(rdi, r12);
      a.mov(rsi, r13);
      appendBytes(a, out);
      a.jmp(finish);
      a.bind(more);
      // Move the unread bytes to the front.
      {
        const copy = a.newLabel();
        const copied = a.newLabel();
        a.xor(ecx, ecx);
        a.bind(copy);
        a.lea(rax, sib(r12, rcx, 1));
        a.cmp(rax, r13);
        a.jae(copied);
        a.movzx(edx, byte(sib(rbx, rax, 1)));
        a.mov(byte(sib(rbx, rcx, 1)), dl);
        a.inc(rcx);
        a.jmp(copy);
        a.bind(copied);
        a.sub(r13, r12);
        a.xor(r12, r12);
        a.mov(g('rt_bi_stdin_pos'), 0);
        a.mov(g('rt_bi_stdin_len'), r13);
      }
      // Full without a line end: decode all but an unfinished UTF-8 character.
      {
        const room = a.newLabel();
        const back = a.newLabel();
        const cut = a.newLabel();
        const decode = a.newLabel();
        a.cmp(r13, STDIN_BUF_SIZE);
        a.jb(room);
        a.mov(rbp, r13);
        // Step back over up to 3 continuation bytes to the start of the last character.
        a.mov(ecx, 4);
        a.bind(back);
        a.dec(rbp);
        a.movzx(eax, byte(sib(rbx, rbp, 1)));
        a.and(eax, 0xc0);
        a.cmp(eax, 0x80);
        a.jne(cut);
        a.dec(ecx);
        a.jne(back);
        a.mov(rbp, r13); // not UTF-8 anyway: decode everything
        a.jmp(decode);
        a.bind(cut);
        // rbp = start of the last character: keep it unless it is an ASCII byte.
        {
          const keep = a.newLabel();
          a.movzx(eax, byte(sib(rbx, rbp, 1)));
          a.cmp(eax, 0x80);
          a.jae(keep);
          a.inc(rbp);
          a.bind(keep);
        }
        a.bind(decode);
        a.xor(edi, edi);
        a.mov(rsi, rbp);
        appendBytes(a, out);
        a.mov(g('rt_bi_stdin_pos'), rbp);
        a.jmp(top);
        a.bind(room);
      }
      // read(0, buf + len, size - len), retried on EINTR; an error ends the input.
      {
        const again = a.newLabel();
        const got = a.newLabel();
        a.bind(again);
        a.mov(eax, SYS.read);
        a.xor(edi, edi);
        a.lea(rsi, sib(rbx, r13, 1));
        a.mov(edx, STDIN_BUF_SIZE);
        a.sub(rdx, r13);
        a.syscall();
        a.cmp(rax, EINTR);
        a.je(again);
        a.test(rax, rax);
        a.jg(got);
        a.mov(g('rt_bi_stdin_eof'), 1);
        a.jmp(top);
        a.bind(got);
        a.add(g('rt_bi_stdin_len'), rax);
        a.jmp(top);
      }
    }
    a.bind(finish);
    a.mov(rax, r15);
    a.bind(out);
    epilogue(a, BI_SAVED, 8);
  },
});

const input = builtinRoutine('rt_builtin_input', "input(prompt=''): vector ABI -> the next line of standard input without its line ending (the prompt's str() written to stdout first, stdout flushed), or EXC (EOFError 'EOF when reading a line', TypeError 'input expected at most 1 argument, got 2', the prompt's str() errors); may allocate, may raise", INPUT, 0, (a, c) => {
  const noPrompt = a.newLabel();
  const got = a.newLabel();
  a.mov(rdi, c.arg(0));
  a.cmp(rdi, g('rt_const_unbound'));
  a.je(noPrompt);
  callChecked(a, 'rt_str', c.out);
  a.mov(rdi, rax);
  a.mov(esi, 1);
  a.call(sym('rt_str_write'));
  a.bind(noPrompt);
  a.call(sym('rt_flush_stdout'));
  callChecked(a, 'rt_bi_readline', c.out);
  a.cmp(rax, g('rt_const_unbound'));
  a.jne(got);
  raise(a, 'EOFError', 'msg_bi_input_eof', [], c.out);
  a.bind(got);
});

export const biIoModule: RuntimeModule = {
  name: 'bi_io',
  builtins: [{ name: 'input', entry: 'rt_builtin_input' }],
  routines: [readlineRoutine('rt_bi_readline', false), readlineRoutine('rt_bi_readline_nl', true), input],
  data: [
    ...specData(INPUT),
    cstr('msg_bi_input_eof', 'EOF when reading a line'),
    { name: 'rt_bi_stdin_buf', section: 'bss', size: STDIN_BUF_SIZE, align: 64 },
    { name: 'rt_bi_stdin_pos', section: 'bss', size: 8 },
    { name: 'rt_bi_stdin_len', section: 'bss', size: 8 },
    { name: 'rt_bi_stdin_eof', section: 'bss', size: 8 },
  ],
};
