// Test support: temporary executables and the optional external tools (readelf, nm,
// gdb) the ELF tests cross-check against. A test that needs a missing tool is skipped
// with the tool's name in its title, never silently passed.

import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execaSync } from 'execa';

/** True if `tool --version` runs. */
export function hasTool(tool: 'readelf' | 'nm' | 'gdb'): boolean {
  try {
    return execaSync(tool, ['--version'], { reject: false }).exitCode === 0;
  } catch {
    return false;
  }
}

/** A fresh temporary directory; call the returned cleanup in afterAll. */
export async function makeTempDir(): Promise<{ readonly dir: string; readonly cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'edgepyc-elf-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Write `bytes` as an executable file and return its path. */
export async function writeExecutable(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  await chmod(path, 0o755);
  return path;
}
