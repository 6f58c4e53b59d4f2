// Behaviour of the Assembler beyond single-instruction encodings: alignment and NOP
// padding, relaxation properties, label offsets, holes with typed descriptors,
// relocations, listing formatting, idiom helpers and every error path.

import { describe, expect, it } from 'vitest';
import {
  Assembler, AsmError, type AsmOutput, formatListing, hole, invertCond, movImm, zero, CONDS,
  mem, sib, rip, qword, dword, byte, memory, sym,
  rax, rbx, rcx, rdx, rsp, rbp, r12, r13, eax, ebx, al, xmm0,
} from '../../src/asm/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function asm<K = string>(build: (a: Assembler<K>) => void): AsmOutput<K> {
  const a = new Assembler<K>();
  build(a);
  return a.finish();
}

// Intel SDM Vol. 2B, "NOP—No Operation", Table 4-12: recommended multi-byte NOPs.
const SDM_NOPS = [
  '90', '6690', '0f1f00', '0f1f4000', '0f1f440000', '660f1f440000', '0f1f8000000000',
  '0f1f840000000000', '660f1f840000000000',
];

describe('alignment and padding', () => {
  it('pads with the SDM multi-byte NOP of exactly the missing length', () => {
    for (let k = 1; k <= 9; k++) {
      const out = asm((a) => {
        a.bytes(new Array(16 - k).fill(0xcc));
        a.align(16);
        a.ret();
      });
      expect(out.bytes.length).toBe(17);
      expect(hex(out.bytes.subarray(16 - k, 16))).toBe(SDM_NOPS[k - 1]);
      expect(out.bytes[16]).toBe(0xc3);
      expect(out.alignment).toBe(16);
    }
  });

  it('splits long padding into 9-byte NOPs and lists each one', () => {
    const out = asm((a) => { a.ret(); a.align(32); });
    expect(out.bytes.length).toBe(32);
    expect(hex(out.bytes.subarray(1))).toBe(SDM_NOPS[8]!.repeat(3) + SDM_NOPS[3]);
    expect(out.listing.map((e) => e.text)).toEqual([
      'ret', 'nop word ptr [rax+rax*1+0x0]', 'nop word ptr [rax+rax*1+0x0]',
      'nop word ptr [rax+rax*1+0x0]', 'nop dword ptr [rax+0x0]',
    ]);
  });

  it('adds nothing when already aligned, and supports int3 and zero fill', () => {
    expect(hex(asm((a) => { a.align(8); a.ret(); a.align(8, 'int3'); }).bytes)).toBe('c3cccccccccccccc');
    const z = asm((a) => { a.ret(); a.align(4, 'zero'); a.u8(7); });
    expect(hex(z.bytes)).toBe('c300000007');
    expect(z.listing.map((e) => e.kind)).toEqual(['insn', 'align', 'data']);
  });

  it('nops(n) emits n bytes of NOPs', () => {
    for (const n of [0, 1, 5, 9, 10, 23]) expect(asm((a) => a.nops(n)).bytes.length).toBe(n);
    expect(hex(asm((a) => a.nops(11)).bytes)).toBe(SDM_NOPS[8]! + SDM_NOPS[1]);
  });

  it('keeps alignment while branches in front of it grow', () => {
    const out = asm((a) => {
      const far = a.newLabel();
      a.jmp(far);
      for (let k = 0; k < 200; k++) a.nop();
      a.align(16);
      const aligned = a.label('aligned');
      a.ret();
      a.bind(far);
      a.jmp(aligned);
    });
    expect(out.bytes[0]).toBe(0xe9); // grew to rel32
    const at = out.labels.find((l) => l.label.name === 'aligned')!.offset;
    expect(at % 16).toBe(0);
    expect(out.bytes[at]).toBe(0xc3);
  });

  it('rejects alignments that are not powers of two', () => {
    expect(() => new Assembler().align(12)).toThrow(AsmError);
    expect(() => new Assembler().align(0)).toThrow(AsmError);
  });
});

describe('labels and relaxation', () => {
  it('a jump to itself is eb fe, and jcc to the next instruction is rel8 0', () => {
    expect(hex(asm((a) => { const l = a.label(); a.jmp(l); }).bytes)).toBe('ebfe');
    expect(hex(asm((a) => { const l = a.newLabel(); a.je(l); a.bind(l); }).bytes)).toBe('7400');
  });

  it('reaches a fixed point where every short jump is in range (long chain)', () => {
    // 40 forward jumps, each over the next one plus 120 bytes: growth cascades.
    const out = asm((a) => {
      const ls = Array.from({ length: 41 }, (_, k) => a.newLabel(`L${k}`));
      for (let k = 0; k < 40; k++) {
        a.bind(ls[k]!);
        a.jne(ls[k + 1]!);
        a.bytes(new Array(120).fill(0x90));
      }
      a.bind(ls[40]!);
      a.ret();
    });
    // Check every jump by decoding its displacement from the bytes.
    for (const e of out.listing.filter((x) => x.text.startsWith('jne'))) {
      const b = out.bytes;
      const isShort = b[e.offset] === 0x75;
      const disp = isShort
        ? (b[e.offset + 1]! << 24) >> 24
        : new DataView(b.buffer, b.byteOffset).getInt32(e.offset + 2, true);
      const target = out.offsetOf(out.labels.find((l) => l.label.name === e.text.split(' ')[1])!.label);
      expect(e.offset + e.length + disp).toBe(target);
      if (!isShort) expect(e.length).toBe(6);
    }
    expect(out.bytes[0]).toBe(0x75); // 120 bytes of padding + a short jump fits rel8
  });

  it('reports label offsets for symbol tables (start/end of routines)', () => {
    const a = new Assembler();
    const f = a.newLabel('f');
    const fEnd = a.newLabel('f.end');
    a.bind(f);
    a.mov(rax, 1);
    a.ret();
    a.bind(fEnd);
    const g = a.label('g');
    a.ret();
    const unused = a.newLabel('unused');
    const out = a.finish();
    expect(out.offsetOf(f)).toBe(0);
    expect(out.offsetOf(fEnd)).toBe(8);
    expect(out.offsetOf(g)).toBe(8);
    expect(out.labels.map((l) => [l.label.name, l.offset])).toEqual([['f', 0], ['f.end', 8], ['g', 8]]);
    expect(() => out.offsetOf(unused)).toThrow(/never bound/);
  });

  it('rejects unbound, doubly bound and foreign labels', () => {
    const a = new Assembler();
    const l = a.newLabel('nowhere');
    a.jmp(l);
    expect(() => a.finish()).toThrow(/nowhere is used but never bound/);

    const b = new Assembler();
    const m = b.label('twice');
    expect(() => b.bind(m)).toThrow(/bound twice/);
    const c = new Assembler();
    expect(() => c.jmp(m)).toThrow(/another assembler/);
    expect(() => c.lea(rax, rip(m))).toThrow(/another assembler/);
    expect(() => b.finish().offsetOf(c.newLabel())).toThrow(/another assembler/);
  });

  it('is closed after finish', () => {
    const a = new Assembler();
    a.ret();
    a.finish();
    expect(() => a.ret()).toThrow(/already finished/);
    expect(() => a.finish()).toThrow(/already finished/);
  });
});

interface ConstHole { readonly kind: 'const'; readonly index: number }
interface SlotHole { readonly kind: 'slot'; readonly slot: number }
interface ContHole { readonly kind: 'continue' }
type TemplateHole = ConstHole | SlotHole | ContHole;

describe('copy-and-patch holes', () => {
  const describeHole = (h: TemplateHole): string =>
    h.kind === 'const' ? `const#${h.index}` : h.kind === 'slot' ? `slot${h.slot}` : 'next';

  it('carries typed descriptors, offsets, widths and PC bases', () => {
    const a = new Assembler<TemplateHole>({ describeHole });
    a.mov(rax, hole.imm64<TemplateHole>({ kind: 'const', index: 3 }));
    a.mov(qword(rbp, hole.disp32<TemplateHole>({ kind: 'slot', slot: 2 })), rax);
    a.cmp(qword(rip(hole.rel32<TemplateHole>({ kind: 'const', index: 4 }))), 1);
    a.jmp(hole.rel32<TemplateHole>({ kind: 'continue' }));
    const out = a.finish();
    expect(out.listing.map((e) => e.text)).toEqual([
      'movabs rax, <imm64:const#3>',
      'mov qword ptr [rbp+<disp32:slot2>], rax',
      'cmp qword ptr [rip+<rel32:const#4>], 0x1',
      'jmp <rel32:next>',
    ]);
    expect(hex(out.bytes)).toBe('48b80000000000000000' + '48898500000000' + '48833d0000000001' + 'e900000000');
    expect(out.holes).toEqual([
      { offset: 2, width: 8, kind: 'imm64', desc: { kind: 'const', index: 3 }, insnOffset: 0, signed: false },
      { offset: 13, width: 4, kind: 'disp32', desc: { kind: 'slot', slot: 2 }, insnOffset: 10, signed: true },
      { offset: 20, width: 4, kind: 'rel32', desc: { kind: 'const', index: 4 }, insnOffset: 17, signed: true, pcBase: 25 },
      { offset: 26, width: 4, kind: 'rel32', desc: { kind: 'continue' }, insnOffset: 25, signed: true, pcBase: 30 },
    ]);
    expect(out.relocs).toEqual([]);
  });

  it('never shrinks: disp32 holes on any base, imm holes never take imm8 forms', () => {
    const out = asm((a) => {
      a.mov(rax, mem(rax, hole.disp32('d')));
      a.mov(rax, mem(r12, hole.disp32('d')));
      a.mov(rax, mem(r13, hole.disp32('d')));
      a.add(rbx, hole.imm32('i'));
      a.push(hole.imm32('p'));
    });
    expect(hex(out.bytes)).toBe(
      '488b8000000000' + '498b842400000000' + '498b8500000000' + '4881c300000000' + '6800000000');
    expect(out.holes.map((h) => [h.offset, h.kind])).toEqual([
      [3, 'disp32'], [11, 'disp32'], [18, 'disp32'], [25, 'imm32'], [30, 'imm32'],
    ]);
  });

  it('says whether the CPU sign-extends an immediate hole', () => {
    const out = asm((a) => {
      a.mov(eax, hole.imm32('zero-extended'));
      a.mov(rax, hole.imm32('sign-extended'));
      a.add(rax, hole.imm8('sign-extended imm8'));
      a.shl(rax, hole.imm8('count'));
      a.u32(hole.imm32('data'));
    });
    expect(out.holes.map((h) => [h.desc, h.signed])).toEqual([
      ['zero-extended', false], ['sign-extended', true], ['sign-extended imm8', true], ['count', false], ['data', false],
    ]);
  });

  it('patching the reported sites gives the bytes of the concrete instruction', () => {
    const tpl = asm((a) => {
      a.mov(rcx, qword(sib(rbp, rax, 8, hole.disp32('slot'))));
      a.add(rcx, hole.imm32('k'));
      a.jne(hole.rel32('exit'));
    });
    const placed = 0x1000;
    const exit = 0x1400;
    const code = Uint8Array.from(tpl.bytes);
    const dv = new DataView(code.buffer);
    for (const h of tpl.holes) {
      const v = h.desc === 'slot' ? -0x48 : h.desc === 'k' ? 0x12345 : exit - (placed + h.pcBase!);
      dv.setInt32(h.offset, v, true);
    }
    // mov rcx, [rbp+rax*8-0x48] with disp32; add rcx, 0x12345; jne rel32 to 0x1400.
    expect(hex(code)).toBe('488b8cc5b8ffffff' + '4881c145230100' + '0f85eb030000');
    expect(hex(asm((a) => a.add(rcx, 0x12345)).bytes)).toBe('4881c145230100');
  });

  it('rejects holes in the wrong field', () => {
    const a = new Assembler<string>();
    expect(() => a.mov(rax, hole.disp32('x') as never)).toThrow(/no encoding/);
    expect(() => a.add(rax, hole.imm64('x'))).toThrow(/no encoding/);
    expect(() => a.jmp(hole.imm32('x'))).toThrow(/no encoding/);
    expect(() => rip(hole.imm32('x') as never)).toThrow(AsmError);
    expect(() => mem(rax, hole.rel32('x') as never)).toThrow(AsmError);
    expect(() => a.u32(hole.imm64('x') as never)).toThrow(/does not fit/);
  });
});

describe('relocations', () => {
  it('records rel32 with the ELF addend of the field, and abs64', () => {
    const a = new Assembler();
    a.call(sym('rt_alloc'));
    a.mov(byte(rip(sym('rt_flag'), 2)), 1);
    const l = a.label('here');
    a.u64(sym('rt_table'), -8);
    a.u64(l, 4);
    const out = a.finish();
    expect(out.relocs).toEqual([
      { offset: 1, kind: 'rel32', target: { kind: 'extern', name: 'rt_alloc' }, addend: -4 },
      { offset: 7, kind: 'rel32', target: { kind: 'extern', name: 'rt_flag' }, addend: 2 - 5 },
      { offset: 12, kind: 'abs64', target: { kind: 'extern', name: 'rt_table' }, addend: -8 },
      { offset: 20, kind: 'abs64', target: { kind: 'self' }, addend: 12 + 4 },
    ]);
    expect(out.listing.map((e) => e.text)).toEqual([
      'call rt_alloc', 'mov byte ptr [rip+rt_flag+0x2], 0x1', 'here:', '.quad rt_table-0x8', '.quad here+0x4',
    ]);
  });
});

describe('listing', () => {
  it('formats offsets, bytes and text, in names and raw modes', () => {
    const a = new Assembler<string>();
    const top = a.label('top');
    a.mov(rax, qword(rbp, 0x18));
    a.call(sym('rt_alloc'));
    a.jne(top);
    const out = a.finish();
    expect(formatListing(out.listing, out.bytes)).toBe([
      '0000                                top:',
      '0000  48 8b 45 18                     mov rax, qword ptr [rbp+0x18]',
      '0004  e8 00 00 00 00                  call rt_alloc',
      '0009  75 f5                           jne top',
      '',
    ].join('\n'));
    expect(formatListing(out.listing, out.bytes, { mode: 'raw', bytes: false })).toBe(
      'top:\n  mov rax, qword ptr [rbp+0x18]\n  call 0x9\n  jne 0x0\n');
  });

  it('wraps long data', () => {
    const out = asm((a) => a.bytes(new Array(12).fill(1)));
    const text = formatListing(out.listing, out.bytes);
    expect(text.split('\n')[1]).toBe('000a  01 01');
  });

  it('prints immediates like objdump: unsigned in the operation size', () => {
    const out = asm((a) => {
      a.add(eax, -1);
      a.mov(al, -2);
      a.imul(rax, rbx, -1);
      a.mov(qword(rsp), -0x80000000);
      a.shl(rax, 1);
    });
    expect(out.listing.map((e) => e.text)).toEqual([
      'add eax, 0xffffffff', 'mov al, 0xfe', 'imul rax, rbx, 0xffffffffffffffff',
      'mov qword ptr [rsp], 0xffffffff80000000', 'shl rax, 1',
    ]);
  });
});

describe('operand checking and errors', () => {
  it('insists on a size where no register implies one', () => {
    const a = new Assembler();
    expect(() => a.inc(mem(rax))).toThrow(/size is ambiguous/);
    expect(() => a.mov(mem(rax), 1)).toThrow(/size is ambiguous/);
    expect(() => a.movzx(eax, mem(rax))).toThrow(/size is ambiguous/);
    expect(() => a.cvtsi2sd(xmm0, mem(rax))).toThrow(/size is ambiguous/);
    expect(() => a.shl(mem(rax), 1)).toThrow(/size is ambiguous/);
    // Implied by the register, by lea, or by the only size there is:
    a.mov(rax, mem(rax));
    a.lea(rax, byte(rax));
    a.push(mem(rax));
    a.movsxd(rax, mem(rax));
    expect(a.finish().bytes.length).toBe(3 + 3 + 2 + 3);
  });

  it('refuses mismatched sizes and impossible forms with the candidate list', () => {
    const a = new Assembler();
    expect(() => a.mov(rax, ebx)).toThrow(/mov rax, ebx: no encoding; forms are rm8,r8/);
    expect(() => a.mov(rax, dword(rbx))).toThrow(/no encoding/);
    expect(() => a.add(mem(rax), mem(rbx))).toThrow(/no encoding/);
    expect(() => a.lea(rax, rbx)).toThrow(/no encoding/);
    expect(() => a.ret(1, 2)).toThrow(/no encoding/);
    expect(() => a.movq(xmm0, ebx)).toThrow(/no encoding/);
  });

  it('checks immediate ranges per operation size', () => {
    const a = new Assembler();
    expect(() => a.add(rax, 0x80000000)).toThrow(/no encoding/); // would sign-extend
    expect(() => a.mov(eax, 2 ** 32)).toThrow(/no encoding/);
    expect(() => a.mov(al, 256)).toThrow(/no encoding/);
    expect(() => a.shl(rax, 256)).toThrow(/no encoding/);
    expect(() => a.mov(rax, 2 ** 64 + 0)).toThrow(/safe integer/);
    expect(() => a.mov(rax, 1n << 64n)).toThrow(/no encoding/);
    expect(() => a.mov(rax, 0.5)).toThrow(/safe integer/);
    a.add(eax, 0xffffffff); // same as -1 for a 32-bit operation: imm8 form
    a.mov(rax, -(1n << 63n));
    expect(hex(a.finish().bytes)).toBe('83c0ff' + '48b80000000000000080');
  });

  it('validates memory operands', () => {
    expect(() => sib(rax, rsp)).toThrow(/rsp cannot be an index/);
    expect(() => memory({ base: rax, scale: 2 })).toThrow(/scale given without an index/);
    expect(() => sib(rax, rcx, 3 as never)).toThrow(/scale/);
    expect(() => mem(rax, 2 ** 31)).toThrow(/int32/);
    expect(() => mem(eax as never)).toThrow(/64-bit/);
    expect(() => rip(sym('x'), 2 ** 31)).toThrow(/int32/);
    expect(() => sym('')).toThrow(AsmError);
    expect(hex(asm((a) => a.mov(rax, sib(rax, r12))).bytes)).toBe('4a8b0420'); // r12 is a fine index
  });

  it('checks data ranges', () => {
    const a = new Assembler();
    expect(() => a.u8(256)).toThrow(/does not fit/);
    expect(() => a.u16(-32769)).toThrow(/does not fit/);
    expect(() => a.bytes([300])).toThrow(/not a byte/);
    a.u32(-1);
    a.f64(-0);
    expect(hex(a.finish().bytes)).toBe('ffffffff' + '0000000000000080');
  });
});

describe('idioms and condition helpers', () => {
  it('movImm picks the shortest flag-preserving load', () => {
    const out = asm((a) => {
      movImm(a, rax, 0);
      movImm(a, r12, 0xffffffff);
      movImm(a, rcx, -1);
      movImm(a, rdx, 0x100000000);
      movImm(a, rbx, 0xffffffff00000000n);
    });
    expect(out.listing.map((e) => e.text)).toEqual([
      'mov eax, 0x0', 'mov r12d, 0xffffffff', 'mov rcx, 0xffffffffffffffff',
      'movabs rdx, 0x100000000', 'movabs rbx, 0xffffffff00000000',
    ]);
  });

  it('zero uses the 32-bit xor', () => {
    expect(hex(asm((a) => { zero(a, rax); zero(a, r13); }).bytes)).toBe('31c0' + '4531ed');
  });

  it('inverts every condition', () => {
    for (const c of CONDS) {
      expect(invertCond(invertCond(c))).toBe(c);
      expect(invertCond(c)).not.toBe(c);
    }
    expect(invertCond('e')).toBe('ne');
    expect(invertCond('l')).toBe('ge');
  });

  it('accepts condition aliases by method and by value', () => {
    const out = asm((a) => {
      const l = a.label();
      a.jz(l);
      a.j('nc', l);
      a.setnae(al);
      a.set('z', al);
      a.cmovnle(rax, rbx);
    });
    expect(out.listing.slice(1).map((e) => e.text)).toEqual([
      'je .L0', 'jae .L0', 'setb al', 'sete al', 'cmovg rax, rbx',
    ]);
  });
});
