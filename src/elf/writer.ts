// ELF64 executable writer: layout + final bytes -> the bytes of the output file.
//
// Role: the last step of a native build. The linker has called layoutElf(), patched
// every reference in its code and data against those addresses, and now passes the
// same layout with the final section contents, its symbols and any non-loaded
// sections (DWARF). writeElf() serialises the ELF header, program headers, the loaded
// sections at their planned offsets, then the non-loaded sections, .symtab, .strtab,
// .shstrtab and the section header table.
//
// Invariants:
//   - output is an ET_EXEC, ELFCLASS64, little-endian, EM_X86_64 static executable:
//     no PT_INTERP, no PT_DYNAMIC, so the kernel jumps straight to e_entry [psABI 3.4];
//   - PT_GNU_STACK is present with PF_R|PF_W, so the stack is never executable
//     (Linux fs/binfmt_elf.c reads its p_flags to choose the stack's protection);
//   - byte-for-byte deterministic: every gap is written as zeros, nothing depends on
//     time, environment or map iteration order other than insertion order.
//
// File order after the loaded part: extra (debug) sections, .symtab, .strtab,
// .shstrtab, then the section headers. Section header order follows the file:
// null, loaded sections in address order (.rodata, .text, .data, .bss; empty ones
// other than .text are left out), extra sections, .symtab, .strtab, .shstrtab.

import { ByteWriter, alignUp, isPowerOfTwo } from './bytes.js';
import {
  EM_X86_64,
  ELF64_SIZES,
  ELF_IDENT,
  ET_EXEC,
  EV_CURRENT,
  PAGE_SIZE,
  PF,
  PT,
  SHF,
  SHT,
} from './constants.js';
import { type ElfLayout, ElfLayoutError, LOADED_SECTIONS, type LoadedSectionName } from './layout.js';
import { type ElfSymbol, StringTable, buildSymbolTable } from './symtab.js';

/** A section that is not loaded at run time (SHT_PROGBITS, no flags), e.g. .debug_line. */
export interface ExtraSection {
  /** Must start with "." and not be one of the names the writer owns. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** File alignment; defaults to 1 (DWARF sections are byte streams). */
  readonly align?: number;
}

export interface ElfContents {
  /** Exactly layout.sections.text.size bytes of machine code. */
  readonly text: Uint8Array;
  /** Exactly layout.sections.rodata.size bytes. */
  readonly rodata: Uint8Array;
  /** Exactly layout.sections.data.size bytes; .bss has no contents (its size is in the layout). */
  readonly data: Uint8Array;
  /** Entry point as an offset into .text. */
  readonly entry: number;
  readonly symbols: readonly ElfSymbol[];
  /** Source file name for an STT_FILE symbol, e.g. "app.py". */
  readonly fileName?: string;
  readonly extraSections?: readonly ExtraSection[];
}

/** Section names the writer emits itself. */
const SECTION_NAMES = {
  rodata: '.rodata',
  text: '.text',
  data: '.data',
  bss: '.bss',
} as const satisfies Record<LoadedSectionName, string>;
const OWNED_NAMES: ReadonlySet<string> = new Set([...Object.values(SECTION_NAMES), '.symtab', '.strtab', '.shstrtab']);

/** sh_type / sh_flags of each loaded section [gABI Figure 4-12 "Special Sections"]. */
const LOADED_SECTION_KIND = {
  rodata: { type: SHT.PROGBITS, flags: SHF.ALLOC },
  text: { type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.EXECINSTR },
  data: { type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.WRITE },
  bss: { type: SHT.NOBITS, flags: SHF.ALLOC | SHF.WRITE },
} as const satisfies Record<LoadedSectionName, { type: number; flags: number }>;

/** Alignment of the symbol table and the section header table (8-byte fields). */
const TABLE_ALIGN = 8;
/** p_align of PT_GNU_STACK, as GNU ld writes it (the field is unused by the kernel). */
const GNU_STACK_ALIGN = 16;

interface SectionHeader {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
  /** Bytes to write at `offset` (none for NOBITS and the null section). */
  readonly bytes?: Uint8Array;
}

export function writeElf(layout: ElfLayout, contents: ElfContents): Uint8Array {
  checkContents(layout, contents);

  // Section header indices of the loaded sections: address order, empty ones skipped.
  const present = LOADED_SECTIONS.filter((name) => name === 'text' || layout.sections[name].size > 0);
  const loadedIndex = (name: LoadedSectionName): number | undefined => {
    const at = present.indexOf(name);
    return at < 0 ? undefined : at + 1; // +1: index 0 is the null section
  };

  const headers: SectionHeader[] = [
    { name: '', type: SHT.NULL, flags: 0, addr: 0, offset: 0, size: 0, link: 0, info: 0, addralign: 0, entsize: 0 },
  ];
  for (const name of present) {
    const placement = layout.sections[name];
    const bytes = name === 'bss' ? undefined : contents[name];
    headers.push({
      name: SECTION_NAMES[name],
      ...LOADED_SECTION_KIND[name],
      addr: placement.vaddr,
      offset: placement.fileOffset,
      size: placement.size,
      link: 0,
      info: 0,
      addralign: placement.align,
      entsize: 0,
      ...(bytes === undefined ? {} : { bytes }),
    });
  }

  // Everything after the loaded part is placed by a running file cursor.
  let cursor = layout.loadedFileEnd;
  const place = (size: number, align: number): number => {
    const at = alignUp(cursor, align);
    cursor = at + size;
    return at;
  };
  const unloaded = (name: string, type: number, bytes: Uint8Array, align: number, extra: Partial<SectionHeader> = {}) => {
    headers.push({
      name,
      type,
      flags: 0,
      addr: 0,
      offset: place(bytes.length, align),
      size: bytes.length,
      link: 0,
      info: 0,
      addralign: align,
      entsize: 0,
      bytes,
      ...extra,
    });
  };

  for (const section of contents.extraSections ?? []) {
    unloaded(section.name, SHT.PROGBITS, section.bytes, section.align ?? 1);
  }

  const symbols = buildSymbolTable({
    symbols: contents.symbols,
    layout,
    sectionIndex: loadedIndex,
    ...(contents.fileName === undefined ? {} : { fileName: contents.fileName }),
  });
  const symtabIndex = headers.length;
  unloaded('.symtab', SHT.SYMTAB, symbols.symtab, TABLE_ALIGN, {
    link: symtabIndex + 1, // sh_link of SHT_SYMTAB: its string table [gABI Figure 4-14]
    info: symbols.firstNonLocal, // sh_info: one greater than the last local's index
    entsize: ELF64_SIZES.SYM,
  });
  unloaded('.strtab', SHT.STRTAB, symbols.strtab, 1);

  // .shstrtab names itself, so every name is added before its bytes are taken.
  const shstrIndex = headers.length;
  const names = new StringTable();
  const nameOffsets = [...headers.map((header) => names.add(header.name)), names.add('.shstrtab')];
  unloaded('.shstrtab', SHT.STRTAB, names.bytes(), 1);

  const sectionHeadersOffset = place(headers.length * ELF64_SIZES.SHDR, TABLE_ALIGN);
  const out = new ByteWriter();

  // Elf64_Ehdr [gABI "ELF Header"].
  out.bytes(Uint8Array.from(ELF_IDENT.MAG)).u8(ELF_IDENT.CLASS64).u8(ELF_IDENT.DATA2LSB);
  out.u8(ELF_IDENT.VERSION_CURRENT).u8(ELF_IDENT.OSABI_SYSV).padTo(ELF_IDENT.SIZE); // ABI version 0 + pad
  out.u16(ET_EXEC).u16(EM_X86_64).u32(EV_CURRENT);
  out.u64(layout.sections.text.vaddr + contents.entry); // e_entry
  out.u64(ELF64_SIZES.EHDR); // e_phoff: program headers follow the ELF header
  out.u64(sectionHeadersOffset); // e_shoff
  out.u32(0); // e_flags: none defined for x86-64 [psABI 4.1.1]
  out.u16(ELF64_SIZES.EHDR).u16(ELF64_SIZES.PHDR).u16(layout.programHeaderCount);
  out.u16(ELF64_SIZES.SHDR).u16(headers.length).u16(shstrIndex);

  // Elf64_Phdr: p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align.
  for (const segment of layout.segments) {
    out.u32(PT.LOAD).u32(segment.flags).u64(segment.fileOffset).u64(segment.vaddr).u64(segment.vaddr);
    out.u64(segment.fileSize).u64(segment.memSize).u64(PAGE_SIZE);
  }
  out.u32(PT.GNU_STACK).u32(PF.R | PF.W).u64(0).u64(0).u64(0).u64(0).u64(0).u64(GNU_STACK_ALIGN);
  if (out.length !== ELF64_SIZES.EHDR + layout.programHeaderCount * ELF64_SIZES.PHDR) {
    throw new Error('internal: program header count disagrees with the layout');
  }

  // Section contents in file order (headers are in file order too).
  for (const header of headers) {
    if (header.bytes === undefined || header.bytes.length === 0) continue;
    out.padTo(header.offset).bytes(header.bytes);
  }

  // Elf64_Shdr: sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link,
  // sh_info, sh_addralign, sh_entsize.
  out.padTo(sectionHeadersOffset);
  headers.forEach((header, index) => {
    out.u32(nameOffsets[index]!).u32(header.type).u64(header.flags).u64(header.addr).u64(header.offset);
    out.u64(header.size).u32(header.link).u32(header.info).u64(header.addralign).u64(header.entsize);
  });
  return out.finish();
}

function checkContents(layout: ElfLayout, contents: ElfContents): void {
  for (const name of ['text', 'rodata', 'data'] as const) {
    const expected = layout.sections[name].size;
    if (contents[name].length !== expected) {
      throw new ElfLayoutError(`.${name} has ${contents[name].length} bytes but the layout planned ${expected}`);
    }
  }
  const { entry } = contents;
  if (!Number.isSafeInteger(entry) || entry < 0 || entry >= layout.sections.text.size) {
    throw new ElfLayoutError(`entry offset ${entry} is outside .text (size ${layout.sections.text.size})`);
  }
  const seen = new Set<string>();
  for (const section of contents.extraSections ?? []) {
    const { name } = section;
    if (!name.startsWith('.') || name.includes('\0') || OWNED_NAMES.has(name) || seen.has(name)) {
      throw new ElfLayoutError(`bad or duplicate extra section name ${JSON.stringify(name)}`);
    }
    if (section.align !== undefined && !isPowerOfTwo(section.align)) {
      throw new ElfLayoutError(`${name}: alignment ${section.align} is not a power of two`);
    }
    seen.add(name);
  }
}
