// DWARF 4 line and function info: .debug_line, .debug_info, .debug_abbrev.
//
// Role: lets gdb, perf and addr2line map machine addresses back to Python source
// (`app.py:12`) and function names. The linker knows, for each stitched template,
// the .text offset and the Python file:line it came from (the same table that gives
// tracebacks); it passes those rows here, and the resulting sections go to writeElf()
// as extra, non-loaded sections.
//
// What is emitted (DWARF Debugging Information Format, Version 4, "DWARF4" below):
//   .debug_abbrev  two or three abbreviations: the compile unit, and subprograms with
//                  and without a declaration file:line (7.5.3);
//   .debug_info    one 32-bit-format compile unit (7.5.1.1) with producer, language,
//                  name, comp_dir, low_pc/high_pc covering all of .text and stmt_list
//                  pointing at the line program; one DW_TAG_subprogram per function;
//   .debug_line    one line-number program (6.2) with a single sequence covering .text,
//                  compressed with special opcodes (6.2.5.1).
//
// Version 4 rather than 5: its line header is simpler (no entry-format tables, no
// .debug_line_str) and every consumer in use reads it (gdb, readelf, perf's libdw,
// addr2line, LLVM tools). Strings are inline (DW_FORM_string), so no .debug_str.
//
// Invariants: addresses are absolute (ET_EXEC, no relocations); output is a pure
// function of the input (rows are sorted stably by address); file modification times
// and lengths are written as 0 ("unknown", DWARF4 6.2.4 item 12) for reproducibility.

import { ByteWriter } from './bytes.js';
import type { ExtraSection } from './writer.js';

/** Tags, attributes and forms used (DWARF4 7.5.3, 7.5.4, Figures 18, 20, 21). */
const DW_TAG = { compile_unit: 0x11, subprogram: 0x2e } as const;
const DW_CHILDREN = { no: 0, yes: 1 } as const;
const DW_AT = {
  name: 0x03,
  stmt_list: 0x10,
  low_pc: 0x11,
  high_pc: 0x12,
  language: 0x13,
  comp_dir: 0x1b,
  producer: 0x25,
  decl_file: 0x3a,
  decl_line: 0x3b,
  external: 0x3f,
} as const;
const DW_FORM = {
  addr: 0x01,
  data2: 0x05,
  data8: 0x07,
  string: 0x08,
  udata: 0x0f,
  sec_offset: 0x17,
  flag_present: 0x19,
} as const;
/** DW_LANG_Python, added in DWARF 4 (Figure 31). */
const DW_LANG_PYTHON = 0x0014;

/** Standard opcodes (DWARF4 6.2.5.2, 7.21 Figure 37). */
const DW_LNS = {
  copy: 1,
  advance_pc: 2,
  advance_line: 3,
  set_file: 4,
  set_column: 5,
  negate_stmt: 6,
  set_basic_block: 7,
  const_add_pc: 8,
  fixed_advance_pc: 9,
  set_prologue_end: 10,
  set_epilogue_begin: 11,
  set_isa: 12,
} as const;
/** Extended opcodes, introduced by a 0 byte (DWARF4 6.2.5.3, Figure 38). */
const DW_LNE = { end_sequence: 1, set_address: 2 } as const;

/**
 * Line program parameters. These are the values GCC uses on x86-64: a line delta in
 * [-5, 8] and an address delta up to 17 fit in one special opcode.
 */
export const LINE_PROGRAM = {
  VERSION: 4,
  MIN_INSTRUCTION_LENGTH: 1, // x86 instructions are byte-aligned
  MAX_OPS_PER_INSTRUCTION: 1, // not VLIW
  DEFAULT_IS_STMT: 1,
  LINE_BASE: -5,
  LINE_RANGE: 14,
  OPCODE_BASE: 13, // the 12 standard opcodes of DWARF 4 + 1
} as const;
/** Operand counts of standard opcodes 1..12, in order (DWARF4 6.2.4 item 9). */
const STANDARD_OPCODE_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1] as const;
/** The address advance of DW_LNS_const_add_pc: that of special opcode 255 (6.2.5.2). */
const CONST_ADD_PC_ADVANCE = Math.floor((255 - LINE_PROGRAM.OPCODE_BASE) / LINE_PROGRAM.LINE_RANGE);

const ADDRESS_SIZE = 8;
const DWARF_VERSION = 4;

/** One row of the address -> source map: from `offset` on, code belongs to file:line. */
export interface SourceLine {
  /** Offset into .text. */
  readonly offset: number;
  /** Index into DebugInfoInput.files. */
  readonly file: number;
  /** 1-based source line; 0 means "no source line" (compiler-generated code). */
  readonly line: number;
  /** 1-based column; 0 or absent means unknown. */
  readonly column?: number;
}

export interface DebugFunction {
  /** Name shown by debuggers, e.g. the Python qualified name. */
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  /** Declaration file (index into files) and line, if the function has Python source. */
  readonly decl?: { readonly file: number; readonly line: number };
}

export interface DebugInfoInput {
  /** DW_AT_name of the compile unit: the main source file as given, e.g. "app.py". */
  readonly unitName: string;
  /** DW_AT_comp_dir: directory relative file names are resolved against. */
  readonly compDir: string;
  /** DW_AT_producer; defaults to "edgepyc". */
  readonly producer?: string;
  /** Source files; relative paths are relative to compDir. */
  readonly files: readonly string[];
  readonly lines: readonly SourceLine[];
  readonly functions?: readonly DebugFunction[];
}

/** Where .text is in memory; DWARF addresses are absolute. */
export interface TextRange {
  readonly address: number;
  readonly size: number;
}

export class DwarfError extends Error {
  override name = 'DwarfError';
}

/** The three DWARF sections, in the order they should appear in the file. */
export function buildDebugSections(input: DebugInfoInput, text: TextRange): ExtraSection[] {
  const line = encodeLineProgram(input.files, input.lines, text);
  const { info, abbrev } = encodeDebugInfo(input, text);
  return [
    { name: '.debug_info', bytes: info },
    { name: '.debug_abbrev', bytes: abbrev },
    { name: '.debug_line', bytes: line },
  ];
}

/** .debug_line contents: header (DWARF4 6.2.4) and one sequence covering `text`. */
export function encodeLineProgram(files: readonly string[], lines: readonly SourceLine[], text: TextRange): Uint8Array {
  if (files.length === 0) throw new DwarfError('the line table needs at least one file');
  const out = new ByteWriter();
  const unitLengthAt = out.length;
  out.u32(0); // unit_length, patched below (32-bit DWARF format, 7.4)
  out.u16(LINE_PROGRAM.VERSION);
  const headerLengthAt = out.length;
  out.u32(0); // header_length, patched below
  out.u8(LINE_PROGRAM.MIN_INSTRUCTION_LENGTH).u8(LINE_PROGRAM.MAX_OPS_PER_INSTRUCTION);
  out.u8(LINE_PROGRAM.DEFAULT_IS_STMT).i8(LINE_PROGRAM.LINE_BASE).u8(LINE_PROGRAM.LINE_RANGE);
  out.u8(LINE_PROGRAM.OPCODE_BASE);
  STANDARD_OPCODE_LENGTHS.forEach((count) => out.u8(count));

  // include_directories: index 0 is the compilation directory and is not listed;
  // file_names: name, directory index, mtime 0, length 0; both lists end with a 0 byte.
  const directories: string[] = [];
  const entries = files.map((path) => {
    const { dir, base } = splitPath(path);
    if (dir === '') return { base, dirIndex: 0 };
    let at = directories.indexOf(dir);
    if (at < 0) at = directories.push(dir) - 1;
    return { base, dirIndex: at + 1 };
  });
  directories.forEach((dir) => out.cstring(dir));
  out.u8(0);
  for (const { base, dirIndex } of entries) out.cstring(base).uleb(dirIndex).uleb(0).uleb(0);
  out.u8(0);
  out.patchU32(headerLengthAt, out.length - (headerLengthAt + 4));

  const rows = checkedRows(files, lines, text);
  if (rows.length > 0) {
    // State machine registers at the start of a sequence (DWARF4 6.2.2, Figure 2),
    // except the address, which DW_LNE_set_address moves to the start of .text.
    let file = 1;
    let line = 1;
    let column = 0;
    out.u8(0).uleb(1 + ADDRESS_SIZE).u8(DW_LNE.set_address).u64(text.address);
    let address = text.address;
    for (const row of rows) {
      const rowFile = row.file + 1; // DWARF 4 file numbers are 1-based
      const rowColumn = row.column ?? 0;
      if (rowFile !== file) out.u8(DW_LNS.set_file).uleb((file = rowFile));
      if (rowColumn !== column) out.u8(DW_LNS.set_column).uleb((column = rowColumn));
      const rowAddress = text.address + row.offset;
      emitRow(out, rowAddress - address, row.line - line);
      address = rowAddress;
      line = row.line;
    }
    out.u8(DW_LNS.advance_pc).uleb(text.address + text.size - address);
    out.u8(0).uleb(1).u8(DW_LNE.end_sequence);
  }
  out.patchU32(unitLengthAt, out.length - (unitLengthAt + 4));
  return out.finish();
}

/**
 * Append one row advancing the address by `addressDelta` and the line by `lineDelta`,
 * with a special opcode when possible (DWARF4 6.2.5.1):
 *   opcode = (lineDelta - LINE_BASE) + LINE_RANGE * addressDelta + OPCODE_BASE <= 255.
 */
function emitRow(out: ByteWriter, addressDelta: number, lineDelta: number): void {
  const { LINE_BASE, LINE_RANGE, OPCODE_BASE } = LINE_PROGRAM;
  let remainingLine = lineDelta;
  if (remainingLine < LINE_BASE || remainingLine >= LINE_BASE + LINE_RANGE) {
    out.u8(DW_LNS.advance_line).sleb(remainingLine);
    remainingLine = 0;
  }
  const special = (advance: number): number => remainingLine - LINE_BASE + LINE_RANGE * advance + OPCODE_BASE;
  if (special(addressDelta) <= 255) {
    out.u8(special(addressDelta));
  } else if (special(addressDelta - CONST_ADD_PC_ADVANCE) <= 255) {
    out.u8(DW_LNS.const_add_pc).u8(special(addressDelta - CONST_ADD_PC_ADVANCE));
  } else {
    out.u8(DW_LNS.advance_pc).uleb(addressDelta).u8(special(0));
  }
}

/** Rows validated, sorted by offset (stable) and with repeats of the same position dropped. */
function checkedRows(files: readonly string[], lines: readonly SourceLine[], text: TextRange): SourceLine[] {
  for (const row of lines) {
    const where = `line row at .text+${row.offset}`;
    if (!Number.isSafeInteger(row.offset) || row.offset < 0 || row.offset >= text.size) {
      throw new DwarfError(`${where}: offset outside .text (size ${text.size})`);
    }
    if (!Number.isInteger(row.file) || row.file < 0 || row.file >= files.length) {
      throw new DwarfError(`${where}: no file ${row.file}`);
    }
    if (!Number.isSafeInteger(row.line) || row.line < 0) throw new DwarfError(`${where}: bad line ${row.line}`);
    const column = row.column ?? 0;
    if (!Number.isSafeInteger(column) || column < 0) throw new DwarfError(`${where}: bad column ${column}`);
  }
  const sorted = [...lines].sort((a, b) => a.offset - b.offset); // Array.prototype.sort is stable (ES2019)
  return sorted.filter((row, index) => {
    const previous = sorted[index - 1];
    return (
      previous === undefined ||
      previous.file !== row.file ||
      previous.line !== row.line ||
      (previous.column ?? 0) !== (row.column ?? 0)
    );
  });
}

/** Abbreviation codes; the table below defines each (DWARF4 7.5.3). */
const ABBREV = { compileUnit: 1, subprogram: 2, subprogramWithDecl: 3 } as const;

const ABBREVIATIONS: readonly {
  readonly code: number;
  readonly tag: number;
  readonly children: number;
  readonly attributes: readonly (readonly [attribute: number, form: number])[];
}[] = [
  {
    code: ABBREV.compileUnit,
    tag: DW_TAG.compile_unit,
    children: DW_CHILDREN.yes,
    attributes: [
      [DW_AT.producer, DW_FORM.string],
      [DW_AT.language, DW_FORM.data2],
      [DW_AT.name, DW_FORM.string],
      [DW_AT.comp_dir, DW_FORM.string],
      [DW_AT.low_pc, DW_FORM.addr],
      [DW_AT.high_pc, DW_FORM.data8], // a constant high_pc is the length (DWARF4 2.17.2)
      [DW_AT.stmt_list, DW_FORM.sec_offset],
    ],
  },
  {
    code: ABBREV.subprogram,
    tag: DW_TAG.subprogram,
    children: DW_CHILDREN.no,
    attributes: [
      [DW_AT.external, DW_FORM.flag_present],
      [DW_AT.name, DW_FORM.string],
      [DW_AT.low_pc, DW_FORM.addr],
      [DW_AT.high_pc, DW_FORM.data8],
    ],
  },
  {
    code: ABBREV.subprogramWithDecl,
    tag: DW_TAG.subprogram,
    children: DW_CHILDREN.no,
    attributes: [
      [DW_AT.external, DW_FORM.flag_present],
      [DW_AT.name, DW_FORM.string],
      [DW_AT.decl_file, DW_FORM.udata],
      [DW_AT.decl_line, DW_FORM.udata],
      [DW_AT.low_pc, DW_FORM.addr],
      [DW_AT.high_pc, DW_FORM.data8],
    ],
  },
];

function encodeDebugInfo(input: DebugInfoInput, text: TextRange): { info: Uint8Array; abbrev: Uint8Array } {
  const abbrev = new ByteWriter();
  for (const entry of ABBREVIATIONS) {
    abbrev.uleb(entry.code).uleb(entry.tag).u8(entry.children);
    for (const [attribute, form] of entry.attributes) abbrev.uleb(attribute).uleb(form);
    abbrev.uleb(0).uleb(0);
  }
  abbrev.uleb(0); // end of the abbreviation table

  const info = new ByteWriter();
  const unitLengthAt = info.length;
  info.u32(0); // unit_length, patched below
  info.u16(DWARF_VERSION).u32(0 /* debug_abbrev_offset */).u8(ADDRESS_SIZE);

  info.uleb(ABBREV.compileUnit);
  info.cstring(input.producer ?? 'edgepyc').u16(DW_LANG_PYTHON).cstring(input.unitName).cstring(input.compDir);
  info.u64(text.address).u64(text.size).u32(0 /* stmt_list: our only line program */);

  for (const fn of input.functions ?? []) {
    if (!Number.isSafeInteger(fn.offset) || !Number.isSafeInteger(fn.size) || fn.offset < 0 || fn.size <= 0) {
      throw new DwarfError(`function ${fn.name}: bad offset ${fn.offset} or size ${fn.size}`);
    }
    if (fn.offset + fn.size > text.size) throw new DwarfError(`function ${fn.name} overruns .text`);
    if (fn.decl === undefined) {
      info.uleb(ABBREV.subprogram).cstring(fn.name);
    } else {
      const { file, line } = fn.decl;
      if (!Number.isInteger(file) || file < 0 || file >= input.files.length) {
        throw new DwarfError(`function ${fn.name}: no file ${file}`);
      }
      if (!Number.isSafeInteger(line) || line < 0) throw new DwarfError(`function ${fn.name}: bad line ${line}`);
      info.uleb(ABBREV.subprogramWithDecl).cstring(fn.name).uleb(file + 1).uleb(line);
    }
    info.u64(text.address + fn.offset).u64(fn.size);
  }
  info.uleb(0); // end of the compile unit's children
  info.patchU32(unitLengthAt, info.length - (unitLengthAt + 4));
  return { info: info.finish(), abbrev: abbrev.finish() };
}

/** Split "dir/sub/app.py" into ("dir/sub", "app.py"); "app.py" has directory "". */
function splitPath(path: string): { dir: string; base: string } {
  if (path.length === 0) throw new DwarfError('empty file name');
  const slash = path.lastIndexOf('/');
  if (slash < 0) return { dir: '', base: path };
  if (slash === path.length - 1) throw new DwarfError(`file name ${JSON.stringify(path)} ends with /`);
  return { dir: slash === 0 ? '/' : path.slice(0, slash), base: path.slice(slash + 1) };
}
