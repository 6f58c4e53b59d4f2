// _edgepyc_os for the interpreter: the system calls runtime/lib/os stands on, over Node's fs.
//
// Compiled programs get the same module from runtime/core/osfile.ts (raw Linux system
// calls). The contract is shared: paths arrive as bytes (already encoded by os.fsencode),
// results are ints (0, a mode) or values, and a failure returns -errno so that the Python
// side raises the OSError subclass with CPython's message (runtime/lib/_osbase.py).
// The interpreter has its own open() (builtins/fileio.ts), so only the path functions are
// here, plus listdir (natively a loop over getdents in os/__init__.py). chdir is missing:
// the interpreter runs programs in a worker thread, where Node has no process.chdir.

import { fstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { fn } from '../bi.js';
import { PyBytes, type PyModule } from '../objects.js';
import { newList } from '../protocol.js';
import { bytesType } from '../typeobj.js';

function bytesOf(s: string): PyBytes {
  return new PyBytes(bytesType, new Uint8Array(Buffer.from(s, 'utf8')));
}

function pathOf(v: any): string {
  return Buffer.from((v as PyBytes).v).toString('utf8');
}

/** Run a file-system call: its result, or -errno when Node reports a system error. */
function sys<T>(f: () => T): T | number {
  try {
    return f();
  } catch (e: any) {
    if (e && typeof e.errno === 'number') return e.errno < 0 ? e.errno : -e.errno;
    throw e;
  }
}

export function initEdgepycOs(m: PyModule): void {
  const d = m.dict!;
  d.setStr('getcwd', fn('getcwd', () => sys(() => bytesOf(process.cwd()))));
  d.setStr('stat', fn('stat', (a) => sys(() => statSync(pathOf(a[0])).mode)));
  d.setStr('fstat', fn('fstat', (a) => sys(() => fstatSync(Number(a[0])).mode)));
  d.setStr('unlink', fn('unlink', (a) => sys(() => (unlinkSync(pathOf(a[0])), 0))));
  d.setStr('rmdir', fn('rmdir', (a) => sys(() => (rmdirSync(pathOf(a[0])), 0))));
  d.setStr('mkdir', fn('mkdir', (a) => sys(() => (mkdirSync(pathOf(a[0]), { mode: Number(a[1]) }), 0))));
  d.setStr('rename', fn('rename', (a) => sys(() => (renameSync(pathOf(a[0]), pathOf(a[1])), 0))));
  d.setStr('listdir', fn('listdir', (a) => sys(() => newList(readdirSync(pathOf(a[0])).map(bytesOf)))));
  d.setStr('environ', fn('environ', () => newList(Object.entries(process.env).map(([k, v]) => bytesOf(`${k}=${v ?? ''}`)))));
}
