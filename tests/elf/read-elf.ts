// A minimal, independent ELF64 reader for the tests: section headers, section names
// and .symtab entries, which elfy 1.0.0 cannot read (it has no symbol parsing, reads
// sh_addralign/sh_entsize at the wrong offsets and EI_OSABI from the EI_VERSION
// byte). Field offsets follow the gABI structure definitions, written out here again
// on purpose rather than imported from src/elf, so a wrong constant there shows up.

export interface ReadSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: bigint;
  readonly addr: bigint;
  readonly offset: bigint;
  readonly size: bigint;
  readonly link: number;
  readonly info: number;
  readonly addralign: bigint;
  readonly entsize: bigint;
}

export interface ReadSymbol {
  readonly name: string;
  readonly bind: number;
  readonly type: number;
  readonly other: number;
  readonly shndx: number;
  readonly value: bigint;
  readonly size: bigint;
}

export interface ReadElf {
  readonly sections: readonly ReadSection[];
  readonly symbols: readonly ReadSymbol[];
  section(name: string): ReadSection;
  bytesOf(section: ReadSection): Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function cString(bytes: Uint8Array, at: number): string {
  const end = bytes.indexOf(0, at);
  if (end < 0) throw new Error(`unterminated string at ${at}`);
  return decoder.decode(bytes.subarray(at, end));
}

export function readElf(file: Uint8Array): ReadElf {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const shoff = Number(view.getBigUint64(0x28, true)); // e_shoff
  const shentsize = view.getUint16(0x3a, true);
  const shnum = view.getUint16(0x3c, true);
  const shstrndx = view.getUint16(0x3e, true);

  const raw = Array.from({ length: shnum }, (_, index) => {
    const at = shoff + index * shentsize;
    return {
      index,
      nameOffset: view.getUint32(at, true),
      type: view.getUint32(at + 4, true),
      flags: view.getBigUint64(at + 8, true),
      addr: view.getBigUint64(at + 16, true),
      offset: view.getBigUint64(at + 24, true),
      size: view.getBigUint64(at + 32, true),
      link: view.getUint32(at + 40, true),
      info: view.getUint32(at + 44, true),
      addralign: view.getBigUint64(at + 48, true),
      entsize: view.getBigUint64(at + 56, true),
    };
  });
  const slice = (s: { offset: bigint; size: bigint }) => file.subarray(Number(s.offset), Number(s.offset + s.size));
  const shstrtab = slice(raw[shstrndx]!);
  const sections: ReadSection[] = raw.map(({ nameOffset, ...rest }) => ({ ...rest, name: cString(shstrtab, nameOffset) }));

  const symtab = sections.find((s) => s.name === '.symtab');
  const symbols: ReadSymbol[] = [];
  if (symtab !== undefined) {
    const strtab = slice(sections[symtab.link]!);
    const bytes = slice(symtab);
    const symView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length; at += 24) {
      const info = symView.getUint8(at + 4);
      symbols.push({
        name: cString(strtab, symView.getUint32(at, true)),
        bind: info >> 4,
        type: info & 0xf,
        other: symView.getUint8(at + 5),
        shndx: symView.getUint16(at + 6, true),
        value: symView.getBigUint64(at + 8, true),
        size: symView.getBigUint64(at + 16, true),
      });
    }
  }
  return {
    sections,
    symbols,
    section(name) {
      const found = sections.find((s) => s.name === name);
      if (found === undefined) throw new Error(`no section ${name}`);
      return found;
    },
    bytesOf: slice,
  };
}
