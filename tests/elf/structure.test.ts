// Structure of the written executables, read back three ways: elfy (ELF header and
// program headers, the parts it reads correctly), the independent reader in
// read-elf.ts (section headers and .symtab, always available), and GNU readelf / nm
// when installed (no warnings, same symbols), so CI without binutils still checks
// everything but the binutils cross-check.

import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import elfy, { type ElfyProgram } from 'elfy';
import { PAGE_SIZE, SHT, STB, STT, type ElfSymbol } from '../../src/elf/index.js';
import { readElf } from './read-elf.js';
import { SAMPLES, SAMPLE_NAMES, type Sample, type SampleName } from './samples.js';
import { hasTool, makeTempDir, writeExecutable } from './tools.js';

const built = Object.fromEntries(SAMPLE_NAMES.map((name) => [name, SAMPLES[name]()])) as Record<SampleName, Sample>;

const parse = (sample: Sample) => elfy.parse(Buffer.from(sample.bytes));
const permissions = (p: ElfyProgram): string => (['r', 'w', 'x'] as const).filter((f) => p.flags[f]).join('');

const SECTION_NAMES: Record<SampleName, string[]> = {
  exit42: ['', '.text', '.symtab', '.strtab', '.shstrtab'],
  hello: ['', '.rodata', '.text', '.debug_info', '.debug_abbrev', '.debug_line', '.symtab', '.strtab', '.shstrtab'],
  sections: ['', '.rodata', '.text', '.data', '.bss', '.symtab', '.strtab', '.shstrtab'],
  'bss-only': ['', '.text', '.bss', '.symtab', '.strtab', '.shstrtab'],
};

const expectedAddress = (sample: Sample, symbol: ElfSymbol): bigint =>
  BigInt(sample.layout.sections[symbol.section].vaddr + symbol.offset);

describe.each(SAMPLE_NAMES)('%s', (name) => {
  const sample = built[name];

  it('has an ELF64 little-endian x86-64 ET_EXEC header (elfy + raw e_ident)', () => {
    const elf = parse(sample);
    expect(elf).toMatchObject({
      class: '64',
      endian: 'lsb',
      type: 'exec',
      machine: 'amd64',
      phoff: 64,
      ehsize: 64,
      phentsize: 56,
      shentsize: 64,
      flags: 0,
    });
    // e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_NONE, ABI 0, zero padding.
    expect([...sample.bytes.subarray(0, 16)]).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The file ends exactly where the section header table does.
    expect(sample.bytes.length).toBe(elf.shoff + elf.shnum * elf.shentsize);
  });

  it('maps one PT_LOAD per permission set, page-aligned, never W+X, with a non-executable stack', () => {
    const programs = parse(sample).body.programs;
    const loads = programs.filter((p) => p.type === 'load');
    expect(programs.map((p) => p.type)).toEqual([...loads.map(() => 'load'), 'gnu_stack']);
    const hasWritable = sample.layout.sections.data.size + sample.layout.sections.bss.size > 0;
    expect(loads.map(permissions)).toEqual(hasWritable ? ['r', 'rx', 'rw'] : ['r', 'rx']);
    for (const load of loads) {
      expect(load.offset % PAGE_SIZE).toBe(0);
      expect(load.vaddr % PAGE_SIZE).toBe(0);
      expect(load.align).toBe(PAGE_SIZE);
      expect(load.paddr).toBe(load.vaddr);
      expect(load.filesz).toBeLessThanOrEqual(load.memsz);
      expect(load.flags.w && load.flags.x).toBeFalsy();
    }
    // Increasing, non-overlapping pages; the first segment maps the ELF header.
    expect(loads[0]!.offset).toBe(0);
    for (let i = 1; i < loads.length; i++) {
      expect(loads[i]!.vaddr).toBeGreaterThanOrEqual(loads[i - 1]!.vaddr + loads[i - 1]!.memsz);
    }
    const stack = programs.find((p) => p.type === 'gnu_stack')!;
    expect(permissions(stack)).toBe('rw');
    // The entry point is inside the executable segment.
    const entry = parse(sample).entry;
    const code = loads.find((p) => p.flags.x)!;
    expect(entry).toBeGreaterThanOrEqual(code.vaddr);
    expect(entry).toBeLessThan(code.vaddr + code.memsz);
  });

  it('has the expected section headers, each inside a segment with matching permissions', () => {
    const elf = readElf(sample.bytes);
    expect(elf.sections.map((s) => s.name)).toEqual(SECTION_NAMES[name]);
    const loads = parse(sample).body.programs.filter((p) => p.type === 'load');
    for (const section of elf.sections.filter((s) => (s.flags & 2n) !== 0n)) {
      const addr = Number(section.addr);
      expect(Number(section.addr) % Number(section.addralign)).toBe(0);
      const segment = loads.find((p) => addr >= p.vaddr && addr + Number(section.size) <= p.vaddr + p.memsz);
      expect(segment, section.name).toBeDefined();
      expect(!!segment!.flags.w).toBe((section.flags & 1n) !== 0n); // SHF_WRITE
      expect(!!segment!.flags.x).toBe((section.flags & 4n) !== 0n); // SHF_EXECINSTR
      if (section.type === SHT.NOBITS) continue;
      // Same bytes through the section header (read-elf.ts) and the segment (elfy).
      expect(Number(section.offset) - segment!.offset).toBe(addr - segment!.vaddr);
      const inSegment = segment!.data.subarray(addr - segment!.vaddr, addr - segment!.vaddr + Number(section.size));
      expect(Buffer.from(elf.bytesOf(section)).equals(Buffer.from(inSegment))).toBe(true);
    }
    const placed = sample.layout.sections;
    expect(Number(elf.section('.text').addr)).toBe(placed.text.vaddr);
    expect(Number(elf.section('.text').size)).toBe(placed.text.size);
  });

  it('writes .symtab with locals first, sh_info at the first global, and layout addresses', () => {
    const elf = readElf(sample.bytes);
    const symtab = elf.section('.symtab');
    expect(symtab.type).toBe(SHT.SYMTAB);
    expect(symtab.entsize).toBe(24n);
    expect(symtab.addralign).toBe(8n);
    expect(elf.sections[symtab.link]!.name).toBe('.strtab');
    const [nullSymbol, ...rest] = elf.symbols;
    expect(nullSymbol).toEqual({ name: '', bind: 0, type: 0, other: 0, shndx: 0, value: 0n, size: 0n });
    const firstGlobal = elf.symbols.findIndex((s) => s.bind === STB.GLOBAL);
    expect(symtab.info).toBe(firstGlobal);
    expect(elf.symbols.slice(firstGlobal).every((s) => s.bind === STB.GLOBAL)).toBe(true);

    const named = rest.filter((s) => s.type !== STT.FILE);
    const locals = sample.symbols.filter((s) => s.binding === 'local');
    const globals = sample.symbols.filter((s) => s.binding !== 'local');
    expect(named).toEqual(
      [...locals, ...globals].map((s) => ({
        name: s.name,
        bind: s.binding === 'local' ? STB.LOCAL : STB.GLOBAL,
        type: s.kind === 'function' ? STT.FUNC : STT.OBJECT,
        other: 0,
        shndx: elf.section(`.${s.section}`).index,
        value: expectedAddress(sample, s),
        size: BigInt(s.size),
      })),
    );
  });
});

describe('STT_FILE symbol', () => {
  it('is the first symbol after the null entry, local and absolute', () => {
    const { symbols } = readElf(built.hello.bytes);
    expect(symbols[1]).toEqual({ name: 'app.py', bind: STB.LOCAL, type: STT.FILE, other: 0, shndx: 0xfff1, value: 0n, size: 0n });
  });
});

describe.skipIf(!hasTool('readelf'))('readelf (binutils) cross-check (needs readelf; skipped if absent)', () => {
  it.each(SAMPLE_NAMES)('%s: readelf -a and the DWARF dumps print no warning or error', async (name) => {
    const temp = await makeTempDir();
    try {
      const path = await writeExecutable(temp.dir, name, built[name].bytes);
      const result = await execa('readelf', ['-a', '-W', '--debug-dump=info,abbrev,rawline,decodedline', path], {
        reject: false,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n').filter((line) => /warning|error/i.test(line))).toEqual([]);
    } finally {
      await temp.cleanup();
    }
  });

  it.each(SAMPLE_NAMES)('%s: readelf -s lists the symbols at their layout addresses', async (name) => {
    const sample = built[name];
    const temp = await makeTempDir();
    try {
      const path = await writeExecutable(temp.dir, name, sample.bytes);
      const { stdout } = await execa('readelf', ['-s', '-W', path]);
      // "   Num:    Value          Size Type    Bind   Vis      Ndx Name"
      const rows = stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => /^\d+:$/.test(cols[0] ?? '') && cols.length === 8)
        .map(([, value, size, type, bind, , , symbolName]) => ({ value, size, type, bind, name: symbolName }));
      for (const symbol of sample.symbols) {
        expect(rows).toContainEqual({
          value: expectedAddress(sample, symbol).toString(16).padStart(16, '0'),
          size: String(symbol.size),
          type: symbol.kind === 'function' ? 'FUNC' : 'OBJECT',
          bind: symbol.binding === 'local' ? 'LOCAL' : 'GLOBAL',
          name: symbol.name,
        });
      }
    } finally {
      await temp.cleanup();
    }
  });
});

describe.skipIf(!hasTool('nm'))('nm (binutils) cross-check (needs nm; skipped if absent)', () => {
  it('classifies every symbol by its section and binding', async () => {
    const sample = built.sections;
    const temp = await makeTempDir();
    try {
      const path = await writeExecutable(temp.dir, 'sections', sample.bytes);
      const { stdout } = await execa('nm', ['-n', path]);
      // nm letters: T/t text, R/r read-only data, D/d data, B/b bss; lower case = local.
      const letter = { text: 't', rodata: 'r', data: 'd', bss: 'b' } as const;
      const expected = sample.symbols.map((s) => {
        const code = s.binding === 'local' ? letter[s.section] : letter[s.section].toUpperCase();
        return `${expectedAddress(sample, s).toString(16).padStart(16, '0')} ${code} ${s.name}`;
      });
      expect(stdout.split('\n').sort()).toEqual(expected.sort());
    } finally {
      await temp.cleanup();
    }
  });
});
