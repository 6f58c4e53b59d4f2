// A tiny hand encoder for the few x86-64 instructions the ELF tests need.
//
// Role: test support only. The ELF writer must not depend on the real assembler
// (src/asm), so the sample programs are encoded here byte by byte, each helper citing
// its Intel SDM Volume 2 encoding. RIP-relative operands are recorded as fixups and
// patched against an ElfLayout, which is exactly what the linker does with layoutElf().

import { type ElfLayout, type LoadedSectionName, addressOf } from '../../src/elf/index.js';

/** 32-bit general registers by their ModRM/opcode register number (SDM Vol. 2, Table 3-1). */
export const REG32 = { eax: 0, ecx: 1, edx: 2, ebx: 3, esp: 4, ebp: 5, esi: 6, edi: 7 } as const;
export type Reg32 = keyof typeof REG32;

/** A place in a loaded section, to be resolved against the layout. */
export interface Target {
  readonly section: LoadedSectionName;
  readonly offset: number;
}

interface Fixup {
  /** Offset of the disp32 field in the code. */
  readonly at: number;
  /** Offset just past the instruction: RIP-relative displacements count from there. */
  readonly end: number;
  readonly target: Target;
}

/** ModRM with mod=00, r/m=101: [RIP + disp32] in 64-bit mode (SDM Vol. 2, Table 2-7). */
const ripModRM = (reg: number): number => (reg << 3) | 0b101;

export class HandCode {
  private readonly out: number[] = [];
  private readonly fixups: Fixup[] = [];

  get offset(): number {
    return this.out.length;
  }

  /** mov r32, imm32: B8+rd id */
  movImm(reg: Reg32, value: number): this {
    this.out.push(0xb8 + REG32[reg]);
    return this.imm32(value);
  }

  /** xor r32, r32: 31 /r (ModRM mod=11) */
  xorSelf(reg: Reg32): this {
    this.out.push(0x31, 0xc0 | (REG32[reg] << 3) | REG32[reg]);
    return this;
  }

  /** lea r64, [rip+disp32]: REX.W 8D /r */
  leaRip(reg: Reg32, target: Target): this {
    this.out.push(0x48, 0x8d, ripModRM(REG32[reg]));
    return this.disp(target, 0);
  }

  /** mov r32, [rip+disp32]: 8B /r */
  loadRip(reg: Reg32, target: Target): this {
    this.out.push(0x8b, ripModRM(REG32[reg]));
    return this.disp(target, 0);
  }

  /** add r32, [rip+disp32]: 03 /r */
  addFromRip(reg: Reg32, target: Target): this {
    this.out.push(0x03, ripModRM(REG32[reg]));
    return this.disp(target, 0);
  }

  /** add dword [rip+disp32], imm8: 83 /0 ib (the imm8 follows the displacement) */
  addToRipImm8(target: Target, value: number): this {
    this.out.push(0x83, ripModRM(0));
    return this.disp(target, 1).byte(value);
  }

  /** mov byte [rip+disp32], imm8: C6 /0 ib */
  storeByteRip(target: Target, value: number): this {
    this.out.push(0xc6, ripModRM(0));
    return this.disp(target, 1).byte(value);
  }

  /** call rel32: E8 cd (relative to the next instruction, like a RIP-relative operand) */
  call(target: Target): this {
    this.out.push(0xe8);
    return this.disp(target, 0);
  }

  /** ret: C3 */
  ret(): this {
    this.out.push(0xc3);
    return this;
  }

  /** syscall: 0F 05 */
  syscall(): this {
    this.out.push(0x0f, 0x05);
    return this;
  }

  /** The code with every displacement resolved against `layout`. */
  link(layout: ElfLayout): Uint8Array {
    const bytes = Uint8Array.from(this.out);
    const view = new DataView(bytes.buffer);
    for (const fixup of this.fixups) {
      const next = addressOf(layout, 'text', fixup.end);
      view.setInt32(fixup.at, addressOf(layout, fixup.target.section, fixup.target.offset) - next, true);
    }
    return bytes;
  }

  private disp(target: Target, trailingBytes: number): this {
    const at = this.out.length;
    this.fixups.push({ at, end: at + 4 + trailingBytes, target });
    return this.imm32(0);
  }

  private imm32(value: number): this {
    this.out.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
    return this;
  }

  private byte(value: number): this {
    this.out.push(value & 0xff);
    return this;
  }
}

/** Linux x86-64 system call numbers (arch/x86/entry/syscalls/syscall_64.tbl). */
export const SYS = { write: 1, exit: 60 } as const;

/** write(1, target, length): clobbers eax, edi, rsi, edx (and rcx, r11 by syscall). */
export function writeStdout(code: HandCode, target: Target, length: number): HandCode {
  return code.movImm('eax', SYS.write).movImm('edi', 1).leaRip('esi', target).movImm('edx', length).syscall();
}
