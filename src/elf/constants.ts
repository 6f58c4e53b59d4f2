// ELF constants used by the executable writer.
//
// Role: the numeric vocabulary of the ELF64 file format, as `as const` tables so the
// layout, symbol table and writer never pass a raw number or a free string for a
// section type, flag or symbol kind. Only what edgepyc emits is listed.
//
// Sources of truth:
//   [gABI]  System V ABI, "Object Files" chapter (ELF-64 Object File Format 1.5 /
//           gABI 4.1 as kept at https://www.sco.com/developers/gabi/latest/).
//   [psABI] System V Application Binary Interface, AMD64 Architecture Processor
//           Supplement (x86-64 psABI 1.0), chapter 4 "Object Files".
//   [GNU]   Linux/GNU extensions: PT_GNU_STACK (glibc elf.h, Linux fs/binfmt_elf.c).

/** e_ident layout and values [gABI "ELF Identification"]. */
export const ELF_IDENT = {
  MAG: [0x7f, 0x45, 0x4c, 0x46] as const, // "\x7fELF"
  CLASS64: 2, // EI_CLASS = ELFCLASS64
  DATA2LSB: 1, // EI_DATA = ELFDATA2LSB (little-endian, required by the psABI)
  VERSION_CURRENT: 1, // EI_VERSION = EV_CURRENT
  OSABI_SYSV: 0, // EI_OSABI = ELFOSABI_NONE; nothing GNU-specific (no IFUNC) is used
  SIZE: 16, // EI_NIDENT
} as const;

/** e_type: we only write ET_EXEC (fixed-address static executable) [gABI]. */
export const ET_EXEC = 2;
/** e_machine for x86-64 [psABI 4.1.1]. */
export const EM_X86_64 = 62;
/** e_version / EV_CURRENT [gABI]. */
export const EV_CURRENT = 1;

/** Fixed structure sizes of ELF64 [gABI; ELF-64 Object File Format tables 2, 3, 8, 9]. */
export const ELF64_SIZES = {
  EHDR: 64, // Elf64_Ehdr
  PHDR: 56, // Elf64_Phdr
  SHDR: 64, // Elf64_Shdr
  SYM: 24, // Elf64_Sym
} as const;

/** Program header types [gABI "Program Header"; GNU]. */
export const PT = {
  LOAD: 1,
  GNU_STACK: 0x6474e551, // its p_flags decide whether the stack is executable
} as const;

/** Segment permission bits, p_flags [gABI]. */
export const PF = {
  X: 1,
  W: 2,
  R: 4,
} as const;

/** Section header types, sh_type [gABI "Sections", Figure 4-9]. */
export const SHT = {
  NULL: 0,
  PROGBITS: 1,
  SYMTAB: 2,
  STRTAB: 3,
  NOBITS: 8,
} as const;

/** Section attribute flags, sh_flags [gABI Figure 4-11]. */
export const SHF = {
  WRITE: 0x1,
  ALLOC: 0x2,
  EXECINSTR: 0x4,
} as const;

/** Special section indices [gABI Figure 4-7]. */
export const SHN = {
  UNDEF: 0,
  ABS: 0xfff1,
} as const;

/** Symbol binding, the high nibble of st_info [gABI "Symbol Table", Figure 4-17]. */
export const STB = {
  LOCAL: 0,
  GLOBAL: 1,
} as const;

/** Symbol type, the low nibble of st_info [gABI Figure 4-18]. */
export const STT = {
  NOTYPE: 0,
  OBJECT: 1,
  FUNC: 2,
  SECTION: 3,
  FILE: 4,
} as const;

/** st_other visibility [gABI Figure 4-20]; everything we emit is default. */
export const STV_DEFAULT = 0;

/**
 * Page size the segments are aligned to. The x86-64 psABI (5.1 "Program Loading")
 * requires p_offset ≡ p_vaddr (mod page size); Linux/x86-64 uses 4 KiB pages, and
 * GNU ld's default max-page-size for x86-64 is 0x1000 as well.
 */
export const PAGE_SIZE = 0x1000;

/**
 * Default load address of the first segment. 0x400000 is the traditional x86-64
 * ET_EXEC base (GNU ld's default -Ttext-segment); it keeps every address below 2^31,
 * so code may use 32-bit absolute addresses if it wants to.
 */
export const DEFAULT_BASE_ADDRESS = 0x400000;
