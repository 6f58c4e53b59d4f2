// Public entry of the in-house x86-64 assembler (see docs/asm.md).
//
// Role: the one import for the runtime, the templates and the stitcher:
// registers, operand constructors, holes, the Assembler and listing formatting.
// Internals (the encoding table, the encoder) are exported for tests and tools.

export * from './registers.js';
export * from './operands.js';
export {
  Assembler, canonicalCond,
  type AsmOutput, type AssemblerOptions, type AlignFill, type HoleSite, type InsnMethods,
  type Reloc, type RelocTarget,
} from './assembler.js';
export { formatListing, type ListEntry, type ListingMode, type FormatOptions } from './listing.js';
export {
  CONDS, COND_ALIASES, invertCond, MNEMONICS, FORMS, NOPS,
  type Cond, type CondAlias, type Mnemonic, type Form, type OpPat,
} from './table.js';
export { encode, type Encoded, type Fixup } from './encoder.js';
export { movImm, zero } from './idioms.js';
