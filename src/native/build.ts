// `edgepyc build`: link a compiled program into a static ELF executable, or print its
// stitched code (`--emit asm`).
//
// The linker places the runtime, the program's static objects and its functions in the
// ELF writer's layout (text R+X, rodata R, data+bss RW), patches every relocation with
// final addresses, and emits a symbol per Python function and runtime routine plus DWARF
// line info, so gdb and perf show Python names and lines. The output is written to a
// temporary file next to the target and renamed into place (atomic), mode 0755.

import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { buildDebugSections, type DebugFunction, type ElfSymbol, layoutElf, type SourceLine, writeElf } from '../elf/index.js';
import { GENERIC, OPS } from '../bytecode/ops.js';
import { link, sectionSizes } from './image.js';
import type { NativeProgram } from './program.js';

export interface ElfOutput {
  readonly bytes: Uint8Array;
  readonly textSize: number;
  readonly rodataSize: number;
  readonly dataSize: number;
  readonly bssSize: number;
}

/** Link the program's chunks at the ELF layout's addresses and write the file image. */
export function linkElf(program: NativeProgram, sourcePath: string): ElfOutput {
  const sizes = sectionSizes(program.chunks);
  const layout = layoutElf({
    text: { size: sizes.text.size, align: Math.min(sizes.text.align, 4096) },
    rodata: { size: sizes.rodata.size, align: Math.min(sizes.rodata.align, 4096) },
    data: { size: sizes.data.size, align: Math.min(sizes.data.align, 4096) },
    bss: { size: sizes.bss.size, align: Math.min(sizes.bss.align, 4096) },
  });
  const bases = {
    text: BigInt(layout.sections.text.vaddr),
    rodata: BigInt(layout.sections.rodata.vaddr),
    data: BigInt(layout.sections.data.vaddr),
    bss: BigInt(layout.sections.bss.vaddr),
  };
  const linked = link(program.chunks, bases);
  const symbols: ElfSymbol[] = linked.placed
    .filter((p) => p.section !== 'bss' || p.size > 0)
    .map((p) => ({ name: p.name, section: p.section, offset: p.offset, size: p.size, kind: p.kind, binding: p.local ? 'local' : 'global' }));
  // Locals first is the writer's job; keep names unique for globals.
  const start = linked.placed.find((p) => p.name === '_start');
  if (start === undefined) throw new Error('no _start in the image');
  // Line info: each instruction's first byte maps to its source line.
  const lines: SourceLine[] = [];
  const functions: DebugFunction[] = [];
  for (const f of program.functions) {
    const chunkOff = linked.chunkOffsets.get(f.stitched.chunk)!;
    functions.push({ name: f.code.qualname, offset: chunkOff, size: f.stitched.chunk.bytes.length, decl: { file: 0, line: f.code.firstLine } });
    lines.push({ offset: chunkOff, file: 0, line: f.code.firstLine });
    // Both copies of a function body (stitch.ts: the optimized copy, then the safe copy).
    for (const offsets of [f.stitched.optInstrOffsets, f.stitched.instrOffsets]) {
      offsets?.forEach((off, i) => {
        if (off >= 0 && f.code.lines[i] > 0) lines.push({ offset: chunkOff + off, file: 0, line: f.code.lines[i] });
      });
    }
  }
  const debug = buildDebugSections(
    { unitName: basename(sourcePath), compDir: dirname(resolve(sourcePath)), files: [resolve(sourcePath)], lines, functions },
    { address: layout.sections.text.vaddr, size: layout.sections.text.size },
  );
  const bytes = writeElf(layout, {
    text: linked.sections.text.bytes,
    rodata: linked.sections.rodata.bytes,
    data: linked.sections.data.bytes,
    entry: start.offset,
    symbols: uniqueGlobals(symbols),
    fileName: basename(sourcePath),
    extraSections: debug,
  });
  return { bytes, textSize: sizes.text.size, rodataSize: sizes.rodata.size, dataSize: sizes.data.size, bssSize: sizes.bss.size };
}

/** Global symbol names must be unique in the ELF symbol table: demote repeats to local. */
function uniqueGlobals(symbols: ElfSymbol[]): ElfSymbol[] {
  const seen = new Set<string>();
  return symbols.map((s) => {
    if (s.binding === 'local') return s;
    if (seen.has(s.name)) return { ...s, binding: 'local' as const };
    seen.add(s.name);
    return s;
  });
}

/** The stitched code of every function as text: each op, then its machine code. */
export function emitAsm(program: NativeProgram): string {
  const out: string[] = [];
  for (const f of program.functions) {
    const co = f.code;
    out.push(`; ${f.entry}  (${co.filename}:${co.firstLine})`);
    for (const p of f.stitched.pieces) {
      const head = p.instr >= 0
        ? `  ; ${String(p.instr).padStart(4)} ${p.label}${p.label !== OPS[GENERIC[co.ops[p.instr]]].name ? ` (${OPS[GENERIC[co.ops[p.instr]]].name})` : ''} ${co.args[p.instr]}${co.lines[p.instr] > 0 ? `    line ${co.lines[p.instr]}` : ''}`
        : `  ; ${p.label}`;
      out.push(head);
      for (const e of p.stencil.listing) {
        if (e.offset >= p.length || (e.kind !== 'insn' && e.kind !== 'label')) continue;
        if (e.kind === 'label') out.push(`         ${e.text}`);
        else out.push(`  ${(p.offset + e.offset).toString(16).padStart(6, '0')}  ${e.text}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Write `bytes` to `target` atomically (temporary file in the same directory, fsync, rename)
 * with mode 0755. Refuses to overwrite `input`.
 */
export function writeExecutable(target: string, bytes: Uint8Array, input: string): void {
  const t = resolve(target);
  if (existsSync(t) && realpathSync(t) === realpathSync(resolve(input))) throw new Error(`refusing to overwrite the input file '${input}'`);
  const tmp = resolve(dirname(t), `.${basename(t)}.tmp-${process.pid}`);
  let fd = -1;
  try {
    fd = openSync(tmp, 'w', 0o755);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    chmodSync(tmp, 0o755);
    renameSync(tmp, t);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}
