// Public API of the ELF writer.
//
// Role: the entry point the linker uses to turn stitched code, runtime and data into
// a static x86-64 Linux executable. Two ways in:
//
//   1. Two steps, when code must be patched with final addresses:
//        const layout = layoutElf({ text: { size }, rodata: { size }, data: { size }, bss: { size } });
//        ... patch references using addressOf(layout, 'rodata', offset) ...
//        const bytes = writeElf(layout, { text, rodata, data, entry, symbols,
//          extraSections: buildDebugSections(debugInput, { address: layout.sections.text.vaddr,
//                                                          size: layout.sections.text.size }) });
//   2. One step, when the bytes are already final (tests, position-independent code):
//        const { layout, bytes } = buildElf({ text, rodata, data, bssSize, entry, symbols, debug });
//
// See docs/elf.md for the file layout.

import { buildDebugSections, type DebugInfoInput } from './dwarf.js';
import { type ElfLayout, type LoadedSectionName, layoutElf } from './layout.js';
import type { ElfSymbol } from './symtab.js';
import { type ExtraSection, writeElf } from './writer.js';

export { ELF_IDENT, PAGE_SIZE, DEFAULT_BASE_ADDRESS, PF, PT, SHF, SHT, STB, STT } from './constants.js';
export {
  type DebugFunction,
  type DebugInfoInput,
  DwarfError,
  LINE_PROGRAM,
  type SourceLine,
  type TextRange,
  buildDebugSections,
  encodeLineProgram,
} from './dwarf.js';
export {
  DEFAULT_SECTION_ALIGN,
  type ElfLayout,
  ElfLayoutError,
  LOADED_SECTIONS,
  type LayoutRequest,
  type LoadedSectionName,
  SECTION_SEGMENT,
  SEGMENT_FLAGS,
  type SectionPlacement,
  type SectionRequest,
  type SegmentKind,
  type SegmentPlacement,
  addressOf,
  layoutElf,
} from './layout.js';
export { type ElfSymbol, type SymbolBinding, type SymbolKind, StringTable } from './symtab.js';
export { type ElfContents, type ExtraSection, writeElf } from './writer.js';

/** Everything needed for a one-step build. */
export interface LinkImage {
  readonly text: Uint8Array;
  readonly rodata?: Uint8Array;
  readonly data?: Uint8Array;
  readonly bssSize?: number;
  /** Per-section alignment (default 16, at most the page size). */
  readonly align?: Partial<Readonly<Record<LoadedSectionName, number>>>;
  /** Load address of the first segment (default 0x400000). */
  readonly base?: number;
  /** Entry point as an offset into text. */
  readonly entry: number;
  readonly symbols?: readonly ElfSymbol[];
  /** Name of the STT_FILE symbol, e.g. "app.py". */
  readonly fileName?: string;
  /** Line and function info; DWARF sections are generated from it. */
  readonly debug?: DebugInfoInput;
  /** Any other non-loaded sections, written after the DWARF ones. */
  readonly extraSections?: readonly ExtraSection[];
}

export function buildElf(image: LinkImage): { readonly layout: ElfLayout; readonly bytes: Uint8Array } {
  const rodata = image.rodata ?? new Uint8Array(0);
  const data = image.data ?? new Uint8Array(0);
  const alignOf = (name: LoadedSectionName) => (image.align?.[name] === undefined ? {} : { align: image.align[name] });
  const layout = layoutElf({
    text: { size: image.text.length, ...alignOf('text') },
    rodata: { size: rodata.length, ...alignOf('rodata') },
    data: { size: data.length, ...alignOf('data') },
    bss: { size: image.bssSize ?? 0, ...alignOf('bss') },
    ...(image.base === undefined ? {} : { base: image.base }),
  });
  const text = layout.sections.text;
  const debugSections =
    image.debug === undefined ? [] : buildDebugSections(image.debug, { address: text.vaddr, size: text.size });
  const bytes = writeElf(layout, {
    text: image.text,
    rodata,
    data,
    entry: image.entry,
    symbols: image.symbols ?? [],
    ...(image.fileName === undefined ? {} : { fileName: image.fileName }),
    extraSections: [...debugSections, ...(image.extraSections ?? [])],
  });
  return { layout, bytes };
}
