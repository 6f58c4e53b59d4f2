// Types for elfy 1.0.0 (it ships none), limited to what the ELF tests read. Known gaps
// of elfy, so the tests do not rely on these fields: ELF64 sh_addralign and sh_entsize
// are read at the wrong offsets (46 and 54 instead of 48 and 56), `osabi` is decoded
// from the EI_VERSION byte, and symbols are not parsed at all (see read-elf.ts).

declare module 'elfy' {
  export interface ElfyProgram {
    /** 'load', 'gnu_stack', 'interp', 'dynamic', ... */
    type: string;
    offset: number;
    vaddr: number;
    paddr: number;
    filesz: number;
    memsz: number;
    /** Set permission letters: { r: true, w: true, x: true }. */
    flags: Partial<Record<'r' | 'w' | 'x', boolean>>;
    align: number;
    /** The segment's file bytes. */
    data: Buffer;
  }

  export interface ElfySection {
    name: string;
    type: string | number;
    flags: Partial<Record<'write' | 'alloc' | 'execinstr', boolean>>;
    addr: number;
    off: number;
    size: number;
    link: number;
    info: number;
    data: Buffer;
  }

  export interface ElfyFile {
    class: '32' | '64';
    endian: 'lsb' | 'msb';
    type: string;
    machine: string;
    entry: number;
    phoff: number;
    shoff: number;
    flags: number;
    ehsize: number;
    phentsize: number;
    phnum: number;
    shentsize: number;
    shnum: number;
    shstrndx: number;
    body: { programs: ElfyProgram[]; sections: ElfySection[] };
  }

  const elfy: { parse(buffer: Buffer): ElfyFile };
  export default elfy;
}
