// Reproducibility: the same input gives the same bytes, every byte of the file is
// either a structure, a section's contents or zero padding, and the bytes match the
// checked-in fixtures (regenerate with `npx tsx tests/elf/update-fixtures.ts`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readElf } from './read-elf.js';
import { SAMPLES, SAMPLE_NAMES } from './samples.js';
import { hasTool, makeTempDir, writeExecutable } from './tools.js';
import { FIXTURES, readelfSummary, sha256 } from './update-fixtures.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe.each(SAMPLE_NAMES)('%s', (name) => {
  it('is byte-identical when built twice', () => {
    const first = SAMPLES[name]().bytes;
    const second = SAMPLES[name]().bytes;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('has only zeros outside the headers and section contents', () => {
    const bytes = SAMPLES[name]().bytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const phnum = view.getUint16(0x38, true);
    const covered = new Uint8Array(bytes.length);
    const cover = (start: number, length: number) => covered.fill(1, start, start + length);
    cover(0, 64 + phnum * 56);
    const elf = readElf(bytes);
    cover(Number(view.getBigUint64(0x28, true)), elf.sections.length * 64);
    for (const section of elf.sections) {
      if (section.type !== 8 /* SHT_NOBITS */) cover(Number(section.offset), Number(section.size));
    }
    const stray = [...bytes.keys()].filter((at) => covered[at] === 0 && bytes[at] !== 0);
    expect(stray).toEqual([]);
  });

  it('matches the checked-in SHA-256 (fixtures/samples.sha256)', () => {
    const expected = fixture('samples.sha256')
      .split('\n')
      .find((line) => line.endsWith(`  ${name}`));
    expect(expected, 'run: npx tsx tests/elf/update-fixtures.ts').toBeDefined();
    expect(`${sha256(SAMPLES[name]().bytes)}  ${name}`).toBe(expected);
  });
});

describe.skipIf(!hasTool('readelf'))('readelf golden (needs readelf; skipped if absent)', () => {
  it('hello matches fixtures/hello.readelf.txt when the recorded readelf version is installed', async (context) => {
    const golden = fixture('hello.readelf.txt').split('\n');
    const temp = await makeTempDir();
    try {
      const path = await writeExecutable(temp.dir, 'hello', SAMPLES.hello().bytes);
      const { version, text } = await readelfSummary(path);
      if (golden[1] !== `# ${version}`) context.skip(`fixture was made with ${golden[1]}, this is ${version}`);
      expect(text).toBe(golden.slice(3).join('\n').replace(/\n$/, ''));
    } finally {
      await temp.cleanup();
    }
  });
});
