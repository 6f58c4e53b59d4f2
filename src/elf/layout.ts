// Address layout of the output executable.
//
// Role: decides, from section sizes and alignments alone, where .text, .rodata, .data
// and .bss live in memory and in the file. The linker calls layoutElf() before any
// byte is final, resolves absolute and RIP-relative references against the returned
// addresses, then hands the same layout and the final bytes to writeElf().
//
// The picture (offsets are file offsets; vaddr = base + offset for every loaded byte):
//
//   offset 0      +---------------------------+  PT_LOAD #1  R     vaddr base
//                 | ELF header (64)           |
//                 | program headers (56 each) |
//                 | .rodata                   |
//   page-aligned  +---------------------------+  PT_LOAD #2  R+X   (entry is here)
//                 | .text                     |
//   page-aligned  +---------------------------+  PT_LOAD #3  R+W   (only if data or bss)
//                 | .data                     |
//                 | .bss (memory only)        |
//                 +---------------------------+
//                 | non-loaded sections, .symtab, .strtab, .shstrtab,
//                 | section header table      (placed by writer.ts)
//
// Invariants:
//   - at most one PT_LOAD per permission set, in increasing address order, and no
//     segment is both writable and executable;
//   - every segment starts on a page boundary in the file and in memory, so
//     p_offset ≡ p_vaddr (mod PAGE_SIZE) as the psABI requires (5.1 "Program Loading")
//     and no page of the file is mapped with two permissions (the same choice as
//     GNU ld's -z separate-code: rodata and headers are never executable);
//   - the layout depends only on its input, so it is reproducible.

import { alignUp, isPowerOfTwo } from './bytes.js';
import { DEFAULT_BASE_ADDRESS, ELF64_SIZES, PAGE_SIZE, PF } from './constants.js';

/** The loaded sections, in address order. */
export const LOADED_SECTIONS = ['rodata', 'text', 'data', 'bss'] as const;
export type LoadedSectionName = (typeof LOADED_SECTIONS)[number];

/** One PT_LOAD per permission set. */
export type SegmentKind = 'R' | 'RX' | 'RW';

export const SEGMENT_FLAGS = {
  R: PF.R,
  RX: PF.R | PF.X,
  RW: PF.R | PF.W,
} as const satisfies Record<SegmentKind, number>;

/** Which segment holds which section. */
export const SECTION_SEGMENT = {
  rodata: 'R',
  text: 'RX',
  data: 'RW',
  bss: 'RW',
} as const satisfies Record<LoadedSectionName, SegmentKind>;

/** Default alignment: 16 bytes suits SSE loads, function entries and 8-byte words. */
export const DEFAULT_SECTION_ALIGN = 16;

export interface SectionRequest {
  /** Size in bytes (for bss: the zero-filled size in memory). */
  readonly size: number;
  /** Power of two, at most PAGE_SIZE. Defaults to DEFAULT_SECTION_ALIGN. */
  readonly align?: number;
}

export interface LayoutRequest {
  readonly text: SectionRequest;
  readonly rodata: SectionRequest;
  readonly data: SectionRequest;
  readonly bss: SectionRequest;
  /** Page-aligned load address of the first segment; defaults to 0x400000. */
  readonly base?: number;
}

export interface SectionPlacement {
  readonly name: LoadedSectionName;
  readonly size: number;
  readonly align: number;
  readonly vaddr: number;
  /** File offset of the first byte; for .bss, where it would be (sh_offset convention). */
  readonly fileOffset: number;
  readonly segment: SegmentKind;
}

export interface SegmentPlacement {
  readonly kind: SegmentKind;
  /** p_flags */
  readonly flags: number;
  readonly fileOffset: number;
  readonly vaddr: number;
  readonly fileSize: number;
  readonly memSize: number;
}

export interface ElfLayout {
  readonly base: number;
  /** Every loaded section has a placement, even an empty one (its address is then
   *  where it would start); empty sections other than .text get no section header. */
  readonly sections: Readonly<Record<LoadedSectionName, SectionPlacement>>;
  /** The PT_LOAD segments, in address order. */
  readonly segments: readonly SegmentPlacement[];
  /** Number of program headers: the PT_LOADs plus PT_GNU_STACK. */
  readonly programHeaderCount: number;
  /** File offset just past the last loaded byte; non-loaded content goes after it. */
  readonly loadedFileEnd: number;
}

export class ElfLayoutError extends Error {
  override name = 'ElfLayoutError';
}

/** Place the loaded sections; see the picture at the top of this file. */
export function layoutElf(request: LayoutRequest): ElfLayout {
  const base = request.base ?? DEFAULT_BASE_ADDRESS;
  if (!Number.isSafeInteger(base) || base <= 0 || base % PAGE_SIZE !== 0) {
    throw new ElfLayoutError(`base address 0x${base.toString(16)} is not a non-zero multiple of the page size`);
  }
  const sizeOf = (name: LoadedSectionName): number => checkedSize(name, request[name].size);
  const alignOf = (name: LoadedSectionName): number => checkedAlign(name, request[name].align);
  if (sizeOf('text') === 0) throw new ElfLayoutError('.text is empty: there is no entry point');

  const hasWritable = sizeOf('data') > 0 || sizeOf('bss') > 0;
  const programHeaderCount = (hasWritable ? 3 : 2) + 1; // PT_LOADs + PT_GNU_STACK
  const headersEnd = ELF64_SIZES.EHDR + programHeaderCount * ELF64_SIZES.PHDR;

  const place = (name: LoadedSectionName, fileOffset: number): SectionPlacement => ({
    name,
    size: sizeOf(name),
    align: alignOf(name),
    vaddr: base + fileOffset,
    fileOffset,
    segment: SECTION_SEGMENT[name],
  });

  // Segment R: headers, then .rodata.
  const rodata = place('rodata', alignUp(headersEnd, alignOf('rodata')));
  const readOnlyEnd = rodata.size > 0 ? rodata.fileOffset + rodata.size : headersEnd;

  // Segment RX: .text from the next page.
  const text = place('text', alignUp(readOnlyEnd, PAGE_SIZE));
  const textEnd = text.fileOffset + text.size;

  // Segment RW: .data from the next page, .bss right after it in memory.
  const data = place('data', alignUp(textEnd, PAGE_SIZE));
  const dataEnd = data.fileOffset + data.size;
  const bss = place('bss', alignUp(dataEnd, alignOf('bss')));

  const segment = (kind: SegmentKind, start: number, fileEnd: number, memEnd: number): SegmentPlacement => ({
    kind,
    flags: SEGMENT_FLAGS[kind],
    fileOffset: start,
    vaddr: base + start,
    fileSize: fileEnd - start,
    memSize: memEnd - start,
  });
  const segments = [segment('R', 0, readOnlyEnd, readOnlyEnd), segment('RX', text.fileOffset, textEnd, textEnd)];
  if (hasWritable) {
    const memEnd = bss.size > 0 ? bss.fileOffset + bss.size : dataEnd;
    segments.push(segment('RW', data.fileOffset, dataEnd, memEnd));
  }

  const last = segments[segments.length - 1]!;
  const lastAddress = last.vaddr + last.memSize;
  if (!Number.isSafeInteger(lastAddress) || lastAddress >= 2 ** 47) {
    // Above 2^47 is kernel space on x86-64 (4-level paging); a user program cannot load there.
    throw new ElfLayoutError(`image ends at 0x${lastAddress.toString(16)}, beyond the user address space`);
  }

  return {
    base,
    sections: { rodata, text, data, bss },
    segments,
    programHeaderCount,
    loadedFileEnd: hasWritable && data.size > 0 ? dataEnd : textEnd,
  };
}

/** Virtual address of byte `offset` of a loaded section (offset may equal its size). */
export function addressOf(layout: ElfLayout, section: LoadedSectionName, offset: number): number {
  const placement = layout.sections[section];
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > placement.size) {
    throw new ElfLayoutError(`offset ${offset} is outside .${section} (size ${placement.size})`);
  }
  return placement.vaddr + offset;
}

function checkedSize(name: LoadedSectionName, size: number): number {
  if (!Number.isSafeInteger(size) || size < 0) throw new ElfLayoutError(`.${name}: bad size ${size}`);
  return size;
}

function checkedAlign(name: LoadedSectionName, align: number | undefined): number {
  const value = align ?? DEFAULT_SECTION_ALIGN;
  if (!isPowerOfTwo(value) || value > PAGE_SIZE) {
    throw new ElfLayoutError(`.${name}: alignment ${value} is not a power of two up to ${PAGE_SIZE}`);
  }
  return value;
}
