// Running a compiled program in-process (`edgepyc run --jit`): the same chunks that go into
// the ELF are mapped through koffi (jit.ts) and entered at rt_program_main with the
// process's arguments and environment; the exit status comes back as a number.

import koffi from 'koffi';
import { mapImage, type MappedImage } from './jit.js';
import type { NativeProgram } from './program.js';

/** A NUL-terminated array of C strings in memory owned by JavaScript (kept alive by `keep`). */
function cStringArray(strings: readonly string[], keep: unknown[]): bigint {
  const ptrs = new BigUint64Array(strings.length + 1);
  strings.forEach((s, i) => {
    const buf = Buffer.from(`${s}\0`, 'utf8');
    keep.push(buf);
    ptrs[i] = BigInt(koffi.address(buf) as unknown as bigint);
  });
  const arr = Buffer.from(ptrs.buffer);
  keep.push(arr);
  return BigInt(koffi.address(arr) as unknown as bigint);
}

export interface JitRun {
  image: MappedImage;
  status: number;
}

/** Map the program, run its main module with `argv` (argv[0] = script path), return the status. */
export function runProgramJit(program: NativeProgram, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): JitRun {
  const image = mapImage(program.chunks);
  const keep: unknown[] = [];
  const argvPtr = cStringArray(argv, keep);
  const envPtr = cStringArray(Object.entries(env).map(([k, v]) => `${k}=${v ?? ''}`), keep);
  const status = Number(BigInt.asIntN(32, image.call('rt_program_main', BigInt(argv.length), argvPtr, envPtr)));
  void keep;
  return { image, status };
}
