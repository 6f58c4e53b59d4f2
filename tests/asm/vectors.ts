// Hex-vector specifications for the assembler tests: each vector pairs a GNU as
// (Intel syntax) snippet with the same code written through our API.
//
// Role: the single list read by tests/asm/gen-vectors.ts (which assembles `gas` once
// with GNU as and stores bytes and relocations in vectors.generated.ts) and by
// tests/asm/encode.test.ts (which checks our bytes, holes, relocations and listing
// against that fixture). Run scripts/gen-asm-vectors.sh after editing this file.
//
// Conventions: `gas` is written in our listing's spelling, so it doubles as the
// expected names-mode listing unless `listing` says otherwise. Holes use gas symbols
// named `h_*` (their relocations stand in for hole sites); any other undefined
// symbol is an external symbol (a relocation).

import {
  type Assembler, type Operand,
  rax, rbx, rcx, rdx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15,
  eax, ebx, ecx, edx, r8d, r9d, r10d, r12d, r15d,
  ax, bx, cx, r9w, r11w, r12w,
  al, bl, cl, dl, spl, bpl, sil, dil, r8b, r9b, r10b, r15b,
  xmm0, xmm1, xmm2, xmm3, xmm8, xmm9, xmm10, xmm15,
  mem, sib, rip, byte, word, dword, qword, xmmword, memory, hole, sym,
  CONDS, type Mnemonic,
} from '../../src/asm/index.js';

export interface Vector {
  readonly name: string;
  readonly gas: string;
  readonly build: (a: Assembler<string>) => void;
  /** Expected names-mode listing, when it differs from `gas`. */
  readonly listing?: string;
}

export const VECTORS: Vector[] = [];

function v(gas: string, build: (a: Assembler<string>) => void, listing?: string, name?: string): void {
  VECTORS.push({ name: name ?? gas, gas, build, ...(listing !== undefined ? { listing } : {}) });
}
/** A vector of one instruction given by mnemonic and operands. */
function i(gas: string, mn: Mnemonic, ...ops: Operand<string>[]): void {
  v(gas, (a) => a.emit(mn, ...ops));
}
const lines = (...ls: string[]): string => ls.join('\n');
const rep = (n: number, s: string): string[] => Array.from({ length: n }, () => s);

// ---- MOV: REX.W/R/X/B, 8-bit registers needing REX, addressing modes -------------
i('mov rax, rbx', 'mov', rax, rbx);
i('mov eax, ebx', 'mov', eax, ebx);
i('mov ax, bx', 'mov', ax, bx);
i('mov al, bl', 'mov', al, bl);
i('mov r8, r15', 'mov', r8, r15);
i('mov rax, r8', 'mov', rax, r8);
i('mov r8, rax', 'mov', r8, rax);
i('mov r8d, eax', 'mov', r8d, eax);
i('mov r11w, r12w', 'mov', r11w, r12w);
i('mov r9b, r10b', 'mov', r9b, r10b);
i('mov sil, dil', 'mov', sil, dil);
i('mov spl, al', 'mov', spl, al);
i('mov bpl, r8b', 'mov', bpl, r8b);
i('mov al, sil', 'mov', al, sil);
i('mov rax, qword ptr [rbx]', 'mov', rax, qword(rbx));
i('mov rax, qword ptr [rsp]', 'mov', rax, qword(rsp));
i('mov rax, qword ptr [rbp]', 'mov', rax, qword(rbp));
i('mov rax, qword ptr [r12]', 'mov', rax, qword(r12));
i('mov rax, qword ptr [r13]', 'mov', rax, qword(r13));
i('mov rax, qword ptr [rbp+0x18]', 'mov', rax, qword(rbp, 0x18));
i('mov rax, qword ptr [rsp+0x8]', 'mov', rax, qword(rsp, 8));
i('mov rax, qword ptr [r12+0x80]', 'mov', rax, qword(r12, 0x80));
i('mov rax, qword ptr [r13-0x8]', 'mov', rax, qword(r13, -8));
i('mov rax, qword ptr [rax-0x80]', 'mov', rax, qword(rax, -0x80));
i('mov rax, qword ptr [rax+0x7f]', 'mov', rax, qword(rax, 0x7f));
i('mov rax, qword ptr [rax+0x80]', 'mov', rax, qword(rax, 0x80));
i('mov rax, qword ptr [rax-0x81]', 'mov', rax, qword(rax, -0x81));
i('mov rcx, qword ptr [rdx+0x12345678]', 'mov', rcx, qword(rdx, 0x12345678));
i('mov rax, qword ptr [rdx-0x80000000]', 'mov', rax, qword(rdx, -0x80000000));
i('mov r10, qword ptr [r11+r12*4+0x10]', 'mov', r10, qword(sib(r11, r12, 4, 0x10)));
i('mov rax, qword ptr [rbx+rcx*1]', 'mov', rax, qword(sib(rbx, rcx)));
i('mov rax, qword ptr [rbp+rcx*2]', 'mov', rax, qword(sib(rbp, rcx, 2)));
i('mov rax, qword ptr [r13+r14*8]', 'mov', rax, qword(sib(r13, r14, 8)));
i('mov rax, qword ptr [rsp+rbp*1+0x8]', 'mov', rax, qword(sib(rsp, rbp, 1, 8)));
i('mov rax, qword ptr [rcx*8+0x10]', 'mov', rax, qword(sib(undefined, rcx, 8, 0x10)));
i('mov rax, qword ptr [r9*2]', 'mov', rax, qword(sib(undefined, r9, 2)));
i('mov rax, qword ptr ds:0x1234', 'mov', rax, qword(memory({ disp: 0x1234 })));
i('mov rax, qword ptr [rax]', 'mov', rax, mem(rax));
i('mov qword ptr [rax], rbx', 'mov', qword(rax), rbx);
i('mov qword ptr [r15+0x10], r14', 'mov', mem(r15, 0x10), r14);
i('mov dword ptr [r8], r9d', 'mov', dword(r8), r9d);
i('mov word ptr [rax], cx', 'mov', word(rax), cx);
i('mov byte ptr [rsi], dil', 'mov', byte(rsi), dil);
i('mov cl, byte ptr [rax]', 'mov', cl, byte(rax));
i('mov eax, 0x1', 'mov', eax, 1);
i('mov r15d, 0xffffffff', 'mov', r15d, 0xffffffff);
i('mov rax, 0x1', 'mov', rax, 1);
i('mov rax, 0xffffffffffffffff', 'mov', rax, -1);
i('mov rax, 0x7fffffff', 'mov', rax, 0x7fffffff);
v('movabs rax, 0x80000000', (a) => a.mov(rax, 0x80000000));
v('movabs r15, 0x123456789abcdef0', (a) => a.mov(r15, 0x123456789abcdef0n));
v('movabs rcx, 0x1', (a) => a.movabs(rcx, 1));
v('movabs rdx, 0x8000000000000000', (a) => a.movabs(rdx, -(1n << 63n)));
i('mov ax, 0x1234', 'mov', ax, 0x1234);
i('mov al, 0xff', 'mov', al, 0xff);
i('mov r9b, 0x1', 'mov', r9b, 1);
i('mov sil, 0x5', 'mov', sil, 5);
i('mov qword ptr [rax], 0x1', 'mov', qword(rax), 1);
i('mov dword ptr [rbp-0x4], 0x2a', 'mov', dword(rbp, -4), 42);
i('mov word ptr [rax], 0x1', 'mov', word(rax), 1);
i('mov byte ptr [rax], 0xff', 'mov', byte(rax), -1);
v('mov qword ptr [rsp+0x8], -1', (a) => a.mov(qword(rsp, 8), -1), 'mov qword ptr [rsp+0x8], 0xffffffffffffffff');

// ---- MOVZX / MOVSX / MOVSXD / LEA ------------------------------------------------
i('movzx eax, byte ptr [rcx]', 'movzx', eax, byte(rcx));
i('movzx eax, cl', 'movzx', eax, cl);
i('movzx rax, sil', 'movzx', rax, sil);
i('movzx r8d, word ptr [rax]', 'movzx', r8d, word(rax));
i('movzx rax, bx', 'movzx', rax, bx);
i('movzx ax, al', 'movzx', ax, al);
i('movsx rax, byte ptr [rdi]', 'movsx', rax, byte(rdi));
i('movsx eax, r9w', 'movsx', eax, r9w);
i('movsx r12, r15b', 'movsx', r12, r15b);
i('movsxd rax, ecx', 'movsxd', rax, ecx);
i('movsxd r8, dword ptr [rsp]', 'movsxd', r8, mem(rsp));
i('lea rcx, [rsp+r12*8+0x10]', 'lea', rcx, sib(rsp, r12, 8, 0x10));
i('lea eax, [rdi+rsi*1]', 'lea', eax, sib(rdi, rsi));
i('lea rax, [rbp-0x20]', 'lea', rax, mem(rbp, -0x20));
i('lea r13, [r13+0x1]', 'lea', r13, mem(r13, 1));
i('lea rax, [rax*4]', 'lea', rax, sib(undefined, rax, 4));

// ---- ALU group: all forms of the eight operations --------------------------------
const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'] as const;
for (const op of ALU) {
  i(`${op} rax, rbx`, op, rax, rbx);
  i(`${op} r9d, r10d`, op, r9d, r10d);
  i(`${op} bl, sil`, op, bl, sil);
  i(`${op} rax, qword ptr [rbx+0x8]`, op, rax, qword(rbx, 8));
  i(`${op} qword ptr [rbx], rax`, op, qword(rbx), rax);
  i(`${op} rax, 0x7f`, op, rax, 0x7f);
  i(`${op} rax, 0x1000`, op, rax, 0x1000);
  i(`${op} rcx, 0x1000`, op, rcx, 0x1000);
  i(`${op} rcx, 0xffffffffffffff80`, op, rcx, -128);
  i(`${op} eax, 0xfffffff0`, op, eax, 0xfffffff0);
  i(`${op} al, 0x5`, op, al, 5);
  i(`${op} cl, 0x85`, op, cl, 0x85);
  i(`${op} ax, 0x1234`, op, ax, 0x1234);
  i(`${op} r12d, 0x80`, op, r12d, 0x80);
  i(`${op} word ptr [rax], 0x1`, op, word(rax), 1);
  i(`${op} byte ptr [r8], 0x1`, op, byte(r8), 1);
  i(`${op} qword ptr [rbp-0x8], 0x12345`, op, qword(rbp, -8), 0x12345);
}
i('test rax, rbx', 'test', rax, rbx);
i('test al, 0x1', 'test', al, 1);
i('test eax, 0x100', 'test', eax, 0x100);
i('test rcx, 0x1', 'test', rcx, 1);
i('test byte ptr [rax], 0x1', 'test', byte(rax), 1);
i('test sil, sil', 'test', sil, sil);
i('test qword ptr [rdi+0x8], r10', 'test', qword(rdi, 8), r10);
i('test rax, qword ptr [rcx]', 'test', rax, mem(rcx));

// ---- unary, multiply/divide ------------------------------------------------------
i('inc rax', 'inc', rax);
i('inc sil', 'inc', sil);
i('dec dword ptr [rbx]', 'dec', dword(rbx));
i('dec ax', 'dec', ax);
i('neg r9', 'neg', r9);
i('not byte ptr [rax]', 'not', byte(rax));
i('not r10d', 'not', r10d);
i('mul rcx', 'mul', rcx);
i('imul r8', 'imul', r8);
i('div qword ptr [rsp]', 'div', qword(rsp));
i('idiv ecx', 'idiv', ecx);
i('idiv r11', 'idiv', r11);
i('imul rax, rbx', 'imul', rax, rbx);
i('imul r12d, dword ptr [rdi]', 'imul', r12d, mem(rdi));
i('imul rax, rbx, 0x7f', 'imul', rax, rbx, 0x7f);
i('imul rax, rbx, 0x100', 'imul', rax, rbx, 0x100);
v('imul r12, r13, -3', (a) => a.imul(r12, r13, -3), 'imul r12, r13, 0xfffffffffffffffd');
i('imul ecx, dword ptr [rax+0x4], 0x3e8', 'imul', ecx, mem(rax, 4), 1000);
i('cqo', 'cqo');
i('cdq', 'cdq');
i('cdqe', 'cdqe');

// ---- shifts, rotates, bit operations ---------------------------------------------
i('shl rax, 1', 'shl', rax, 1);
i('shl rax, 0x3', 'shl', rax, 3);
i('shl rax, cl', 'shl', rax, cl);
i('sar r9d, 0x1f', 'sar', r9d, 31);
i('shr byte ptr [rax], 1', 'shr', byte(rax), 1);
i('rol word ptr [rax], cl', 'rol', word(rax), cl);
i('ror r8, 0x8', 'ror', r8, 8);
i('rcl rax, 1', 'rcl', rax, 1);
i('rcr dil, 0x2', 'rcr', dil, 2);
i('sar qword ptr [rbp+0x10], cl', 'sar', qword(rbp, 0x10), cl);
i('shld rax, rbx, 0x4', 'shld', rax, rbx, 4);
i('shld rax, rbx, cl', 'shld', rax, rbx, cl);
i('shrd r8, r9, 0x3f', 'shrd', r8, r9, 63);
i('shrd dword ptr [rax], edx, cl', 'shrd', dword(rax), edx, cl);
i('bt rax, rcx', 'bt', rax, rcx);
i('bt rax, 0x3f', 'bt', rax, 63);
i('bts qword ptr [rdi], rax', 'bts', qword(rdi), rax);
i('btr r10d, 0x5', 'btr', r10d, 5);
i('btc ax, 0x1', 'btc', ax, 1);
i('bsf rax, rbx', 'bsf', rax, rbx);
i('bsr ecx, dword ptr [rax]', 'bsr', ecx, mem(rax));
i('lzcnt rax, rbx', 'lzcnt', rax, rbx);
i('lzcnt ax, bx', 'lzcnt', ax, bx);
i('tzcnt r8, qword ptr [rsi]', 'tzcnt', r8, mem(rsi));
i('popcnt eax, ecx', 'popcnt', eax, ecx);
i('popcnt r15, r9', 'popcnt', r15, r9);

// ---- SETcc / CMOVcc (every condition) --------------------------------------------
for (const c of CONDS) {
  i(`set${c} al`, `set${c}`, al);
  i(`cmov${c} rax, rbx`, `cmov${c}`, rax, rbx);
}
i('setb sil', 'setb', sil);
i('setne r10b', 'setne', r10b);
i('setg byte ptr [rax]', 'setg', byte(rax));
i('cmovl r8d, dword ptr [rcx]', 'cmovl', r8d, mem(rcx));
i('cmove ax, bx', 'cmove', ax, bx);
v('sete dl', (a) => a.setz(dl), undefined, 'setz alias');
v('cmovne rax, rcx', (a) => a.cmov('nz', rax, rcx), undefined, 'cmov(nz) by value');

// ---- push / pop / xchg / misc ----------------------------------------------------
i('push rax', 'push', rax);
i('push r15', 'push', r15);
i('push qword ptr [rbp+0x10]', 'push', mem(rbp, 0x10));
i('push 0x1', 'push', 1);
i('push 0x100', 'push', 0x100);
i('push 0xffffffffffffffff', 'push', -1);
i('pop rbx', 'pop', rbx);
i('pop r12', 'pop', r12);
i('pop qword ptr [rax]', 'pop', mem(rax));
i('leave', 'leave');
i('xchg rax, rbx', 'xchg', rax, rbx);
i('xchg rbx, rax', 'xchg', rbx, rax);
i('xchg r8, rax', 'xchg', r8, rax);
i('xchg rcx, rbx', 'xchg', rcx, rbx);
i('xchg ecx, ebx', 'xchg', ecx, ebx);
i('xchg cx, ax', 'xchg', cx, ax);
i('xchg al, bl', 'xchg', al, bl);
i('xchg qword ptr [rax], rcx', 'xchg', qword(rax), rcx);
i('xchg rcx, qword ptr [rax]', 'xchg', rcx, mem(rax));
i('cmpxchg qword ptr [rdi], rcx', 'cmpxchg', qword(rdi), rcx);
i('cmpxchg r8d, r9d', 'cmpxchg', r8d, r9d);
i('cmpxchg byte ptr [rax], sil', 'cmpxchg', byte(rax), sil);
for (const mn of ['syscall', 'nop', 'int3', 'ud2', 'hlt', 'pause', 'rdtsc', 'cpuid', 'cld', 'mfence', 'ret'] as const) {
  i(mn, mn);
}
i('ret 0x8', 'ret', 8);
i('rep movsb', 'rep_movsb');
i('rep stosb', 'rep_stosb');
i('rep movsq', 'rep_movsq');
i('rep stosq', 'rep_stosq');
i('jmp rax', 'jmp', rax);
i('jmp r12', 'jmp', r12);
i('jmp qword ptr [rax+0x8]', 'jmp', mem(rax, 8));
i('jmp qword ptr [rdi+rcx*8]', 'jmp', qword(sib(rdi, rcx, 8)));
i('call r11', 'call', r11);
i('call qword ptr [rbx]', 'call', mem(rbx));

// ---- SSE2 --------------------------------------------------------------------------
i('movsd xmm0, xmm1', 'movsd', xmm0, xmm1);
i('movsd xmm0, qword ptr [rax]', 'movsd', xmm0, mem(rax));
i('movsd qword ptr [rsp+0x8], xmm15', 'movsd', mem(rsp, 8), xmm15);
i('movsd xmm8, qword ptr [r12]', 'movsd', xmm8, qword(r12));
i('movq xmm0, rax', 'movq', xmm0, rax);
i('movq rax, xmm0', 'movq', rax, xmm0);
i('movq xmm9, r10', 'movq', xmm9, r10);
i('movq r10, xmm9', 'movq', r10, xmm9);
i('movq xmm0, qword ptr [rax]', 'movq', xmm0, mem(rax));
i('movq qword ptr [rax], xmm1', 'movq', mem(rax), xmm1);
i('movq xmm1, xmm2', 'movq', xmm1, xmm2);
i('movd xmm0, eax', 'movd', xmm0, eax);
i('movd eax, xmm0', 'movd', eax, xmm0);
i('movd xmm0, dword ptr [rax]', 'movd', xmm0, mem(rax));
for (const mn of ['movapd', 'movaps', 'movdqa', 'movdqu'] as const) {
  i(`${mn} xmm0, xmm1`, mn, xmm0, xmm1);
  i(`${mn} xmm0, xmmword ptr [rax]`, mn, xmm0, mem(rax));
  i(`${mn} xmmword ptr [rax], xmm8`, mn, xmmword(rax), xmm8);
}
for (const mn of ['addsd', 'subsd', 'mulsd', 'divsd', 'sqrtsd', 'minsd', 'maxsd', 'ucomisd', 'comisd'] as const) {
  i(`${mn} xmm0, xmm1`, mn, xmm0, xmm1);
  i(`${mn} xmm10, qword ptr [rbp-0x8]`, mn, xmm10, mem(rbp, -8));
}
i('cvtsi2sd xmm0, rax', 'cvtsi2sd', xmm0, rax);
i('cvtsi2sd xmm0, eax', 'cvtsi2sd', xmm0, eax);
i('cvtsi2sd xmm3, qword ptr [rax]', 'cvtsi2sd', xmm3, qword(rax));
i('cvtsi2sd xmm0, dword ptr [rax]', 'cvtsi2sd', xmm0, dword(rax));
i('cvtsi2sd xmm9, r13', 'cvtsi2sd', xmm9, r13);
i('cvttsd2si rax, xmm0', 'cvttsd2si', rax, xmm0);
i('cvttsd2si eax, xmm1', 'cvttsd2si', eax, xmm1);
i('cvttsd2si r8, qword ptr [rax]', 'cvttsd2si', r8, mem(rax));
i('cvtsd2si rax, xmm0', 'cvtsd2si', rax, xmm0);
i('cvtsd2si r9d, xmm10', 'cvtsd2si', r9d, xmm10);
for (const mn of ['xorpd', 'andpd', 'andnpd', 'orpd', 'xorps', 'unpcklpd', 'unpckhpd', 'pxor', 'pand', 'por', 'pcmpeqb'] as const) {
  i(`${mn} xmm0, xmm1`, mn, xmm0, xmm1);
  i(`${mn} xmm9, xmmword ptr [rdi]`, mn, xmm9, mem(rdi));
}
i('movmskpd eax, xmm0', 'movmskpd', eax, xmm0);
i('pmovmskb eax, xmm1', 'pmovmskb', eax, xmm1);
i('pmovmskb r10d, xmm9', 'pmovmskb', r10d, xmm9);

// ---- labels, jumps and branch relaxation -----------------------------------------
v(lines('jmp L1', 'nop', 'L1:'), (a) => {
  const l = a.newLabel('L1'); a.jmp(l); a.nop(); a.bind(l);
}, undefined, 'jmp forward rel8');
v(lines('L1:', 'nop', 'jmp L1'), (a) => {
  const l = a.label('L1'); a.nop(); a.jmp(l);
}, undefined, 'jmp backward rel8');
v(lines(...CONDS.map((c) => `j${c} L1`), 'L1:'), (a) => {
  const l = a.newLabel('L1');
  for (const c of CONDS) a.emit(`j${c}`, l);
  a.bind(l);
}, undefined, 'jcc forward rel8, every condition');
v(lines('L1:', ...CONDS.map((c) => `j${c} L1`)), (a) => {
  const l = a.label('L1');
  for (const c of CONDS) a.j(c, l);
}, undefined, 'jcc backward rel8, every condition');
v(lines(...CONDS.map((c) => `j${c} L1`), ...rep(128, 'nop'), 'L1:'), (a) => {
  const l = a.newLabel('L1');
  for (const c of CONDS) a.j(c, l);
  for (let k = 0; k < 128; k++) a.nop();
  a.bind(l);
}, undefined, 'jcc forward rel32, every condition');
v(lines('jmp L1', ...rep(127, 'nop'), 'L1:'), (a) => {
  const l = a.newLabel('L1'); a.jmp(l);
  for (let k = 0; k < 127; k++) a.nop();
  a.bind(l);
}, undefined, 'jmp forward +127 stays rel8');
v(lines('jmp L1', ...rep(128, 'nop'), 'L1:'), (a) => {
  const l = a.newLabel('L1'); a.jmp(l);
  for (let k = 0; k < 128; k++) a.nop();
  a.bind(l);
}, undefined, 'jmp forward +128 needs rel32');
v(lines('L1:', ...rep(126, 'nop'), 'jne L1'), (a) => {
  const l = a.label('L1');
  for (let k = 0; k < 126; k++) a.nop();
  a.jne(l);
}, undefined, 'jne backward -128 stays rel8');
v(lines('L1:', ...rep(127, 'nop'), 'jne L1'), (a) => {
  const l = a.label('L1');
  for (let k = 0; k < 127; k++) a.nop();
  a.jne(l);
}, undefined, 'jne backward -129 needs rel32');
// A must grow only because B grew: B's target is 134 bytes away; with B short,
// A's distance is 126 (fits), with B long it is 129 (does not).
v(lines('jmp L_end', 'jmp L_far', ...rep(124, 'nop'), 'L_end:', ...rep(10, 'nop'), 'L_far:'), (a) => {
  const end = a.newLabel('L_end'), far = a.newLabel('L_far');
  a.jmp(end); a.jmp(far);
  for (let k = 0; k < 124; k++) a.nop();
  a.bind(end);
  for (let k = 0; k < 10; k++) a.nop();
  a.bind(far);
}, undefined, 'relaxation chain: a jump grows because another grew');
v(lines('je L_end', 'jmp L_far', ...rep(120, 'nop'), 'L_end:', ...rep(10, 'nop'), 'L_far:'), (a) => {
  const end = a.newLabel('L_end'), far = a.newLabel('L_far');
  a.je(end); a.jmp(far);
  for (let k = 0; k < 120; k++) a.nop();
  a.bind(end);
  for (let k = 0; k < 10; k++) a.nop();
  a.bind(far);
}, undefined, 'relaxation: the outer jump still fits after the inner one grew');
v(lines('call L1', 'ret', 'L1:', 'call L1'), (a) => {
  const l = a.newLabel('L1'); a.call(l); a.ret(); a.bind(l); a.call(l);
}, undefined, 'call label forward and backward');
v(lines('lea rax, [rip+L1]', 'L1:', 'lea rcx, [rip+L1]', 'mov rdx, qword ptr [rip+L1+0x8]', 'cmp qword ptr [rip+L1], 0x5'), (a) => {
  const l = a.newLabel('L1');
  a.lea(rax, rip(l)); a.bind(l); a.lea(rcx, rip(l)); a.mov(rdx, qword(rip(l, 8))); a.cmp(qword(rip(l)), 5);
}, undefined, 'rip-relative labels forward and backward');
v(lines('andpd xmm1, xmmword ptr [rip+L1]', 'ret', 'L1:', '.quad 0x7fffffffffffffff', '.quad 0x7fffffffffffffff'), (a) => {
  const l = a.newLabel('L1');
  a.andpd(xmm1, rip(l)); a.ret(); a.bind(l); a.u64(0x7fffffffffffffffn); a.u64(0x7fffffffffffffffn);
}, undefined, 'rip-relative constant in rodata');

// ---- data --------------------------------------------------------------------------
v(lines('.byte 0x1, 0x2, 0xff', '.word 0x1234', '.long 0xdeadbeef', '.quad 0x123456789abcdef0', '.double 1.5', '.ascii "hi\\n"'), (a) => {
  a.bytes([1, 2, 255]); a.u16(0x1234); a.u32(0xdeadbeef); a.u64(0x123456789abcdef0n); a.f64(1.5); a.utf8('hi\n');
}, undefined, 'data directives');
v(lines('L1:', 'nop', 'L2:', 'ret', 'L3:', '.long L1-L3', '.long L2-L3'), (a) => {
  const l1 = a.label('L1'); a.nop(); const l2 = a.label('L2'); a.ret(); const l3 = a.label('L3');
  a.labelDelta32(l1, l3); a.labelDelta32(l2, l3);
}, undefined, 'jump table entries as label deltas');

// ---- holes (gas symbols h_* stand in for them) ------------------------------------
const H = hole;
v('movabs rax, offset h_a', (a) => a.mov(rax, H.imm64('h_a')), 'movabs rax, <imm64:h_a>');
v('movabs r12, offset h_a2', (a) => a.movabs(r12, H.imm64('h_a2')), 'movabs r12, <imm64:h_a2>');
v('mov rax, offset h_b', (a) => a.mov(rax, H.imm32('h_b')), 'mov rax, <imm32:h_b>');
v('mov ecx, offset h_c', (a) => a.mov(ecx, H.imm32('h_c')), 'mov ecx, <imm32:h_c>');
v('add rax, offset h_d', (a) => a.add(rax, H.imm32('h_d')), 'add rax, <imm32:h_d>');
v('add rcx, offset h_e', (a) => a.add(rcx, H.imm32('h_e')), 'add rcx, <imm32:h_e>');
v('cmp qword ptr [rbp+h_f], offset h_g', (a) => a.cmp(qword(rbp, H.disp32('h_f')), H.imm32('h_g')),
  'cmp qword ptr [rbp+<disp32:h_f>], <imm32:h_g>');
v('mov qword ptr [rbp+h_s], rax', (a) => a.mov(mem(rbp, H.disp32('h_s')), rax), 'mov qword ptr [rbp+<disp32:h_s>], rax');
v('mov rax, qword ptr [rsp+h_t]', (a) => a.mov(rax, mem(rsp, H.disp32('h_t'))), 'mov rax, qword ptr [rsp+<disp32:h_t>]');
v('mov rax, qword ptr [rax+h_u]', (a) => a.mov(rax, mem(rax, H.disp32('h_u'))), 'mov rax, qword ptr [rax+<disp32:h_u>]');
v('mov rax, qword ptr [rbp+rcx*8+h_v]', (a) => a.mov(rax, sib(rbp, rcx, 8, H.disp32('h_v'))),
  'mov rax, qword ptr [rbp+rcx*8+<disp32:h_v>]');
v('movsd xmm0, qword ptr [r14+h_fs]', (a) => a.movsd(xmm0, mem(r14, H.disp32('h_fs'))), 'movsd xmm0, qword ptr [r14+<disp32:h_fs>]');
v('jmp h_w', (a) => a.jmp(H.rel32('h_w')), 'jmp <rel32:h_w>');
v('je h_x', (a) => a.je(H.rel32('h_x')), 'je <rel32:h_x>');
v('call h_y', (a) => a.call(H.rel32('h_y')), 'call <rel32:h_y>');
v('lea rax, [rip+h_z]', (a) => a.lea(rax, rip(H.rel32('h_z'))), 'lea rax, [rip+<rel32:h_z>]');
v('cmp qword ptr [rip+h_z2], 0x5', (a) => a.cmp(qword(rip(H.rel32('h_z2'))), 5), 'cmp qword ptr [rip+<rel32:h_z2>], 0x5');
v('shl rax, offset h_i8', (a) => a.shl(rax, H.imm8('h_i8')), 'shl rax, <imm8:h_i8>');
v('push offset h_p', (a) => a.push(H.imm32('h_p')), 'push <imm32:h_p>');
v('imul rax, rbx, offset h_im', (a) => a.imul(rax, rbx, H.imm32('h_im')), 'imul rax, rbx, <imm32:h_im>');
v('mov dword ptr [rbx+h_m], offset h_n', (a) => a.mov(dword(rbx, H.disp32('h_m')), H.imm32('h_n')),
  'mov dword ptr [rbx+<disp32:h_m>], <imm32:h_n>');
v(lines('.quad h_q', '.long h_l'), (a) => { a.u64(H.imm64('h_q')); a.u32(H.imm32('h_l')); },
  lines('.quad <imm64:h_q>', '.long <imm32:h_l>'), 'data holes');
v(lines('mov rax, qword ptr [rbp+h_1]', 'cmp rax, offset h_2', 'jne h_3', 'mov qword ptr [rbp+h_4], rax', 'jmp h_5'), (a) => {
  a.mov(rax, qword(rbp, H.disp32('h_1')));
  a.cmp(rax, H.imm32('h_2'));
  a.jne(H.rel32('h_3'));
  a.mov(qword(rbp, H.disp32('h_4')), rax);
  a.jmp(H.rel32('h_5'));
}, lines(
  'mov rax, qword ptr [rbp+<disp32:h_1>]', 'cmp rax, <imm32:h_2>', 'jne <rel32:h_3>',
  'mov qword ptr [rbp+<disp32:h_4>], rax', 'jmp <rel32:h_5>',
), 'template-like sequence with several holes');

// ---- external symbols (relocations) ------------------------------------------------
v('call rt_alloc', (a) => a.call(sym('rt_alloc')));
v('jmp rt_tail', (a) => a.jmp(sym('rt_tail')));
v('jne rt_raise', (a) => a.jne(sym('rt_raise')));
v('lea rax, [rip+rt_data]', (a) => a.lea(rax, rip(sym('rt_data'))));
v('lea rax, [rip+rt_data+0x10]', (a) => a.lea(rax, rip(sym('rt_data'), 0x10)));
v('mov rax, qword ptr [rip+rt_data]', (a) => a.mov(rax, rip(sym('rt_data'))));
v('cmp qword ptr [rip+rt_x], 0x5', (a) => a.cmp(qword(rip(sym('rt_x'))), 5));
v('mov byte ptr [rip+rt_y], 0x1', (a) => a.mov(byte(rip(sym('rt_y'))), 1));
v('movabs rax, offset rt_table', (a) => a.mov(rax, sym('rt_table')));
v(lines('.quad rt_fn', '.quad rt_fn+0x8'), (a) => { a.u64(sym('rt_fn')); a.u64(sym('rt_fn'), 8); }, undefined, 'data abs64 to symbols');
v(lines('nop', 'L1:', 'ret', '.quad L1'), (a) => { a.nop(); const l = a.label('L1'); a.ret(); a.u64(l); }, undefined, 'data abs64 to own label');
v(lines('L1:', 'movabs rax, offset L1'), (a) => { const l = a.label('L1'); a.mov(rax, l); }, undefined, 'movabs of own label address');
