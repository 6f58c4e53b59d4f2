// Symbol table (.symtab) and string table (.strtab, .shstrtab) builders.
//
// Role: turns the linker's symbol list (name, section, offset, size, kind) into the
// bytes of .symtab and its .strtab. gdb (`info symbol`, backtraces), perf and nm read
// these names; nothing at run time does (the executable is static: no .dynsym).
//
// Invariants [gABI "Symbol Table"]:
//   - entry 0 is the all-zero undefined symbol;
//   - all STB_LOCAL symbols come before all STB_GLOBAL ones, and the section header's
//     sh_info is the index of the first non-local symbol;
//   - st_value is a virtual address (ET_EXEC), st_shndx the index of the section
//     header that holds the symbol;
//   - order is deterministic: an optional STT_FILE symbol, then locals and then
//     globals, each group in the caller's order. Global names are unique.

import { ByteWriter } from './bytes.js';
import { ELF64_SIZES, SHN, STB, STT, STV_DEFAULT } from './constants.js';
import { type ElfLayout, ElfLayoutError, type LoadedSectionName } from './layout.js';

export type SymbolKind = 'function' | 'object';
export type SymbolBinding = 'local' | 'global';

export interface ElfSymbol {
  readonly name: string;
  readonly section: LoadedSectionName;
  /** Offset of the symbol's first byte inside its section. */
  readonly offset: number;
  readonly size: number;
  readonly kind: SymbolKind;
  /** Defaults to 'global'. Python functions and runtime routines can stay global:
   *  the file is never linked again, the binding only affects tool display. */
  readonly binding?: SymbolBinding;
}

const SYMBOL_TYPE = {
  function: STT.FUNC,
  object: STT.OBJECT,
} as const satisfies Record<SymbolKind, number>;

const SYMBOL_BINDING = {
  local: STB.LOCAL,
  global: STB.GLOBAL,
} as const satisfies Record<SymbolBinding, number>;

/**
 * A string table [gABI "String Table"]: byte 0 is NUL so offset 0 names the empty
 * string; each string is NUL-terminated; equal strings share one copy.
 */
export class StringTable {
  private readonly writer = new ByteWriter().u8(0);
  private readonly offsets = new Map<string, number>([['', 0]]);

  /** Offset of `text` in the table, adding it on first use. */
  add(text: string): number {
    const known = this.offsets.get(text);
    if (known !== undefined) return known;
    const offset = this.writer.length;
    this.writer.cstring(text);
    this.offsets.set(text, offset);
    return offset;
  }

  bytes(): Uint8Array {
    return this.writer.finish();
  }
}

export interface SymbolTableInput {
  readonly symbols: readonly ElfSymbol[];
  readonly layout: ElfLayout;
  /** Section header index of a loaded section, or undefined when it has no header
   *  (an empty section). */
  readonly sectionIndex: (section: LoadedSectionName) => number | undefined;
  /** Source file name for an STT_FILE symbol (e.g. "app.py"); omitted if undefined. */
  readonly fileName?: string;
}

export interface SymbolTable {
  /** .symtab contents: Elf64_Sym entries. */
  readonly symtab: Uint8Array;
  /** .strtab contents. */
  readonly strtab: Uint8Array;
  /** sh_info of .symtab: index of the first non-local symbol. */
  readonly firstNonLocal: number;
}

export function buildSymbolTable(input: SymbolTableInput): SymbolTable {
  const strings = new StringTable();
  const out = new ByteWriter();
  const seenGlobals = new Set<string>();

  // Elf64_Sym: st_name u32, st_info u8, st_other u8, st_shndx u16, st_value u64, st_size u64.
  const entry = (name: number, binding: number, type: number, shndx: number, value: number, size: number): void => {
    out.u32(name).u8((binding << 4) | type).u8(STV_DEFAULT).u16(shndx).u64(value).u64(size);
  };

  entry(0, STB.LOCAL, STT.NOTYPE, SHN.UNDEF, 0, 0);
  if (input.fileName !== undefined) {
    checkName(input.fileName);
    entry(strings.add(input.fileName), STB.LOCAL, STT.FILE, SHN.ABS, 0, 0);
  }

  const emit = (symbol: ElfSymbol): void => {
    checkName(symbol.name);
    const placement = input.layout.sections[symbol.section];
    const { offset, size } = symbol;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0) {
      throw new ElfLayoutError(`symbol ${symbol.name}: bad offset ${offset} or size ${size}`);
    }
    if (offset + size > placement.size) {
      throw new ElfLayoutError(
        `symbol ${symbol.name} [${offset}, ${offset + size}) overruns .${symbol.section} (size ${placement.size})`,
      );
    }
    if (symbol.kind === 'function' && symbol.section !== 'text') {
      throw new ElfLayoutError(`function symbol ${symbol.name} is in .${symbol.section}, not .text`);
    }
    const shndx = input.sectionIndex(symbol.section);
    if (shndx === undefined) {
      throw new ElfLayoutError(`symbol ${symbol.name} is in .${symbol.section}, which is empty`);
    }
    const binding = symbol.binding ?? 'global';
    if (binding === 'global') {
      if (seenGlobals.has(symbol.name)) throw new ElfLayoutError(`duplicate global symbol ${symbol.name}`);
      seenGlobals.add(symbol.name);
    }
    entry(
      strings.add(symbol.name),
      SYMBOL_BINDING[binding],
      SYMBOL_TYPE[symbol.kind],
      shndx,
      placement.vaddr + offset,
      size,
    );
  };

  const isLocal = (symbol: ElfSymbol): boolean => (symbol.binding ?? 'global') === 'local';
  input.symbols.filter(isLocal).forEach(emit);
  const firstNonLocal = out.length / ELF64_SIZES.SYM;
  input.symbols.filter((symbol) => !isLocal(symbol)).forEach(emit);

  return { symtab: out.finish(), strtab: strings.bytes(), firstNonLocal };
}

/** A lone UTF-16 surrogate has no UTF-8 encoding; TextEncoder would silently write U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkName(name: string): void {
  if (name.length === 0 || name.includes('\0') || LONE_SURROGATE.test(name)) {
    throw new ElfLayoutError(`bad symbol name ${JSON.stringify(name)}`);
  }
}
