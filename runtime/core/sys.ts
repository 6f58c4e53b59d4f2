// Runtime core: Linux system calls and the buffered standard streams.
//
// Compiled programs talk to the kernel directly (no libc): raw `syscall` with the System V
// kernel convention (number in rax; arguments rdi, rsi, rdx, r10, r8, r9; result or -errno
// in rax; rcx and r11 clobbered). stdout is block-buffered, or line-buffered when it is a
// terminal (ioctl TCGETS succeeds), like CPython; stderr is unbuffered.

import { Assembler, al, byte, eax, edi, esi, mem, qword, r12, r13, r8, rax, rcx, rdi, rdx, rip, rsi, sym } from '../../src/asm/index.js';
import type { RuntimeModule } from '../../src/native/rt.js';

export const SYS = { read: 0, write: 1, open: 2, close: 3, mmap: 9, munmap: 11, ioctl: 16, clock_gettime: 228, exit_group: 231 } as const;

export const STDOUT_BUF_SIZE = 1 << 16;

const g = (name: string) => qword(rip(sym(name)));

export const sysModule: RuntimeModule = {
  name: 'sys',
  routines: [
    {
      name: 'rt_write_all',
      contract: 'rdi=fd, rsi=ptr, rdx=len -> rax=0 or -errno; writes everything (retries short writes and EINTR); clobbers rax rcx rdx rsi rdi r11; no alloc, no raise',
      emit(a: Assembler<any>) {
        const loop = a.newLabel();
        const done = a.newLabel();
        const fail = a.newLabel();
        a.bind(loop);
        a.test(rdx, rdx);
        a.je(done);
        a.push(rdi);
        a.push(rsi);
        a.push(rdx);
        a.mov(eax, SYS.write);
        a.syscall();
        a.pop(rdx);
        a.pop(rsi);
        a.pop(rdi);
        a.cmp(rax, -4); // EINTR
        a.je(loop);
        a.test(rax, rax);
        a.js(fail);
        a.add(rsi, rax);
        a.sub(rdx, rax);
        a.jmp(loop);
        a.bind(done);
        a.xor(eax, eax);
        a.ret();
        a.bind(fail);
        a.ret();
      },
    },
    {
      name: 'rt_flush_stdout',
      contract: 'flush the stdout buffer to fd 1; clobbers rax rcx rdx rsi rdi r11; no alloc, no raise',
      emit(a: Assembler<any>) {
        a.mov(rdx, g('rt_stdout_len'));
        a.mov(edi, 1);
        a.lea(rsi, rip(sym('rt_stdout_buf')));
        a.mov(g('rt_stdout_len'), 0);
        a.jmp(sym('rt_write_all'));
      },
    },
    {
      name: 'rt_stdout_write',
      contract: 'rdi=ptr, rsi=len: append to stdout (flushing when full, or at a newline on a terminal); clobbers rax rcx rdx rsi rdi r11; no alloc, no raise',
      emit(a: Assembler<any>) {
        const big = a.newLabel();
        const copy = a.newLabel();
        const scan = a.newLabel();
        const flushNow = a.newLabel();
        const ret = a.newLabel();
        a.push(r12);
        a.push(r13);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        // Too big for the buffer: flush, then write directly.
        a.cmp(r13, STDOUT_BUF_SIZE);
        a.jae(big);
        a.mov(rax, g('rt_stdout_len'));
        a.add(rax, r13);
        a.cmp(rax, STDOUT_BUF_SIZE);
        a.jbe(copy);
        a.call(sym('rt_flush_stdout'));
        a.bind(copy);
        a.mov(rax, g('rt_stdout_len'));
        a.lea(rdi, rip(sym('rt_stdout_buf')));
        a.add(rdi, rax);
        a.mov(rsi, r12);
        a.mov(rcx, r13);
        a.rep_movsb();
        a.add(g('rt_stdout_len'), r13);
        a.cmp(byte(rip(sym('rt_stdout_tty'))), 0);
        a.je(ret);
        // Line buffering on a terminal: flush if the new text holds a newline.
        a.mov(rcx, r13);
        a.mov(rsi, r12);
        a.bind(scan);
        a.test(rcx, rcx);
        a.je(ret);
        a.cmp(byte(mem(rsi)), 10);
        a.je(flushNow);
        a.inc(rsi);
        a.dec(rcx);
        a.jmp(scan);
        a.bind(flushNow);
        a.call(sym('rt_flush_stdout'));
        a.jmp(ret);
        a.bind(big);
        a.call(sym('rt_flush_stdout'));
        a.mov(edi, 1);
        a.mov(rsi, r12);
        a.mov(rdx, r13);
        a.call(sym('rt_write_all'));
        a.bind(ret);
        a.pop(r13);
        a.pop(r12);
        a.ret();
      },
    },
    {
      name: 'rt_stderr_write',
      contract: 'rdi=ptr, rsi=len: write to fd 2 unbuffered (stdout is flushed first); clobbers caller-saved; no alloc, no raise',
      emit(a: Assembler<any>) {
        a.push(r12);
        a.push(r13);
        a.mov(r12, rdi);
        a.mov(r13, rsi);
        a.call(sym('rt_flush_stdout'));
        a.mov(edi, 2);
        a.mov(rsi, r12);
        a.mov(rdx, r13);
        a.call(sym('rt_write_all'));
        a.pop(r13);
        a.pop(r12);
        a.ret();
      },
    },
    {
      name: 'rt_init_stdio',
      contract: 'detect whether stdout is a terminal (ioctl TCGETS) for line buffering; clobbers rax rcx rdx rsi rdi r11; no alloc, no raise',
      emit(a: Assembler<any>) {
        a.lea(rdx, rip(sym('rt_scratch')));
        a.mov(edi, 1);
        a.mov(esi, 0x5401); // TCGETS: succeeds only on a terminal
        a.mov(eax, SYS.ioctl);
        a.syscall();
        a.test(rax, rax);
        a.sete(byte(rip(sym('rt_stdout_tty'))));
        a.ret();
      },
    },
    {
      name: 'rt_getenv',
      contract: 'rdi=NUL-terminated name -> rax=address of its NUL-terminated value in the environment, or 0; clobbers rax rcx rdx rsi r8; no alloc, no raise',
      emit(a: Assembler<any>) {
        // rt_envp is the process's envp (set by the entry point; 0 when unknown).
        const nextVar = a.newLabel();
        const cmpLoop = a.newLabel();
        const notIt = a.newLabel();
        const none = a.newLabel();
        a.mov(r8, g('rt_envp'));
        a.test(r8, r8);
        a.je(none);
        a.bind(nextVar);
        a.mov(rsi, qword(mem(r8)));
        a.test(rsi, rsi);
        a.je(none);
        a.mov(rcx, rdi);
        a.bind(cmpLoop);
        a.movzx(eax, byte(mem(rcx)));
        a.test(eax, eax);
        const nameEnd = a.newLabel();
        a.je(nameEnd);
        a.cmp(al, byte(mem(rsi)));
        a.jne(notIt);
        a.inc(rcx);
        a.inc(rsi);
        a.jmp(cmpLoop);
        a.bind(nameEnd);
        a.cmp(byte(mem(rsi)), 0x3d); // '='
        a.jne(notIt);
        a.lea(rax, mem(rsi, 1));
        a.ret();
        a.bind(notIt);
        a.add(r8, 8);
        a.jmp(nextVar);
        a.bind(none);
        a.xor(eax, eax);
        a.ret();
      },
    },
    {
      name: 'rt_exit',
      contract: 'edi=status: flush stdout and end the process (exit_group); never returns',
      emit(a: Assembler<any>) {
        a.push(rdi);
        a.call(sym('rt_flush_stdout'));
        a.pop(rdi);
        a.mov(eax, SYS.exit_group);
        a.syscall();
        a.ud2();
      },
    },
  ],
  data: [
    { name: 'rt_stdout_buf', section: 'bss', size: STDOUT_BUF_SIZE, align: 64 },
    { name: 'rt_stdout_len', section: 'bss', size: 8 },
    { name: 'rt_stdout_tty', section: 'bss', size: 8 },
    { name: 'rt_scratch', section: 'bss', size: 256, align: 16 },
    { name: 'rt_envp', section: 'bss', size: 8 },
  ],
};

