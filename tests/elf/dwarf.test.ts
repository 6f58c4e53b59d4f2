// DWARF line and function info: the line program decoded by the independent decoder
// in read-dwarf.ts (always), by readelf --debug-dump=decodedline and by gdb in batch
// mode (when installed).

import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { DwarfError, LINE_PROGRAM, type SourceLine, buildDebugSections, encodeLineProgram } from '../../src/elf/index.js';
import { readElf } from './read-elf.js';
import { decodeLineProgram } from './read-dwarf.js';
import { HELLO_LINES, SAMPLES } from './samples.js';
import { hasTool, makeTempDir, writeExecutable } from './tools.js';

const TEXT = { address: 0x401000, size: 0x3000 } as const;
const FILES = ['app.py', 'lib/util.py', '/usr/lib/edgepyc/prelude.py', 'lib/more.py'];

/** Rows as the decoder reports them for `lines` (sorted, repeats dropped, end_sequence at .text end). */
function expectedRows(lines: readonly SourceLine[]) {
  const rows = [...lines]
    .sort((a, b) => a.offset - b.offset)
    .filter((row, i, all) => {
      const prev = all[i - 1];
      return !prev || prev.file !== row.file || prev.line !== row.line || (prev.column ?? 0) !== (row.column ?? 0);
    })
    .map((row) => ({
      address: TEXT.address + row.offset,
      file: row.file + 1,
      line: row.line,
      column: row.column ?? 0,
      isStmt: true,
      endSequence: false,
    }));
  const last = rows[rows.length - 1]!;
  return [...rows, { ...last, address: TEXT.address + TEXT.size, endSequence: true }];
}

describe('encodeLineProgram', () => {
  it('writes a DWARF 4 header with the file and directory tables', () => {
    const { header } = decodeLineProgram(encodeLineProgram(FILES, [{ offset: 0, file: 0, line: 1 }], TEXT));
    expect(header).toEqual({
      version: 4,
      minInstructionLength: 1,
      maxOpsPerInstruction: 1,
      defaultIsStmt: true,
      lineBase: LINE_PROGRAM.LINE_BASE,
      lineRange: LINE_PROGRAM.LINE_RANGE,
      opcodeBase: 13,
      standardOpcodeLengths: [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1],
      includeDirectories: ['lib', '/usr/lib/edgepyc'],
      files: [
        { name: 'app.py', dir: 0 },
        { name: 'util.py', dir: 1 },
        { name: 'prelude.py', dir: 2 },
        { name: 'more.py', dir: 1 },
      ],
    });
  });

  it('round-trips rows with every kind of address and line advance', () => {
    const lines: SourceLine[] = [
      { offset: 0, file: 0, line: 1 },
      { offset: 3, file: 0, line: 2 }, // special opcode
      { offset: 3, file: 0, line: 2 }, // repeat: dropped
      { offset: 10, file: 0, line: 10 }, // line +8: largest special line advance
      { offset: 12, file: 0, line: 5 }, // line -5: smallest special line advance
      { offset: 30, file: 0, line: 6 }, // address +18: const_add_pc + special
      { offset: 1030, file: 0, line: 7 }, // address +1000: advance_pc
      { offset: 1040, file: 0, line: 500 }, // line +493: advance_line
      { offset: 1041, file: 0, line: 400 }, // line -100: negative advance_line
      { offset: 1050, file: 1, line: 3, column: 9 }, // file and column switch
      { offset: 1060, file: 2, line: 3, column: 9 }, // same line, other file
      { offset: 1061, file: 2, line: 3, column: 4 }, // same line, other column
      { offset: 1070, file: 0, line: 0 }, // line 0: no source
      { offset: 12_000, file: 3, line: 12 },
    ];
    const { rows } = decodeLineProgram(encodeLineProgram(FILES, lines, TEXT));
    expect(rows).toEqual(expectedRows(lines));
  });

  it('sorts rows by address, keeping the given order at equal addresses', () => {
    const lines: SourceLine[] = [
      { offset: 50, file: 0, line: 9 },
      { offset: 0, file: 0, line: 3 },
      { offset: 50, file: 1, line: 1 },
      { offset: 20, file: 0, line: 4 },
    ];
    const { rows } = decodeLineProgram(encodeLineProgram(FILES, lines, TEXT));
    expect(rows.map((r) => [r.address - TEXT.address, r.file, r.line])).toEqual([
      [0, 1, 3],
      [20, 1, 4],
      [50, 1, 9],
      [50, 2, 1],
      [TEXT.size, 2, 1],
    ]);
  });

  it('round-trips a long pseudo-random table', () => {
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const lines: SourceLine[] = [];
    let offset = 0;
    for (let i = 0; i < 2000 && offset < TEXT.size; i++) {
      lines.push({ offset, file: next(FILES.length), line: 1 + next(300), column: next(3) === 0 ? 0 : next(80) });
      offset += next(4) === 0 ? next(200) : next(12);
    }
    const { rows } = decodeLineProgram(encodeLineProgram(FILES, lines, TEXT));
    expect(rows).toEqual(expectedRows(lines));
  });

  it('uses one byte per row when address and line deltas fit a special opcode', () => {
    const single = encodeLineProgram(['app.py'], [{ offset: 0, file: 0, line: 1 }], TEXT);
    const lines = Array.from({ length: 101 }, (_, i) => ({ offset: 3 * i, file: 0, line: 1 + i }));
    const many = encodeLineProgram(['app.py'], lines, TEXT);
    expect(many.length - single.length).toBe(100);
  });

  it('writes a header-only program for an empty table', () => {
    const { rows } = decodeLineProgram(encodeLineProgram(['app.py'], [], TEXT));
    expect(rows).toEqual([]);
  });

  it('rejects rows outside .text, unknown files and negative lines', () => {
    const bad: SourceLine[][] = [
      [{ offset: TEXT.size, file: 0, line: 1 }],
      [{ offset: -1, file: 0, line: 1 }],
      [{ offset: 0, file: 4, line: 1 }],
      [{ offset: 0, file: 0, line: -1 }],
      [{ offset: 0, file: 0, line: 1, column: -2 }],
    ];
    for (const lines of bad) expect(() => encodeLineProgram(FILES, lines, TEXT)).toThrow(DwarfError);
    expect(() => encodeLineProgram([], [], TEXT)).toThrow(DwarfError);
    expect(() => encodeLineProgram(['dir/'], [], TEXT)).toThrow(DwarfError);
  });
});

describe('buildDebugSections', () => {
  const input = {
    unitName: 'app.py',
    compDir: '/src',
    files: ['app.py'],
    lines: [{ offset: 0, file: 0, line: 1 }],
    functions: [
      { name: 'f', offset: 0, size: 16, decl: { file: 0, line: 1 } },
      { name: 'rt_alloc', offset: 16, size: 16 },
    ],
  };

  it('returns .debug_info, .debug_abbrev and .debug_line with consistent unit lengths', () => {
    const sections = buildDebugSections(input, TEXT);
    expect(sections.map((s) => s.name)).toEqual(['.debug_info', '.debug_abbrev', '.debug_line']);
    const info = sections[0]!.bytes;
    const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
    expect(view.getUint32(0, true) + 4).toBe(info.length); // unit_length
    expect(view.getUint16(4, true)).toBe(4); // version
    expect(view.getUint32(6, true)).toBe(0); // debug_abbrev_offset
    expect(view.getUint8(10)).toBe(8); // address_size
    expect(info[info.length - 1]).toBe(0); // end of children
    expect(sections[1]!.bytes[sections[1]!.bytes.length - 1]).toBe(0); // end of abbreviations
  });

  it('rejects functions outside .text or with unknown files', () => {
    const withFunction = (fn: (typeof input.functions)[number]) => ({ ...input, functions: [fn] });
    expect(() => buildDebugSections(withFunction({ name: 'f', offset: TEXT.size - 1, size: 2 }), TEXT)).toThrow(
      DwarfError,
    );
    expect(() => buildDebugSections(withFunction({ name: 'f', offset: 0, size: 0 }), TEXT)).toThrow(DwarfError);
    expect(() =>
      buildDebugSections(withFunction({ name: 'f', offset: 0, size: 1, decl: { file: 1, line: 1 } }), TEXT),
    ).toThrow(DwarfError);
  });
});

describe('line info in the hello executable', () => {
  const sample = SAMPLES.hello();
  const address = (name: string, delta = 0) => {
    const symbol = sample.symbols.find((s) => s.name === name)!;
    return sample.layout.sections[symbol.section].vaddr + symbol.offset + delta;
  };
  const hex = (n: number) => `0x${n.toString(16)}`;

  it('maps greet to the print line and <module> to the call and exit lines', () => {
    const elf = readElf(sample.bytes);
    const { rows } = decodeLineProgram(elf.bytesOf(elf.section('.debug_line')));
    expect(rows.map((r) => [hex(r.address), r.line, r.endSequence])).toEqual([
      [hex(address('greet')), HELLO_LINES.print, false],
      [hex(address('_start')), HELLO_LINES.callGreet, false],
      [hex(address('_start', 5)), HELLO_LINES.exit, false], // after the 5-byte call
      [hex(sample.layout.sections.text.vaddr + sample.layout.sections.text.size), HELLO_LINES.exit, true],
    ]);
  });

  it.skipIf(!hasTool('readelf'))('readelf --debug-dump=decodedline agrees (needs readelf; skipped if absent)', async () => {
    const temp = await makeTempDir();
    try {
      const path = await writeExecutable(temp.dir, 'hello', sample.bytes);
      const { stdout } = await execa('readelf', ['-W', '--debug-dump=decodedline', path]);
      // "app.py    4    0x401000    x"
      const rows = stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols[0] === 'app.py' && cols.length >= 3)
        .map(([, line, addr]) => [line, addr]);
      expect(rows).toEqual([
        [String(HELLO_LINES.print), hex(address('greet'))],
        [String(HELLO_LINES.callGreet), hex(address('_start'))],
        [String(HELLO_LINES.exit), hex(address('_start', 5))],
        ['-', hex(sample.layout.sections.text.vaddr + sample.layout.sections.text.size)],
      ]);
    } finally {
      await temp.cleanup();
    }
  });

  describe.skipIf(!hasTool('gdb'))('gdb (needs gdb; skipped if absent)', () => {
    const gdb = async (commands: string[]) => {
      const temp = await makeTempDir();
      try {
        const path = await writeExecutable(temp.dir, 'hello', sample.bytes);
        const args = ['-nx', '-batch', '-iex', 'set debuginfod enabled off'];
        for (const command of commands) args.push('-ex', command);
        const result = await execa('gdb', [...args, path], { cwd: temp.dir, reject: false, timeout: 60_000 });
        return `${result.stdout}\n${result.stderr}`;
      } finally {
        await temp.cleanup();
      }
    };

    it('maps addresses to app.py lines and function symbols without running', async () => {
      const out = await gdb([
        `info line *${hex(address('greet', 5))}`,
        `info symbol ${hex(address('greet', 5))}`,
        `info symbol ${hex(address('_start', 3))}`,
        `info line app.py:${HELLO_LINES.callGreet}`,
        `break app.py:${HELLO_LINES.exit}`,
      ]);
      expect(out).toContain(`Line ${HELLO_LINES.print} of "app.py" starts at address ${hex(address('greet'))} <greet>`);
      expect(out).toContain('greet + 5 in section .text');
      expect(out).toContain('_start + 3 in section .text');
      expect(out).toContain(`Line ${HELLO_LINES.callGreet} of "app.py" starts at address ${hex(address('_start'))}`);
      expect(out).toContain(`Breakpoint 1 at ${hex(address('_start', 5))}: file app.py, line ${HELLO_LINES.exit}.`);
      expect(out).not.toMatch(/warning|error|no debugging symbols/i);
    });

    it('stops at break app.py:N and shows Python names in the backtrace', async (context) => {
      const out = await gdb([`break app.py:${HELLO_LINES.print}`, 'run', 'bt']);
      if (/ptrace|Operation not permitted|Couldn't get registers/i.test(out)) {
        context.skip('gdb cannot trace processes here (ptrace not permitted)');
      }
      expect(out).toMatch(new RegExp(`#0\\s+greet \\(\\) at app\\.py:${HELLO_LINES.print}`));
      expect(out).toMatch(new RegExp(`#1\\s+0x0*${address('_start', 5).toString(16)} in <module> \\(\\) at app\\.py:${HELLO_LINES.callGreet}`));
    });
  });
});
