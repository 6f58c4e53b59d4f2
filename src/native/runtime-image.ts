// The assembled runtime, cached.
//
// The runtime does not depend on the program being compiled, so it is assembled once and
// kept: in this process, and on disk under the user's cache directory keyed by a hash of
// every source file that goes into it (the runtime modules, the assembler, the native
// layout and macros). A build then only stitches the program's own functions. Deleting the
// cache is always safe; a changed source gives a new key.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeModules } from '../../runtime/index.js';
import type { Chunk } from './image.js';
import { assembleRuntime, type RuntimeModule } from './rt.js';

const FORMAT = 1;

let memo: { key: string; chunks: Chunk[]; modules: RuntimeModule[] } | null = null;

/** Source files whose contents determine the runtime image. */
function sourceFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url)); // src/native (or dist/src/native)
  const root = join(here, '..', '..');
  const dirs = [join(root, 'runtime'), join(root, 'src', 'asm'), join(root, 'src', 'native'), join(root, 'src', 'unicode'), join(root, 'src', 'bytecode')];
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')) out.push(p);
    }
  };
  dirs.forEach(walk);
  return out;
}

function cacheKey(): string {
  const h = createHash('sha256');
  h.update(`edgepyc-runtime-${FORMAT}\n`);
  for (const f of sourceFiles()) {
    h.update(f.slice(f.lastIndexOf('/runtime/') >= 0 ? f.lastIndexOf('/runtime/') : 0));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 24);
}

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'edgepyc');
}

interface Serialized {
  format: number;
  chunks: { name: string; section: Chunk['section']; bytes: string; size?: number; align: number; symbols: Chunk['symbols']; relocs: { offset: number; kind: Chunk['relocs'][number]['kind']; symbol: string; addend: string }[] }[];
}

function serialize(chunks: Chunk[]): string {
  const s: Serialized = {
    format: FORMAT,
    chunks: chunks.map((c) => ({
      name: c.name,
      section: c.section,
      bytes: Buffer.from(c.bytes).toString('base64'),
      size: c.size,
      align: c.align,
      symbols: c.symbols,
      relocs: c.relocs.map((r) => ({ offset: r.offset, kind: r.kind, symbol: r.symbol, addend: r.addend.toString() })),
    })),
  };
  return JSON.stringify(s);
}

function deserialize(text: string): Chunk[] | null {
  const s = JSON.parse(text) as Serialized;
  if (s.format !== FORMAT) return null;
  return s.chunks.map((c) => ({
    name: c.name,
    section: c.section,
    bytes: new Uint8Array(Buffer.from(c.bytes, 'base64')),
    size: c.size,
    align: c.align,
    symbols: c.symbols,
    relocs: c.relocs.map((r) => ({ offset: r.offset, kind: r.kind, symbol: r.symbol, addend: BigInt(r.addend) })),
  }));
}

/**
 * The key of the sources this process loaded, read when this module is evaluated: right
 * after the runtime modules were imported (they are static imports above). Reading the files
 * later would let a rebuild of dist/ in between (a developer's `npm run build` while builds
 * run) file the image assembled from the old modules under the new sources' key.
 */
const loadedKey: string = process.env.EDGEPYC_NO_RUNTIME_CACHE ? 'uncached' : cacheKey();

/** The runtime's modules and assembled chunks (from the cache when it is current). */
export function runtimeImage(): { chunks: Chunk[]; modules: RuntimeModule[] } {
  // Sources do not change under a running process: one image per process.
  if (memo !== null) return memo;
  const key = loadedKey;
  const modules = runtimeModules();
  let chunks: Chunk[] | null = null;
  const file = join(cacheDir(), `runtime-${key}.json`);
  if (key !== 'uncached' && existsSync(file)) {
    try {
      chunks = deserialize(readFileSync(file, 'utf8'));
    } catch {
      chunks = null;
    }
  }
  if (chunks === null) {
    chunks = assembleRuntime(modules);
    if (key !== 'uncached') {
      try {
        mkdirSync(cacheDir(), { recursive: true });
        const tmp = `${file}.tmp-${process.pid}`;
        writeFileSync(tmp, serialize(chunks));
        renameSync(tmp, file);
      } catch {
        // No writable cache: the next build assembles again.
      }
    }
  }
  memo = { key, chunks, modules };
  return memo;
}
