// Runtime core: the syscall and stdout routines, run in-process through the JIT loader
// (and through a real static executable for the process-level ones).

import { describe, expect, test } from 'vitest';
import { assembleRuntime } from '../../src/native/rt.js';
import { mapImage } from '../../src/native/jit.js';
import { sysModule } from '../../runtime/core/sys.js';

describe('runtime sys module', () => {
  test('rt_write_all writes through a pipe-less fd and returns 0; stdout buffer accumulates', () => {
    const img = mapImage(assembleRuntime([sysModule]));
    try {
      // Write into the stdout buffer without flushing and read it back.
      const msg = new TextEncoder().encode('hello');
      const scratch = img.addr('rt_scratch');
      img.write(scratch, msg);
      img.call('rt_stdout_write', scratch, BigInt(msg.length));
      expect(img.readU64(img.addr('rt_stdout_len'))).toBe(5n);
      expect(new TextDecoder().decode(img.read(img.addr('rt_stdout_buf'), 5))).toBe('hello');
      img.call('rt_stdout_write', scratch, 3n);
      expect(img.readU64(img.addr('rt_stdout_len'))).toBe(8n);
      // Discard the buffer (do not write test noise to the real stdout).
      img.writeU64(img.addr('rt_stdout_len'), 0n);
      // Writing to an invalid fd reports -EBADF.
      const r = img.call('rt_write_all', 12345n, scratch, 5n);
      expect(BigInt.asIntN(64, r)).toBe(-9n);
    } finally {
      img.dispose();
    }
  });

  test('text is mapped read+execute, data read+write, never both', () => {
    const img = mapImage(assembleRuntime([sysModule]));
    try {
      expect(img.protections.text).toBe(5);
      expect(img.protections.data & 4).toBe(0);
      expect(img.protections.bss & 4).toBe(0);
    } finally {
      img.dispose();
    }
  });
});

describe('rt_getenv', () => {
  test('finds NAME=value in rt_envp and nothing when absent', () => {
    const img = mapImage(assembleRuntime([sysModule]));
    try {
      const base = img.addr('rt_scratch');
      const enc = (s: string) => new TextEncoder().encode(`${s}\0`);
      // Strings at base+64..., the envp array at base.
      const strs = ['A=1', 'EDGEPYC_GC=yes', 'EDGEPYC_GC_STATS=2'];
      let at = base + 64n;
      const ptrs: bigint[] = [];
      for (const s of strs) {
        img.write(at, enc(s));
        ptrs.push(at);
        at += BigInt(enc(s).length);
      }
      ptrs.forEach((p, i) => img.writeU64(base + BigInt(8 * i), p));
      img.writeU64(base + BigInt(8 * ptrs.length), 0n);
      const name = at + 8n;
      const lookup = (n: string): string | null => {
        img.write(name, enc(n));
        const r = img.call('rt_getenv', name);
        if (r === 0n) return null;
        const bytes = img.read(r, 16);
        return new TextDecoder().decode(bytes.slice(0, bytes.indexOf(0)));
      };
      expect(lookup('EDGEPYC_GC_STATS')).toBeNull(); // rt_envp not set yet
      img.writeU64(img.addr('rt_envp'), base);
      expect(lookup('EDGEPYC_GC_STATS')).toBe('2');
      expect(lookup('EDGEPYC_GC')).toBe('yes');
      expect(lookup('A')).toBe('1');
      expect(lookup('EDGEPYC')).toBeNull();
      expect(lookup('B')).toBeNull();
    } finally {
      img.dispose();
    }
  });
});
