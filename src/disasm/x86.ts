// Decoding linked x86-64 machine code into Intel-syntax text (iced-x86; decision 0011).
//
// The input is the final bytes of a piece of code at the address it was linked for, plus a
// symbolizer for addresses. Every number in the operand text that is an address the
// symbolizer knows (a call or jump target, a rip-relative operand, an absolute address or a
// boxed object word in an immediate) is replaced by its name, so listings carry no
// addresses and can be golden-tested. iced-x86 is loaded on first use only.

import { createRequire } from 'node:module';

type Iced = typeof import('iced-x86');

let iced: Iced | null = null;
function load(): Iced {
  if (iced === null) iced = createRequire(import.meta.url)('iced-x86') as Iced;
  return iced;
}

export interface DecodedInsn {
  /** Offset of the instruction in the decoded bytes. */
  readonly offset: number;
  readonly length: number;
  /** Intel syntax, symbols substituted for known addresses. */
  readonly text: string;
  /** Direct call or jump target (absolute), when the instruction has one. */
  readonly target: bigint | null;
}

/** Names an absolute address (or a boxed object word); null for plain numbers. */
export type Symbolizer = (value: bigint) => string | null;

/**
 * Decode `bytes`, linked to run at `ip`. Undecodable bytes come out as `(bad)` one byte at a
 * time, as objdump does, so a listing never stops early.
 */
export function decodeX86(bytes: Uint8Array, ip: bigint, symbolize: Symbolizer): DecodedInsn[] {
  const { Decoder, DecoderOptions, Formatter, FormatterSyntax, MemorySizeOptions, Code, FlowControl } = load();
  const decoder = new Decoder(64, bytes, DecoderOptions.None);
  decoder.ip = ip;
  const fmt = new Formatter(FormatterSyntax.Intel);
  fmt.hexPrefix = '0x';
  fmt.hexSuffix = '';
  fmt.uppercaseHex = false;
  fmt.spaceAfterOperandSeparator = true;
  fmt.memorySizeOptions = MemorySizeOptions.Always;
  fmt.branchLeadingZeros = false;
  // Off: iced-x86 1.21.0 decides "small" from the low 32 bits only, so it printed the imm64
  // 0xfff9000000000002 (a boxed int) as `2`. Small numbers are made decimal below instead.
  fmt.smallHexNumbersInDecimal = false;
  const out: DecodedInsn[] = [];
  try {
    while (decoder.canDecode) {
      const insn = decoder.decode();
      const offset = Number(insn.ip - ip);
      if (insn.code === Code.INVALID) {
        out.push({ offset, length: 1, text: '(bad)', target: null });
        insn.free();
        decoder.position = offset + 1;
        decoder.ip = ip + BigInt(offset + 1);
        continue;
      }
      const flow = insn.flowControl;
      const direct = flow === FlowControl.Call || flow === FlowControl.UnconditionalBranch || flow === FlowControl.ConditionalBranch;
      const target = direct ? insn.nearBranchTarget : null;
      const text = fmt.format(insn).replace(/0x[0-9a-f]+/g, (hex) => {
        const v = BigInt(hex);
        return symbolize(v) ?? (v < 10n ? String(v) : hex);
      });
      out.push({ offset, length: insn.length, text, target });
      insn.free();
    }
  } finally {
    decoder.free();
    fmt.free();
  }
  return out;
}
