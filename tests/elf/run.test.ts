// Runs every sample executable and checks what it prints and its exit status: the
// kernel accepted the headers, mapped each segment where the code expects it, started
// at e_entry, zero-filled .bss and kept .data writable.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { SAMPLES, SAMPLE_NAMES } from './samples.js';
import { makeTempDir, writeExecutable } from './tools.js';

describe('sample executables run natively', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it.each(SAMPLE_NAMES)('%s prints the expected output and exit code', async (name) => {
    const sample = SAMPLES[name]();
    const path = await writeExecutable(temp.dir, name, sample.bytes);
    const result = await execa(path, [], { reject: false, stripFinalNewline: false, timeout: 10_000 });
    expect(result.signal ?? null).toBe(null);
    expect(result.stdout).toBe(sample.stdout);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(sample.exitCode);
  });
});
