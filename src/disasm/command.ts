// `edgepyc disasm FILE` (without --bytecode): the native three-view listing of a program.
//
// Compiles like `edgepyc build` (same front end, same profile handling, same refusals with
// file:line:col and status 1), links at a fixed base and prints native.ts's listing of the
// main file's functions (or of `--function NAME` in any of the program's files).

import { readFileSync } from 'node:fs';
import { readProfile } from '../interp/profile.js';
import { compileNative } from '../native/command.js';
import { mainPath } from '../paths.js';
import { listProgram } from './native.js';

export interface DisasmRequest {
  readonly file: string;
  readonly profilePath: string | null;
  readonly function?: string;
}

/** Print the listing; returns the exit status (1: compile error, 2: no such function). */
export function disasmCommand(req: DisasmRequest): number {
  const program = compileNative(req.file, req.profilePath === null ? null : readProfile(req.profilePath));
  if (program === null) return 1;
  const source = (filename: string): string | null => {
    try {
      return readFileSync(filename === mainPath(req.file) ? req.file : filename, 'utf8');
    } catch {
      return null;
    }
  };
  const text = listProgram(program, { function: req.function, file: req.function === undefined ? mainPath(req.file) : undefined, source });
  if (text === '') {
    process.stderr.write(`edgepyc: error: no function named '${req.function}' in ${req.file}\n`);
    return 2;
  }
  process.stdout.write(text);
  return 0;
}
