// The native commands behind the CLI: `edgepyc build` and `edgepyc run --jit`.
//
// Both compile with the shared front end, build the program (program.ts) and either link
// an ELF (build.ts) or map it in-process (jitrun.ts). Compile errors (including constructs
// the native backend does not support yet) are reported like CPython's SyntaxError or as
// `edgepyc: file:line:col: ...` and give status 1.

import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileModule } from '../compiler/codegen.js';
import { CompileError, renderCompileError } from '../diagnostics.js';
import { setUnicodeNameLookup } from '../frontend/strlit.js';
import { Source } from '../frontend/source.js';
import { lookupName } from '../unicode/index.js';
import { readProfile, type Profile } from '../interp/profile.js';
import { mainPath } from '../paths.js';
import { emitAsm, linkElf, writeExecutable } from './build.js';
import { buildProgram, type NativeProgram } from './program.js';

export interface BuildRequest {
  readonly file: string;
  readonly output: string;
  readonly profilePath: string | null;
  readonly emit: 'exe' | 'asm';
  readonly verbose: boolean;
}

/** Compile `file` for the native backend; null (after printing the error) on a compile error. */
export function compileNative(file: string, profile: Profile | null): NativeProgram | null {
  setUnicodeNameLookup(lookupName);
  const path = mainPath(file);
  try {
    const source = new Source(path, readFileSync(file, 'utf8'));
    const co = compileModule(source);
    // The compiler's SyntaxWarnings, as CPython prints them when it compiles the main module
    // (warnings.showwarning's default format: `file:line: Category: message`, then the line).
    for (const w of source.warnings) {
      const text = w.line >= 1 && w.line <= source.lineCount ? source.lineText(w.line).trim() : '';
      process.stderr.write(`${source.filename}:${w.line}: ${w.category}: ${w.message}\n${text !== '' ? `  ${text}\n` : ''}`);
    }
    return buildProgram(co, { profile });
  } catch (e) {
    if (e instanceof CompileError) {
      process.stderr.write(renderCompileError(e, e.source.filename === path ? file : e.source.filename));
      return null;
    }
    throw e;
  }
}

function loadProfile(path: string | null): Profile | null {
  if (path === null || !existsSync(path)) return null;
  return readProfile(path);
}

/** `edgepyc build`: returns the exit status. */
export function buildCommand(req: BuildRequest): number {
  const t0 = performance.now();
  const program = compileNative(req.file, loadProfile(req.profilePath));
  if (program === null) return 1;
  if (req.emit === 'asm') {
    const text = emitAsm(program);
    if (req.output === '-') process.stdout.write(text);
    else writeExecutable(req.output, new TextEncoder().encode(text), req.file);
    return 0;
  }
  const elf = linkElf(program, mainPath(req.file));
  writeExecutable(req.output, elf.bytes, req.file);
  if (req.verbose) {
    const ms = (performance.now() - t0).toFixed(1);
    process.stderr.write(`edgepyc: wrote ${req.output}: ${elf.bytes.length} bytes (text ${elf.textSize}, rodata ${elf.rodataSize}, data ${elf.dataSize}, bss ${elf.bssSize}) in ${ms} ms\n`);
  }
  return 0;
}

/** `edgepyc run --jit`: compile and run in this process; returns the program's status. */
export async function runJitCommand(file: string, args: readonly string[], profilePath: string | null): Promise<number> {
  const program = compileNative(file, loadProfile(profilePath));
  if (program === null) return 1;
  const { runProgramJit } = await import('./jitrun.js');
  const r = runProgramJit(program, [file, ...args]);
  r.image.dispose();
  return r.status;
}
