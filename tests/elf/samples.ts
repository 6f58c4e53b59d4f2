// Sample executables for the ELF tests, built the way the linker will build them:
// layoutElf() from the section sizes, patch RIP-relative references against the
// layout, then writeElf() (or buildDebugSections() + writeElf() for line info).
//
// Each sample states what running it must print and its exit status, so the tests
// (and tests/elf/update-fixtures.ts) share one definition.

import {
  type DebugInfoInput,
  type ElfLayout,
  type ElfSymbol,
  buildDebugSections,
  layoutElf,
  writeElf,
} from '../../src/elf/index.js';
import { HandCode, SYS, writeStdout } from './handcode.js';

export interface Sample {
  readonly name: SampleName;
  readonly bytes: Uint8Array;
  readonly layout: ElfLayout;
  readonly symbols: readonly ElfSymbol[];
  readonly stdout: string;
  readonly exitCode: number;
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const empty = new Uint8Array(0);

/** exit(42): text only, no rodata, data or bss. */
function exit42(): Sample {
  const code = new HandCode().movImm('eax', SYS.exit).movImm('edi', 42).syscall();
  const layout = layoutElf({ text: { size: code.offset }, rodata: { size: 0 }, data: { size: 0 }, bss: { size: 0 } });
  const symbols: ElfSymbol[] = [{ name: '_start', section: 'text', offset: 0, size: code.offset, kind: 'function' }];
  const bytes = writeElf(layout, { text: code.link(layout), rodata: empty, data: empty, entry: 0, symbols });
  return { name: 'exit42', bytes, layout, symbols, stdout: '', exitCode: 42 };
}

/** The Python program the `hello` sample pretends to be compiled from. */
export const HELLO_SOURCE = ['import sys', '', 'def greet():', '    print("hello, world")', '', 'greet()', 'sys.exit(0)', ''].join(
  '\n',
);
/** Source lines of HELLO_SOURCE that the hello sample's line table maps to. */
export const HELLO_LINES = { defGreet: 3, print: 4, callGreet: 6, exit: 7 } as const;

/**
 * hello: greet() writes a .rodata string, _start calls it and exits 0. greet comes
 * first in .text so the entry point is not at offset 0. Carries DWARF line info for
 * app.py, an STT_FILE symbol and a local object symbol.
 */
function hello(): Sample {
  const message = ascii('hello, world\n');
  const code = new HandCode();
  const greet = code.offset;
  writeStdout(code, { section: 'rodata', offset: 0 }, message.length);
  const greetRet = code.offset;
  code.ret();
  const greetEnd = code.offset;
  const start = code.offset;
  code.call({ section: 'text', offset: greet });
  const startExit = code.offset;
  code.movImm('eax', SYS.exit).xorSelf('edi').syscall();
  const startEnd = code.offset;

  const layout = layoutElf({
    text: { size: code.offset },
    rodata: { size: message.length, align: 1 },
    data: { size: 0 },
    bss: { size: 0 },
  });
  const symbols: ElfSymbol[] = [
    { name: 'greet', section: 'text', offset: greet, size: greetEnd - greet, kind: 'function' },
    { name: '_start', section: 'text', offset: start, size: startEnd - start, kind: 'function' },
    { name: 'greet.message', section: 'rodata', offset: 0, size: message.length, kind: 'object', binding: 'local' },
  ];
  const debug: DebugInfoInput = {
    unitName: 'app.py',
    compDir: '/src',
    files: ['app.py'],
    lines: [
      { offset: greet, file: 0, line: HELLO_LINES.print, column: 5 },
      { offset: greetRet, file: 0, line: HELLO_LINES.print, column: 5 },
      { offset: start, file: 0, line: HELLO_LINES.callGreet, column: 1 },
      { offset: startExit, file: 0, line: HELLO_LINES.exit, column: 1 },
    ],
    functions: [
      { name: 'greet', offset: greet, size: greetEnd - greet, decl: { file: 0, line: HELLO_LINES.defGreet } },
      { name: '<module>', offset: start, size: startEnd - start, decl: { file: 0, line: 1 } },
    ],
  };
  const text = layout.sections.text;
  const bytes = writeElf(layout, {
    text: code.link(layout),
    rodata: message,
    data: empty,
    entry: start,
    symbols,
    fileName: 'app.py',
    extraSections: buildDebugSections(debug, { address: text.vaddr, size: text.size }),
  });
  return { name: 'hello', bytes, layout, symbols, stdout: 'hello, world\n', exitCode: 0 };
}

/**
 * sections: prints a .rodata string, a .data string and a string it stores into
 * .bss, bumps a .data counter (7 -> 8), adds a never-written .bss word (0) and exits
 * with the sum: shows .data is initialised and writable, .bss writable and zeroed.
 */
function sections(): Sample {
  const rodata = ascii('rodata\n');
  const data = new Uint8Array(12);
  data.set(ascii('data\n'), 0);
  new DataView(data.buffer).setUint32(8, 7, true);
  const bssSize = 64;
  const counter = { section: 'data', offset: 8 } as const;
  const zero = { section: 'bss', offset: 32 } as const;

  const code = new HandCode();
  writeStdout(code, { section: 'rodata', offset: 0 }, rodata.length);
  writeStdout(code, { section: 'data', offset: 0 }, 5);
  [...'bss\n'].forEach((ch, i) => code.storeByteRip({ section: 'bss', offset: i }, ch.charCodeAt(0)));
  writeStdout(code, { section: 'bss', offset: 0 }, 4);
  code.addToRipImm8(counter, 1).loadRip('edi', counter).addFromRip('edi', zero);
  code.movImm('eax', SYS.exit).syscall();

  const layout = layoutElf({
    text: { size: code.offset },
    rodata: { size: rodata.length, align: 8 },
    data: { size: data.length, align: 8 },
    bss: { size: bssSize, align: 64 },
  });
  const symbols: ElfSymbol[] = [
    { name: 'banner', section: 'rodata', offset: 0, size: rodata.length, kind: 'object', binding: 'local' },
    { name: 'greeting', section: 'data', offset: 0, size: 5, kind: 'object', binding: 'local' },
    { name: '_start', section: 'text', offset: 0, size: code.offset, kind: 'function' },
    { name: 'counter', section: 'data', offset: 8, size: 4, kind: 'object' },
    { name: 'scratch', section: 'bss', offset: 0, size: bssSize, kind: 'object' },
  ];
  const bytes = writeElf(layout, { text: code.link(layout), rodata, data, entry: 0, symbols });
  return { name: 'sections', bytes, layout, symbols, stdout: 'rodata\ndata\nbss\n', exitCode: 8 };
}

/** bss-only: a RW segment with no file bytes (p_filesz 0) spanning several pages. */
function bssOnly(): Sample {
  const far = { section: 'bss', offset: 3 * 4096 + 100 } as const;
  const code = new HandCode();
  [...'ok\n'].forEach((ch, i) => code.storeByteRip({ section: 'bss', offset: i }, ch.charCodeAt(0)));
  writeStdout(code, { section: 'bss', offset: 0 }, 3);
  code.loadRip('edi', far).addToRipImm8(far, 3).addFromRip('edi', far); // 0 + (0 + 3)
  code.movImm('eax', SYS.exit).syscall();
  const bssSize = 4 * 4096;
  const layout = layoutElf({ text: { size: code.offset }, rodata: { size: 0 }, data: { size: 0 }, bss: { size: bssSize } });
  const symbols: ElfSymbol[] = [
    { name: '_start', section: 'text', offset: 0, size: code.offset, kind: 'function' },
    { name: 'heap', section: 'bss', offset: 0, size: bssSize, kind: 'object' },
  ];
  const bytes = writeElf(layout, { text: code.link(layout), rodata: empty, data: empty, entry: 0, symbols });
  return { name: 'bss-only', bytes, layout, symbols, stdout: 'ok\n', exitCode: 3 };
}

export const SAMPLES = {
  exit42,
  hello,
  sections,
  'bss-only': bssOnly,
} as const;
export type SampleName = keyof typeof SAMPLES;
export const SAMPLE_NAMES = Object.keys(SAMPLES) as SampleName[];
