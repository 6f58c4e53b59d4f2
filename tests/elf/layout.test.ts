// Unit tests of the address layout, the byte writer and the string table.

import { describe, expect, it } from 'vitest';
import { ByteWriter, alignUp } from '../../src/elf/bytes.js';
import {
  ElfLayoutError,
  type LayoutRequest,
  PAGE_SIZE,
  PF,
  StringTable,
  addressOf,
  buildElf,
  layoutElf,
} from '../../src/elf/index.js';

const request = (sizes: Partial<Record<'text' | 'rodata' | 'data' | 'bss', number>>): LayoutRequest => ({
  text: { size: sizes.text ?? 1 },
  rodata: { size: sizes.rodata ?? 0 },
  data: { size: sizes.data ?? 0 },
  bss: { size: sizes.bss ?? 0 },
});

describe('layoutElf', () => {
  it('places headers + rodata, then text, then data + bss, each segment on its own page', () => {
    const layout = layoutElf(request({ text: 0x1234, rodata: 100, data: 0x2001, bss: 50 }));
    const { rodata, text, data, bss } = layout.sections;
    expect(layout.programHeaderCount).toBe(4); // 3 PT_LOAD + PT_GNU_STACK
    expect(rodata).toMatchObject({ vaddr: 0x400000 + 0x120, fileOffset: 0x120, segment: 'R' }); // 64 + 4 * 56 = 0x120
    expect(text).toMatchObject({ vaddr: 0x401000, fileOffset: 0x1000, size: 0x1234, segment: 'RX' });
    expect(data).toMatchObject({ vaddr: 0x403000, fileOffset: 0x3000, segment: 'RW' });
    expect(bss.vaddr).toBe(alignUp(0x403000 + 0x2001, 16));
    expect(layout.segments).toEqual([
      { kind: 'R', flags: PF.R, fileOffset: 0, vaddr: 0x400000, fileSize: 0x120 + 100, memSize: 0x120 + 100 },
      { kind: 'RX', flags: PF.R | PF.X, fileOffset: 0x1000, vaddr: 0x401000, fileSize: 0x1234, memSize: 0x1234 },
      { kind: 'RW', flags: PF.R | PF.W, fileOffset: 0x3000, vaddr: 0x403000, fileSize: 0x2001, memSize: bss.vaddr + 50 - 0x403000 },
    ]);
    expect(layout.loadedFileEnd).toBe(0x3000 + 0x2001);
  });

  it('keeps vaddr - base == file offset for every section, so p_offset ≡ p_vaddr (mod page)', () => {
    for (const sizes of [{ text: 1 }, { text: 5000, rodata: 9000 }, { text: 4096, bss: 10 }, { text: 3, data: 4097 }]) {
      const layout = layoutElf(request(sizes));
      for (const section of Object.values(layout.sections)) expect(section.vaddr - layout.base).toBe(section.fileOffset);
      for (const segment of layout.segments) {
        expect(segment.fileOffset % PAGE_SIZE).toBe(0);
        expect(segment.vaddr % PAGE_SIZE).toBe(0);
        expect(segment.flags & (PF.W | PF.X)).not.toBe(PF.W | PF.X);
      }
    }
  });

  it('honours section alignment and a custom base', () => {
    const layout = layoutElf({
      text: { size: 10, align: 4096 },
      rodata: { size: 3, align: 256 },
      data: { size: 5, align: 1 },
      bss: { size: 8, align: 512 },
      base: 0x10000000,
    });
    expect(layout.sections.rodata.vaddr).toBe(0x10000200) // headers end at 288;
    expect(layout.sections.text.vaddr).toBe(0x10001000);
    expect(layout.sections.data.vaddr).toBe(0x10002000);
    expect(layout.sections.bss.vaddr).toBe(0x10002200);
  });

  it('omits the RW segment when there is neither data nor bss', () => {
    const layout = layoutElf(request({ text: 10, rodata: 10 }));
    expect(layout.segments.map((s) => s.kind)).toEqual(['R', 'RX']);
    expect(layout.programHeaderCount).toBe(3);
    expect(layout.sections.rodata.fileOffset).toBe(alignUp(64 + 3 * 56, 16));
  });

  it('gives a bss-only image an RW segment with no file bytes', () => {
    const layout = layoutElf(request({ text: 10, bss: 100 }));
    expect(layout.segments[2]).toMatchObject({ kind: 'RW', fileSize: 0, memSize: 100 });
    expect(layout.loadedFileEnd).toBe(layout.sections.text.fileOffset + 10);
  });

  it('rejects an empty .text, bad alignments, bad sizes and bad bases', () => {
    expect(() => layoutElf(request({ text: 0 }))).toThrow(ElfLayoutError);
    expect(() => layoutElf({ ...request({}), text: { size: 1, align: 3 } })).toThrow(ElfLayoutError);
    expect(() => layoutElf({ ...request({}), data: { size: 1, align: 8192 } })).toThrow(ElfLayoutError);
    expect(() => layoutElf(request({ rodata: -1 }))).toThrow(ElfLayoutError);
    expect(() => layoutElf(request({ bss: 1.5 }))).toThrow(ElfLayoutError);
    expect(() => layoutElf({ ...request({}), base: 0x400010 })).toThrow(ElfLayoutError);
    expect(() => layoutElf({ ...request({ bss: 2 ** 47 }) })).toThrow(ElfLayoutError);
  });

  it('resolves section offsets to addresses, up to and including the section end', () => {
    const layout = layoutElf(request({ text: 10, rodata: 4 }));
    expect(addressOf(layout, 'text', 10)).toBe(0x40100a);
    expect(addressOf(layout, 'rodata', 0)).toBe(layout.sections.rodata.vaddr);
    expect(() => addressOf(layout, 'rodata', 5)).toThrow(ElfLayoutError);
  });
});

describe('writeElf input checks', () => {
  const text = Uint8Array.of(0xc3);
  it('rejects a bad entry, symbols outside their section, duplicate globals and bad section names', () => {
    expect(() => buildElf({ text, entry: 1 })).toThrow(ElfLayoutError);
    const fn = { name: 'f', section: 'text', offset: 0, size: 1, kind: 'function' } as const;
    expect(() => buildElf({ text, entry: 0, symbols: [{ ...fn, size: 2 }] })).toThrow(/overruns/);
    expect(() => buildElf({ text, entry: 0, symbols: [fn, fn] })).toThrow(/duplicate/);
    expect(() => buildElf({ text, entry: 0, symbols: [fn, { ...fn, binding: 'local' }, { ...fn, binding: 'local' }] })).not.toThrow();
    expect(() => buildElf({ text, entry: 0, rodata: text, symbols: [{ ...fn, section: 'rodata' }] })).toThrow(/not \.text/);
    expect(() => buildElf({ text, entry: 0, symbols: [{ ...fn, kind: 'object', section: 'data', size: 0 }] })).toThrow(/empty/);
    expect(() => buildElf({ text, entry: 0, symbols: [{ ...fn, name: 'a\0b' }] })).toThrow(/bad symbol name/);
    expect(() => buildElf({ text, entry: 0, symbols: [{ ...fn, name: '\ud800' }] })).toThrow(/bad symbol name/);
    for (const name of ['.text', '.symtab', 'nodot', '.x\0']) {
      expect(() => buildElf({ text, entry: 0, extraSections: [{ name, bytes: text }] })).toThrow(ElfLayoutError);
    }
    const twice = [{ name: '.note.x', bytes: text }, { name: '.note.x', bytes: text }];
    expect(() => buildElf({ text, entry: 0, extraSections: twice })).toThrow(/duplicate/);
  });
});

describe('ByteWriter', () => {
  // Examples from DWARF 4 section 7.6, Figures 22 (unsigned) and 23 (signed).
  const hex = (write: (w: ByteWriter) => void) => {
    const w = new ByteWriter();
    write(w);
    return Buffer.from(w.finish()).toString('hex');
  };
  it.each([
    [2, '02'],
    [127, '7f'],
    [128, '8001'],
    [129, '8101'],
    [130, '8201'],
    [12857, 'b964'],
  ])('ULEB128 %i = %s', (value, bytes) => expect(hex((w) => w.uleb(value))).toBe(bytes));
  it.each([
    [2, '02'],
    [-2, '7e'],
    [127, 'ff00'],
    [-127, '817f'],
    [128, '8001'],
    [-128, '807f'],
    [129, '8101'],
    [-129, 'ff7e'],
  ])('SLEB128 %i = %s', (value, bytes) => expect(hex((w) => w.sleb(value))).toBe(bytes));

  it('writes little-endian fixed-width fields and checks their range', () => {
    expect(hex((w) => w.u16(0x1234).u32(0xdeadbeef).u64(0x123456789abc))).toBe('3412efbeadde bc9a78563412 0000'.replace(/ /g, ''));
    expect(hex((w) => w.i8(-5))).toBe('fb');
    expect(() => new ByteWriter().u8(256)).toThrow(RangeError);
    expect(() => new ByteWriter().u32(-1)).toThrow(RangeError);
    expect(() => new ByteWriter().u64(2 ** 53)).toThrow(RangeError);
    expect(() => new ByteWriter().cstring('a\0')).toThrow(RangeError);
  });

  it('pads with zeros and patches 32-bit fields in place', () => {
    const w = new ByteWriter().u8(1).align(8).u32(0).padTo(16);
    w.patchU32(8, 0x01020304);
    expect(Buffer.from(w.finish()).toString('hex')).toBe('0100000000000000' + '04030201' + '00000000');
    expect(() => w.padTo(3)).toThrow(RangeError);
    expect(() => w.patchU32(14, 0)).toThrow(RangeError);
  });

  it('grows past its initial capacity', () => {
    const w = new ByteWriter();
    for (let i = 0; i < 1000; i++) w.u16(i);
    const bytes = w.finish();
    expect(bytes.length).toBe(2000);
    expect(new DataView(bytes.buffer).getUint16(1998, true)).toBe(999);
  });
});

describe('StringTable', () => {
  it('starts with NUL, NUL-terminates and shares equal strings', () => {
    const table = new StringTable();
    expect(table.add('')).toBe(0);
    expect(table.add('main')).toBe(1);
    expect(table.add('ü')).toBe(6);
    expect(table.add('main')).toBe(1);
    expect([...table.bytes()]).toEqual([0, 0x6d, 0x61, 0x69, 0x6e, 0, 0xc3, 0xbc, 0]);
  });
});
